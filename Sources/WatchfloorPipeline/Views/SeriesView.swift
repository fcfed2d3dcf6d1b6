import Watchfloor
import WatchfloorStore

/// An indicator series as the series page, the warning page and the API show it: the counts
/// over a window, by day or by week, with the change points, silences and coverage changes that
/// explain it.
///
/// Until the analysis stage's API is connected, change points and silences are read from the
/// stored warnings (a W1/W2/W4/W5 warning on this series marks a change at its onset, a W3
/// warning a silence), and coverage marks from the coverage log (outlets starting or stopping).
///
/// ```swift
/// let view = try SeriesView.load(from: store, key: SeriesKey(type: .giftDelivery, province: .northHamgyong),
///                                granularity: .week)
/// view.bins.last?.value   // stories in the last week
/// ```
public struct SeriesView: Sendable {
    public enum Granularity: String, Sendable, CaseIterable {
        case day, week
    }

    public enum Direction: String, Sendable {
        case rise, drop
    }

    /// A bar of the chart: a day, or an ISO week (the first and last may be partial).
    public struct Bin: Sendable, Hashable {
        public var start: Day
        /// Days of the window in the bin.
        public var days: Int
        public var value: Double
    }

    public struct ChangeMark: Sendable, Hashable {
        /// The first day of the new rate.
        public var day: Day
        public var detectedOn: Day
        public var direction: Direction
        public var probability: Double
        public var warning: Int64?
    }

    public struct SilenceSpan: Sendable, Hashable {
        public var interval: DayInterval
        public var warning: Int64?
    }

    /// A change in who is watching: an outlet that started publishing or went quiet.
    public struct CoverageMark: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case started = "started publishing"
            case stopped = "went quiet"
        }

        public var day: Day
        public var source: String
        public var kind: Kind
    }

    public var key: SeriesKey
    public var granularity: Granularity
    /// `nil` when nothing was ever reported on the series and no window was asked for.
    public var window: DayInterval?
    /// Stories per publication day over the window (syndicated copies counted once).
    public var daily: DailySeries
    public var bins: [Bin]
    public var changePoints: [ChangeMark]
    public var silenceSpans: [SilenceSpan]
    public var coverageMarks: [CoverageMark]

    public var total: Double { daily.values.reduce(0, +) }
    public var title: String { key.displayName }

    /// The window shown when none is asked for: the series' own start (at most `defaultDays`
    /// back) to the last day of reporting in the store, so that a series that stopped shows its
    /// silence up to today.
    public static let defaultDays = 730

    public static func load(
        from store: any Store, key: SeriesKey, granularity: Granularity = .day, window requested: DayInterval? = nil,
        warnings: [Warning]? = nil, outlets: [OutletSpan]? = nil
    ) throws -> SeriesView {
        let stored = try requested.map { try store.series(key, weighted: false, window: $0) } ?? store.series(key, weighted: false)
        let window: DayInterval?
        if let requested {
            window = requested
        } else if let last = try store.totals().lastDay ?? stored.interval?.last {
            let first = max(stored.interval?.first ?? last, last.adding(days: -defaultDays + 1))
            window = DayInterval(first: min(first, last), last: last)
        } else {
            window = nil
        }
        let daily = window.map { interval in
            DailySeries(start: interval.first, values: interval.map { stored[$0] })
        } ?? DailySeries(start: Day(ordinal: 0), values: [])
        let related = try (warnings ?? store.warnings()).filter {
            $0.province == key.province && $0.types.contains(key.type)
        }
        return SeriesView(
            key: key, granularity: granularity, window: window, daily: daily, bins: Self.bins(daily, granularity),
            changePoints: related.compactMap(Self.changeMark).filter { window?.contains($0.day) ?? false },
            silenceSpans: related.compactMap(Self.silence).compactMap { span in
                guard let window, let clipped = span.interval.overlap(window) else { return nil }
                return SilenceSpan(interval: clipped, warning: span.warning)
            },
            coverageMarks: try window.map { Self.coverageMarks(try outlets ?? OutletSpan.load(from: store), in: $0) } ?? [])
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

    static func changeMark(_ warning: Warning) -> ChangeMark? {
        guard warning.kind != .silence else { return nil }
        let direction: Direction
        if let before = warning.figures["rate_before"], let after = warning.figures["rate_after"] {
            direction = after >= before ? .rise : .drop
        } else {
            // Without rates, the warning's kind says which way its series moved.
            let disruption = warning.types.contains(.aidDisruption) || warning.types.contains(.discontent)
            direction = warning.kind == .giftFlowDisruption && !disruption ? .drop : .rise
        }
        return ChangeMark(
            day: warning.onset, detectedOn: warning.detectedOn, direction: direction,
            probability: min(max(warning.score, 0), 1), warning: warning.id)
    }

    static func silence(_ warning: Warning) -> SilenceSpan? {
        guard warning.kind == .silence else { return nil }
        let days = warning.figures["run_days"].map { max(Int($0), 1) }
        let last = days.map { warning.onset.adding(days: $0 - 1) } ?? max(warning.detectedOn, warning.onset)
        return SilenceSpan(interval: DayInterval(first: warning.onset, last: last), warning: warning.id)
    }

    static func coverageMarks(_ outlets: [OutletSpan], in window: DayInterval) -> [CoverageMark] {
        // An outlet whose last document is more than a month before the window ends has gone quiet.
        let quietAfter = window.last.adding(days: -30)
        var marks: [CoverageMark] = []
        for outlet in outlets {
            if outlet.first > window.first, window.contains(outlet.first) {
                marks.append(CoverageMark(day: outlet.first, source: outlet.source, kind: .started))
            }
            if outlet.last < quietAfter, window.contains(outlet.last.adding(days: 1)) {
                marks.append(CoverageMark(day: outlet.last.adding(days: 1), source: outlet.source, kind: .stopped))
            }
        }
        return marks.sorted { ($0.day, $0.source) < ($1.day, $1.source) }
    }

    /// The series as CSV: one row per bin.
    public func csv() -> String {
        var out = CSVOutput.row(["type", "province", "period_start", "days", "stories"])
        for bin in bins {
            out += CSVOutput.row([
                key.type.rawValue, key.province?.code ?? "national", bin.start.description, String(bin.days),
                bin.value == bin.value.rounded() ? String(Int(bin.value)) : String(bin.value),
            ])
        }
        return out
    }
}

/// The first and last day an outlet published, from the coverage log.
public struct OutletSpan: Sendable, Hashable {
    public var source: String
    public var first: Day
    public var last: Day

    public static func load(from store: any Store) throws -> [OutletSpan] {
        var spans: [String: OutletSpan] = [:]
        for day in try store.coverage() where day.documents > 0 {
            if var span = spans[day.source] {
                span.first = min(span.first, day.day)
                span.last = max(span.last, day.day)
                spans[day.source] = span
            } else {
                spans[day.source] = OutletSpan(source: day.source, first: day.day, last: day.day)
            }
        }
        return spans.values.sorted { $0.source < $1.source }
    }
}

extension DayInterval {
    /// The days in both intervals, if any.
    public func overlap(_ other: DayInterval) -> DayInterval? {
        let first = Swift.max(self.first, other.first)
        let last = Swift.min(self.last, other.last)
        return first <= last ? DayInterval(first: first, last: last) : nil
    }
}
