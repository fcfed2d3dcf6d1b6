import Watchfloor

/// W2, hollow gratitude: the share of public gratitude reported as *coerced*, among all the
/// gratitude reported (coerced, sincere, `unclear` — the state media's thanks — and uncoded),
/// over a moving window, against its baseline, with Beta–Binomial credible intervals
/// (``ShareShiftTest``). Stories are weighted by `reliability × confidence`, so that a claim of
/// coercion from an unreliable outlet moves the share less. The rate of `DISCONTENT` reports in
/// the same window and baseline is reported beside it.
///
/// ```swift
/// let monitor = GratitudeMonitor(settings: .default)
/// let findings = monitor.findings(ledger: ledger, province: .ryanggang, interval: analysed)
/// findings.first?.figures["discontent_rate_window"]
/// ```
public struct GratitudeMonitor: Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        public var share: ShareShiftTest.Settings
        public var gratitudeType: EventType
        public var discontentType: EventType

        public init(
            share: ShareShiftTest.Settings = .init(
                windowDays: 60, baselineDays: 180, interval: 0.95, minimumWindow: 5, minimumBaseline: 5),
            gratitudeType: EventType = .gratitudeExpression, discontentType: EventType = .discontent
        ) {
            self.share = share
            self.gratitudeType = gratitudeType
            self.discontentType = discontentType
        }

        public static let `default` = Settings()
    }

    public let settings: Settings

    public init(settings: Settings = .default) {
        self.settings = settings
    }

    private func gratitude(_ province: Province?) -> SeriesSelection {
        SeriesSelection(types: [settings.gratitudeType], province: province)
    }

    /// The coerced share over one period (for a dashboard cell or a report table).
    ///
    /// The denominator is all gratitude, not only the gratitude whose sincerity is told: insiders
    /// rarely call thanks sincere, so a share of coerced among coerced-or-sincere sits near 1 and
    /// cannot rise, while coercion reported more often beside steady public thanks is exactly the
    /// hollowing the warning is for.
    public func share(ledger: IndicatorLedger, province: Province?, period: DayInterval) -> ShareReading {
        let coerced = ledger.series(gratitude(province), over: period, weighting: .reliability) { $0.sincerity == .coerced }
        let others = ledger.series(gratitude(province), over: period, weighting: .reliability) { $0.sincerity != .coerced }
        return ShareReading(
            period: period, successes: coerced.values.reduce(0, +), failures: others.values.reduce(0, +),
            settings: settings.share)
    }

    /// Episodes in which the coerced share moved clearly above its baseline.
    public func findings(ledger: IndicatorLedger, province: Province?, interval: DayInterval) -> [ShareFinding] {
        let selection = gratitude(province)
        let coerced = ledger.series(selection, over: interval, weighting: .reliability) { $0.sincerity == .coerced }
        let others = ledger.series(selection, over: interval, weighting: .reliability) { $0.sincerity != .coerced }
        let shifts = ShareShiftTest(settings: settings.share).scan(successes: coerced.values, failures: others.values)
        guard !shifts.isEmpty else { return [] }
        let discontent = SeriesSelection(types: [settings.discontentType], province: province)
        let discontentDaily = ledger.series(discontent, over: interval)
        return shifts.map { shift in
            var finding = ShareFinding(province: province, shift: shift, interval: interval, events: [])
            let window = finding.window(settings.share)
            let baseline = DayInterval(
                first: max(interval.first, window.first.adding(days: -settings.share.baselineDays)),
                last: window.first.adding(days: -1))
            func rate(_ days: DayInterval) -> Double {
                guard let clipped = days.intersection(interval) else { return 0 }
                return clipped.reduce(0) { $0 + discontentDaily[$1] } / Double(clipped.count)
            }
            finding.figures = [
                "discontent_rate_window": rate(window), "discontent_rate_baseline": rate(baseline),
            ]
            finding.events =
                ledger.events(selection, in: window) { $0.sincerity == .coerced }
                + ledger.events(discontent, in: window)
            return finding
        }
    }
}
