import Watchfloor
import WatchfloorAnalysis
import WatchfloorStore

/// The analysis stage run on demand over some series of a store, as `watchfloor series`, the
/// series page, the warning page and the API show them: the same change points and silences the
/// warnings were raised from, because it is the same analysis on the same days.
///
/// - The analysis date is the store's last publication day, as ``WarningRefresh`` uses.
/// - Only the events of the series asked for are read (a series' counts and exposure depend on
///   its own events alone), and the coverage log of every outlet, which sets the days analysed.
///
/// ```swift
/// guard let analyser = try SeriesAnalyser(store: store, settings: context.analysis) else { return }
/// let aid = SeriesSelection(types: [.giftDelivery, .condolenceVisit], province: .northHamgyong)
/// let analysis = try analyser.analyse([aid])[0]
/// analysis.changePoints    // as `watchfloor series --type GIFT_DELIVERY --type CONDOLENCE_VISIT --province KP-09`
/// ```
public struct SeriesAnalyser: Sendable {
    public let store: any Store
    public let settings: AnalysisSettings
    public let asOf: Day
    let coverage: CoverageLog

    /// `nil` when no document in the store is dated (there is no analysis date).
    public init?(store: any Store, settings: AnalysisSettings, asOf: Day? = nil) throws {
        guard let asOf = try asOf ?? store.lastPublicationDay() else { return nil }
        self.store = store
        self.settings = settings
        self.asOf = asOf
        coverage = CoverageLog(try store.coverage(), asOf: asOf, settings: settings.coverage)
    }

    /// Each selection analysed, in order, from one read of their events.
    public func analyse(_ selections: [SeriesSelection], trace: Bool = false) throws -> [SeriesAnalysis] {
        guard !selections.isEmpty else { return [] }
        let types = Array(Set(selections.flatMap(\.types))).sorted()
        let provinces = Set(selections.map(\.province))
        // One province for all: read only its events; otherwise every province's.
        let province = provinces.count == 1 ? provinces.first! : nil
        let facts = try store.eventFacts(types: types, province: province)
        let ledger = IndicatorLedger(facts.lazy.filter { $0.day <= asOf })
        let context = AnalysisContext(
            ledger: ledger, coverage: coverage, asOf: asOf, lookbackDays: settings.lookbackDays)
        return selections.map { context.analyse($0, settings: settings, trace: trace) }
    }

    /// The stored warning each change point and silence of `analysis` became, where one did.
    public func warningLinks(_ analysis: SeriesAnalysis, warnings: [Warning]) -> SeriesWarningLinks {
        SeriesWarningLinks(analysis: analysis, warnings: warnings, settings: settings)
    }
}
