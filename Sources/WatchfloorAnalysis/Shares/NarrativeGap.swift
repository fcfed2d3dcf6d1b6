import Watchfloor

/// W4, the narrative gap: for one province and period, how far provincial reporting of strain has
/// pulled away from the central narrative about the same place.
///
/// **The index.** Let N be the weighted count of *central-narrative* stories about the province
/// in the period (state media reporting honours, gifts, visits, gratitude) and M the weighted
/// count of *provincial-strain* stories (insider outlets reporting aid disruption, discontent,
/// control measures); each story weighs `reliability × confidence`. The gap index is the share
/// of strain in the two together, with a Beta(1 + M, 1 + N) posterior:
///
///     gap = M / (M + N)        reported as the posterior mean with a 95% credible interval
///
/// 0 means the province is reported only as the narrative tells it; 0.5 means as much strain as
/// honour; near 1, strain alone. The interval says how much reporting the figure rests on.
///
/// **The warning.** A gap is raised in either of two ways, both requiring that the narrative is
/// still running (at least ``ShareShiftTest/Settings/minimumWindowFailures`` weighted narrative
/// stories in the window): state media keeps honouring the fallen while insiders report strain.
/// A province where state media has gone quiet is a W1/W3 matter, not a divergence.
/// 1. *The index moved:* over a moving window, its 95% interval lies wholly above the interval of
///    the province's own baseline (``ShareShiftTest``).
/// 2. *Strain surged:* the change detector finds a rise in the province's strain stories (all
///    outlets, per day of coverage; run by ``WarningEngine``). Where state media says little about
///    a province, the index rests on a handful of narrative stories and its interval stays wide for
///    months; a surge of strain against a narrative that carries on is the same divergence, seen sooner.
///
/// ```swift
/// let gap = NarrativeGap(settings: .default)
/// gap.index(ledger: ledger, province: .northHamgyong, period: september)   // mean, lower, upper
/// ```
public struct NarrativeGap: Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        public var narrativeTypes: [EventType]
        public var narrativeSources: [SourceKind]
        public var strainTypes: [EventType]
        public var strainSources: [SourceKind]
        public var share: ShareShiftTest.Settings

        public init(
            narrativeTypes: [EventType] = [.memorialHonor, .giftDelivery, .condolenceVisit, .gratitudeExpression],
            narrativeSources: [SourceKind] = [.stateMedia],
            strainTypes: [EventType] = [.aidDisruption, .discontent, .controlMeasure],
            strainSources: [SourceKind] = [.insider],
            share: ShareShiftTest.Settings = .init(
                windowDays: 60, baselineDays: 180, interval: 0.95, minimumWindow: 6, minimumBaseline: 6, minimumWindowSuccesses: 3,
                minimumWindowFailures: 3)
        ) {
            self.narrativeTypes = narrativeTypes
            self.narrativeSources = narrativeSources
            self.strainTypes = strainTypes
            self.strainSources = strainSources
            self.share = share
        }

        public static let `default` = Settings()
    }

    public let settings: Settings

    public init(settings: Settings = .default) {
        self.settings = settings
    }

    private func sides(_ province: Province?) -> (
        narrative: SeriesSelection, isNarrative: (EventFact) -> Bool, strain: SeriesSelection,
        isStrain: (EventFact) -> Bool
    ) {
        let narrativeSources = Set(settings.narrativeSources)
        let strainSources = Set(settings.strainSources)
        return (
            SeriesSelection(types: settings.narrativeTypes, province: province),
            { narrativeSources.contains($0.sourceKind) },
            SeriesSelection(types: settings.strainTypes, province: province),
            { strainSources.contains($0.sourceKind) }
        )
    }

    /// Weighted central-narrative stories about `province` within `period`: is the narrative still running?
    public func narrative(ledger: IndicatorLedger, province: Province?, period: DayInterval) -> Double {
        let (narrative, isNarrative, _, _) = sides(province)
        return ledger.series(narrative, over: period, weighting: .reliability, where: isNarrative).values.reduce(0, +)
    }

    /// The strain side as one series selection (all outlets), for the change detector.
    public func strainSelection(_ province: Province?) -> SeriesSelection {
        SeriesSelection(types: settings.strainTypes, province: province)
    }

    /// The gap index over one period.
    public func index(ledger: IndicatorLedger, province: Province?, period: DayInterval) -> ShareReading {
        let (narrative, isNarrative, strain, isStrain) = sides(province)
        let n = ledger.series(narrative, over: period, weighting: .reliability, where: isNarrative).values.reduce(0, +)
        let m = ledger.series(strain, over: period, weighting: .reliability, where: isStrain).values.reduce(0, +)
        return ShareReading(period: period, successes: m, failures: n, settings: settings.share)
    }

    /// The index per calendar month that `interval` touches (the first and last may be partial).
    public func monthly(ledger: IndicatorLedger, province: Province?, interval: DayInterval) -> [ShareReading] {
        var readings: [ShareReading] = []
        var month = interval.first.monthStart
        while month <= interval.last {
            let next = month.adding(months: 1)
            let period = DayInterval(first: max(month, interval.first), last: min(next.adding(days: -1), interval.last))
            readings.append(index(ledger: ledger, province: province, period: period))
            month = next
        }
        return readings
    }

    /// Episodes in which the gap widened clearly beyond the province's baseline while the
    /// narrative kept running.
    public func findings(ledger: IndicatorLedger, province: Province?, interval: DayInterval) -> [ShareFinding] {
        let (narrative, isNarrative, strain, isStrain) = sides(province)
        let n = ledger.series(narrative, over: interval, weighting: .reliability, where: isNarrative)
        let m = ledger.series(strain, over: interval, weighting: .reliability, where: isStrain)
        let shifts = ShareShiftTest(settings: settings.share).scan(successes: m.values, failures: n.values)
        return shifts.map { shift in
            var finding = ShareFinding(province: province, shift: shift, interval: interval, events: [])
            let window = finding.window(settings.share)
            finding.events = ledger.events(strain, in: window, where: isStrain)
                + ledger.events(narrative, in: window, where: isNarrative)
            finding.figures = [
                "narrative_window": shift.windowTotal - shift.windowSuccesses, "strain_window": shift.windowSuccesses,
            ]
            return finding
        }
    }
}
