import Watchfloor
import WatchfloorStore

/// What the dashboard's front page shows: the current warnings, the national indicators,
/// the latest events and what the store holds.
public struct Overview: Sendable {
    public var totals: StoreTotals
    /// Warnings detected in the last ``currentDays`` of reporting, newest first.
    public var currentWarnings: [Warning]
    /// All stored warnings (the current ones included).
    public var warningCount: Int
    /// One trend per event type, national.
    public var indicators: [IndicatorTrend]
    public var recentEvents: [StoredEvent]

    /// How far back from the last day of reporting a warning is "current".
    public static let currentDays = 90

    public static func load(
        from store: any Store, types: [EventType] = EventType.giftPolitics, recent: Int = 10, weeks: Int = 26
    ) throws -> Overview {
        let totals = try store.totals()
        let warnings = try store.warnings()
        let end = totals.lastDay ?? Day(ordinal: 0)
        let cutoff = end.adding(days: -currentDays)
        return Overview(
            totals: totals, currentWarnings: warnings.filter { $0.detectedOn >= cutoff }, warningCount: warnings.count,
            indicators: totals.lastDay == nil
                ? [] : try IndicatorTrend.load(from: store, types: types, province: nil, endingOn: end, weeks: weeks, warnings: warnings),
            recentEvents: try store.events(EventFilter(limit: recent)))
    }
}
