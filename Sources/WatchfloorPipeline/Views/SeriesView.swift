import Watchfloor
import WatchfloorAnalysis
import WatchfloorStore

/// An indicator series as the series page, the warning page and the API show it: the stories
/// over a window, by day or by week, with the change points, silences and coverage changes the
/// analysis stage finds in it — the same as `watchfloor series` prints — and the stored warning
/// each change or silence became.
///
/// The analysis runs over every day it analyses (up to the pack's `lookback_days` before the
/// store's last publication day, see ``SeriesAnalyser``); the window only chooses what is shown.
///
/// ```swift
/// let view = try SeriesView.load(
///     from: store, selection: SeriesSelection(types: [.giftDelivery], province: .northHamgyong),
///     settings: context.analysis, granularity: .week)
/// view.changePoints.first?.change.location   // the first day of the new rate
/// ```
public struct SeriesView: Sendable {
    public enum Granularity: String, Sendable, CaseIterable {
        case day, week
    }

    /// A bar of the chart: a day, or an ISO week (the first and last may be partial).
    public struct Bin: Sendable, Hashable {
        public var start: Day
        /// Days of the window in the bin.
        public var days: Int
        public var value: Double
    }

    /// A change point found by the analysis, and the stored warning it became, if any.
    public struct ChangeMark: Sendable, Hashable {
        public var change: ChangePoint
        public var warning: Int64?
    }

    /// A silence found by the analysis (the whole run, which may reach outside the window).
    public struct SilenceSpan: Sendable, Hashable {
        public var interval: DayInterval
        public var detectedOn: Day
        /// The silence runs to the analysis date.
        public var ongoing: Bool
        /// Reports the series' recent rate predicted over the run.
        public var expected: Double
        public var warning: Int64?
    }

    public var selection: SeriesSelection
    public var granularity: Granularity
    /// The analysis date (the store's last publication day); `nil` when nothing is dated.
    public var asOf: Day?
    /// `nil` when nothing was ever reported on the series and no window was asked for.
    public var window: DayInterval?
    /// Stories per publication day over the window (syndicated copies counted once).
    public var daily: DailySeries
    public var bins: [Bin]
    /// Within the window, oldest first.
    public var changePoints: [ChangeMark]
    /// Overlapping the window.
    public var silenceSpans: [SilenceSpan]
    /// Within the window: outlets of this series starting, going quiet, resuming or changing volume.
    public var coverageChanges: [CoverageChange]
    /// Stored warnings about this series' place whose types include the series' types.
    public var warnings: [Warning]
    /// Series the warnings watch that count this series' type together with others.
    public var watchedSelections: [SeriesSelection]

    public var total: Double { daily.values.reduce(0, +) }
    public var title: String { selection.title }

    /// The window shown when none is asked for: the series' first report (at most `defaultDays`
    /// back) to the analysis date, so that a series that stopped shows its silence up to then.
    public static let defaultDays = 730

    /// One series, analysed with `settings` (the pack's `analysis.yaml`).
    ///
    /// - Parameters:
    ///   - window: the days shown; by default from the series' first report (at most
    ///     ``defaultDays`` back) to the analysis date.
    ///   - warnings: the stored warnings, when the caller has read them already.
    public static func load(
        from store: any Store, selection: SeriesSelection, settings: AnalysisSettings, granularity: Granularity = .day,
        window: DayInterval? = nil, warnings: [Warning]? = nil
    ) throws -> SeriesView {
        try load(from: store, selections: [selection], settings: settings, granularity: granularity, window: window,
            warnings: warnings)[0]
    }

