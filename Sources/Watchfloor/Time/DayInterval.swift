/// A closed range of days, used for series windows and query filters.
public struct DayInterval: Hashable, Sendable, Codable, Sequence {
    public var first: Day
    public var last: Day

    public init(first: Day, last: Day) {
        precondition(first <= last, "a day interval runs forwards: \(first) is after \(last)")
        self.first = first
        self.last = last
    }

    public var count: Int { last - first + 1 }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    public func makeIterator() -> AnyIterator<Day> {
        var next = first
        let end = last
        return AnyIterator {
            guard next <= end else { return nil }
            defer { next = next.adding(days: 1) }
            return next
        }
    }
}

extension DayInterval {
    /// The days in both intervals, or `nil` when they do not meet.
    public func intersection(_ other: DayInterval) -> DayInterval? {
        let first = Swift.max(self.first, other.first)
        let last = Swift.min(self.last, other.last)
        return first <= last ? DayInterval(first: first, last: last) : nil
    }
}
