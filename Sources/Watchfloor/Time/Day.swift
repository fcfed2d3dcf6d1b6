/// A calendar day in the proleptic Gregorian calendar, with no time zone attached.
///
/// Reporting is dated to the day (or coarser), and every indicator series is a series of days,
/// so the model counts in days rather than in `Date` instants. A `Day` is stored as its ordinal
/// (days since 1970-01-01), which makes arithmetic and comparison exact and cheap.
///
/// ```swift
/// let onset = Day(year: 2025, month: 9, day: 14)!
/// onset.adding(days: 30).description   // "2025-10-14"
/// Day("2025-10-14")! - onset           // 30
/// ```
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// A day from its parts, or `nil` when the parts do not name a real day (2025-02-29) or the
    /// year is beyond a million either way (a date field of ninety digits overflowed the day
    /// count; found by fuzzing).
    public init?(year: Int, month: Int, day: Int) {
        guard (-1_000_000...1_000_000).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else {
            return nil
        }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`; also accepts a longer ISO 8601 timestamp and keeps its date part.
    public init?(_ iso: some StringProtocol) {
        let bytes = Array(iso.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The Monday that starts this day's ISO week.
    public var weekStart: Day { adding(days: 1 - weekday) }

    /// The first day of this day's month.
    public var monthStart: Day { Day(year: year, month: month, day: 1)! }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day of the month `months` later, clamped to the month's length.
    public func adding(months: Int) -> Day {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return Day(year: y, month: m, day: min(c.day, Day.daysIn(month: m, year: y)))!
    }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String {
        let c = civil
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for every year.
    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// How exactly a date is known: "on 14 September" is a day, "in September" a month.
public enum DatePrecision: String, Codable, Sendable, CaseIterable {
    case day, month, year
}

/// A date as far as the reporting states it. A month-precise date carries the month's first
/// day, a year-precise one the year's first day.
public struct EventDate: Hashable, Codable, Sendable, CustomStringConvertible {
    public var day: Day
    public var precision: DatePrecision

    public init(day: Day, precision: DatePrecision = .day) {
        self.day = day
        self.precision = precision
    }

    public var description: String {
        switch precision {
        case .day: day.description
        case .month: String(day.description.prefix(7))
        case .year: String(day.description.prefix(4))
        }
    }
}