    /// Several series over the same window, analysed together (one read of their events).
    public static func load(
        from store: any Store, selections: [SeriesSelection], settings: AnalysisSettings, granularity: Granularity = .day,
        window requested: DayInterval? = nil, warnings: [Warning]? = nil
    ) throws -> [SeriesView] {
        let analyser = try SeriesAnalyser(store: store, settings: settings)
        let analyses = try analyser?.analyse(selections) ?? []
        let warnings = try warnings ?? store.warnings()
        return try selections.enumerated().map { index, selection in
            let analysis = analyses.isEmpty ? nil : analyses[index]
            let window = requested ?? analysis.map { Self.defaultWindow($0) }
            let daily = try window.map { try Self.counts(store, selection, over: $0, analysis: analysis) }
                ?? DailySeries(start: Day(ordinal: 0), values: [])
            var view = SeriesView(
                selection: selection, granularity: granularity, asOf: analyser?.asOf, window: window, daily: daily,
                bins: Self.bins(daily, granularity), changePoints: [], silenceSpans: [], coverageChanges: [],
                warnings: warnings.filter {
                    $0.province == selection.province && Set(selection.types).isSubset(of: $0.types)
                },
                watchedSelections: selection.types.count == 1
                    ? settings.watchedSelections(including: selection.types[0], province: selection.province) : [])
            if let analysis, let analyser, let window {
                view.annotate(with: analysis, links: analyser.warningLinks(analysis, warnings: warnings), window: window)
            }
            return view
        }
    }

    private mutating func annotate(with analysis: SeriesAnalysis, links: SeriesWarningLinks, window: DayInterval) {
        changePoints = zip(analysis.changePoints, links.changes)
            .filter { window.contains($0.0.location) }
            .map { ChangeMark(change: $0.0, warning: $0.1) }
        silenceSpans = zip(analysis.silences, links.silences).compactMap { silence, warning in
            let start = analysis.series.start
            let run = DayInterval(first: start.adding(days: silence.first), last: start.adding(days: silence.last))
            guard run.intersection(window) != nil else { return nil }
            return SilenceSpan(
                interval: run, detectedOn: start.adding(days: silence.detected), ongoing: silence.ongoing,
                expected: silence.expected, warning: warning)
        }
        coverageChanges = analysis.coverageChanges.filter { window.contains($0.day) }
    }

    /// From the series' first report (at most ``defaultDays`` back) to the analysis date.
    static func defaultWindow(_ analysis: SeriesAnalysis) -> DayInterval {
        let last = analysis.interval.last
        let firstReport = analysis.series.values.firstIndex { $0 > 0 }.map { analysis.series.day(at: $0) } ?? last
        return DayInterval(first: max(firstReport, last.adding(days: 1 - defaultDays)), last: last)
    }

    /// The analysed counts on the days the analysis covers; the store's indicator table before
    /// and after them (a window reaching past the analysis' lookback or date).
    static func counts(_ store: any Store, _ selection: SeriesSelection, over window: DayInterval, analysis: SeriesAnalysis?)
        throws -> DailySeries
    {
        let analysed = analysis?.interval
        var values = [Double](repeating: 0, count: window.count)
        if analysed.map({ !(window.first >= $0.first && window.last <= $0.last) }) ?? true {
            for key in selection.keys {
                let stored = try store.series(key, weighted: false, window: window)
                for i in values.indices { values[i] += stored.values[i] }
            }
        }
        if let analysis, let analysed, let shared = window.intersection(analysed) {
            for day in shared { values[day - window.first] = analysis.series[day] }
        }
        return DailySeries(start: window.first, values: values)
    }

    static func bins(_ daily: DailySeries, _ granularity: Granularity) -> [Bin] {
        switch granularity {
        case .day:
            return daily.values.indices.map { Bin(start: daily.day(at: $0), days: 1, value: daily.values[$0]) }
        case .week:
            guard let window = daily.interval else { return [] }
            return daily.weekly().map { week in
                let first = max(week.week, window.first)
                let last = min(week.week.adding(days: 6), window.last)
                return Bin(start: week.week, days: last - first + 1, value: week.value)
            }
        }
    }

    /// The series as CSV: one row per bin, with the change (rise or drop) that starts in it and
    /// whether a silence covers it.
    public func csv() -> String {
        var out = CSVOutput.row(["types", "province", "period_start", "days", "stories", "change", "silence"])
        let types = selection.types.map(\.rawValue).joined(separator: "+")
        for bin in bins {
            let days = DayInterval(first: bin.start, last: bin.start.adding(days: granularity == .week ? 6 : 0))
            let change = changePoints.first { days.contains($0.change.location) }?.change.direction.rawValue ?? ""
            let silent = silenceSpans.contains { $0.interval.intersection(days) != nil }
            out += CSVOutput.row([
                types, selection.province?.code ?? "national", bin.start.description, String(bin.days),
                bin.value == bin.value.rounded() ? String(Int(bin.value)) : String(bin.value), change, silent ? "1" : "0",
            ])
        }
        return out
    }
}
