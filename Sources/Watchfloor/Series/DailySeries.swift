/// The key of an indicator series: an event type, nationally or in one province.
public struct SeriesKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var type: EventType
    /// `nil` for the national series (every event of the type, with or without a province).
    public var province: Province?

    public init(type: EventType, province: Province? = nil) {
        self.type = type
        self.province = province
    }

    public var description: String { "\(type.rawValue)@\(province?.code ?? "national")" }
}

/// A count (or weighted count) per day over a contiguous run of days. Days with no reports are
/// zeros, never missing: absence is a signal.
public struct DailySeries: Hashable, Sendable, Codable {
    public var start: Day
    public var values: [Double]

    public init(start: Day, values: [Double]) {
        self.start = start
        self.values = values
    }

    /// A series over `interval` from sparse `(day, value)` pairs; days outside it are dropped.
    public init(interval: DayInterval, counts: some Sequence<(Day, Double)>) {
        start = interval.first
        var values = [Double](repeating: 0, count: interval.count)
        for (day, value) in counts where interval.contains(day) {
            values[day - interval.first] += value
        }
        self.values = values
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    public var end: Day { start.adding(days: max(values.count - 1, 0)) }
    public var interval: DayInterval? { isEmpty ? nil : DayInterval(first: start, last: end) }

    public func day(at index: Int) -> Day { start.adding(days: index) }

    public subscript(day: Day) -> Double {
        let i = day - start
        return values.indices.contains(i) ? values[i] : 0
    }

    /// Sums of whole ISO weeks (Monday to Sunday); the first and last weeks may be partial.
    public func weekly() -> [(week: Day, value: Double)] {
        var out: [(week: Day, value: Double)] = []
        for (i, v) in values.enumerated() {
            let week = start.adding(days: i).weekStart
            if let last = out.last, last.week == week {
                out[out.count - 1].value += v
            } else {
                out.append((week, v))
            }
        }
        return out
    }
}
