import Watchfloor
import WatchfloorStore

/// One province: its warnings, its indicators and its latest events.
public struct ProvinceView: Sendable {
    public var province: Province
    public var warnings: [Warning]
    public var indicators: [IndicatorTrend]
    public var recentEvents: [StoredEvent]
    /// Events with this province that count in indicators.
    public var eventCount: Int
    public var lastDay: Day?

    public static func load(
        from store: any Store, province: Province, types: [EventType] = EventType.giftPolitics, recent: Int = 10,
        weeks: Int = 26
    ) throws -> ProvinceView {
        let lastDay = try store.totals().lastDay
        let warnings = try store.warnings().filter { $0.province == province }
        return ProvinceView(
            province: province, warnings: warnings,
            indicators: try lastDay.map {
                try IndicatorTrend.load(from: store, types: types, province: province, endingOn: $0, weeks: weeks, warnings: warnings)
            } ?? [],
            recentEvents: try store.events(EventFilter(province: province, limit: recent)),
            eventCount: try store.countEvents(EventFilter(province: province), upTo: 1_000_000_000).value, lastDay: lastDay)
    }
}
