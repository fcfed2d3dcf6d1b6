import Watchfloor
import WatchfloorStore

/// A few months of one indicator in rolling weeks, for sparklines and small multiples: enough to
/// see a trend and whether the last week breaks it.
public struct IndicatorTrend: Sendable, Hashable {
    public var key: SeriesKey
    /// The last day of each seven-day bin, oldest first.
    public var weekEnds: [Day]
    /// Stories per bin.
    public var values: [Double]
    /// Bins in which a warning on this series starts (change point or silence).
    public var marks: [Int]

    public var total: Double { values.reduce(0, +) }
    public var lastWeek: Double { values.last ?? 0 }
    /// The mean of the bins before the last.
    public var baseline: Double { values.count > 1 ? values.dropLast().reduce(0, +) / Double(values.count - 1) : 0 }

    /// Trends of `types` in `province` (nil: national) over `weeks` seven-day bins ending on `end`.
    public static func load(
        from store: any Store, types: [EventType], province: Province?, endingOn end: Day, weeks: Int = 26,
        warnings: [Warning]
    ) throws -> [IndicatorTrend] {
        let first = end.adding(days: -7 * weeks + 1)
        let weekEnds = (0..<weeks).map { first.adding(days: 7 * $0 + 6) }
        return try types.map { type in
            let key = SeriesKey(type: type, province: province)
            let series = try store.series(key, weighted: false, window: DayInterval(first: first, last: end))
            var values = [Double](repeating: 0, count: weeks)
            for (i, value) in series.values.enumerated() { values[i / 7] += value }
            let marks = warnings.filter { $0.province == province && $0.types.contains(type) && $0.onset >= first }
                .map { ($0.onset - first) / 7 }.filter { $0 < weeks }
            return IndicatorTrend(key: key, weekEnds: weekEnds, values: values, marks: Array(Set(marks)).sorted())
        }
    }
}
