import Watchfloor

/// Everything the detectors read, gathered once for an analysis date: the story tally, the
/// coverage log, and the days analysed. Build one per run (or keep the ledger up to date and
/// rebuild only the context) and ask it for series and warnings.
///
/// ```swift
/// let context = AnalysisContext(facts: facts, coverage: outletDays, asOf: today, settings: settings)
/// let aid = context.analyse(SeriesSelection(types: [.giftDelivery], province: .ryanggang), settings: settings)
/// ```
public struct AnalysisContext: Sendable {
    public let asOf: Day
    /// The days analysed: from the first report or coverage (at most `lookbackDays` back) to
    /// `asOf`; `nil` when there is nothing on or before `asOf`.
    public let interval: DayInterval?
    public let ledger: IndicatorLedger
    public let coverage: CoverageLog

    /// Facts and coverage dated after `asOf` are left out: the analysis sees what an analyst had
    /// on that day.
    public init(
        facts: some Sequence<EventFact>, coverage: some Sequence<OutletDay>, asOf: Day,
        settings: AnalysisSettings = .default
    ) {
        let ledger = IndicatorLedger(facts.lazy.filter { $0.day <= asOf })
        self.init(
            ledger: ledger, coverage: CoverageLog(coverage, asOf: asOf, settings: settings.coverage), asOf: asOf,
            lookbackDays: settings.lookbackDays)
    }

    /// From a ledger kept up to date as events arrive.
    public init(ledger: IndicatorLedger, coverage: CoverageLog, asOf: Day, lookbackDays: Int) {
        self.asOf = asOf
        self.ledger = ledger
        self.coverage = coverage
        let starts = [ledger.span?.first, coverage.outlets.values.map(\.firstSeen).min()].compactMap { $0 }
        if let first = starts.min(), first <= asOf {
            interval = DayInterval(first: max(first, asOf.adding(days: 1 - lookbackDays)), last: asOf)
        } else {
            interval = nil
        }
    }

    /// The provinces with at least one report.
    public var provinces: [Province] { ledger.provinces.sorted() }

    /// One series analysed: counts, exposure, change points, silences and coverage changes.
    public func analyse(_ selection: SeriesSelection, settings: AnalysisSettings = .default, trace: Bool = false)
        -> SeriesAnalysis
    {
        let interval = interval ?? DayInterval(first: asOf, last: asOf)
        return SeriesAnalysis(
            selection: selection, ledger: ledger, coverage: coverage, interval: interval, detector: settings.detector,
            silence: settings.silence.detector, dispersion: settings.dispersion, trace: trace)
    }
}
