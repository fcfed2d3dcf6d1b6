import Watchfloor

/// The words dates are made of. They are built into the coder (not a pack's business) and
/// matched by the same automaton as the cues.
enum DateWord: Hashable, Sendable {
    case month(Int)
    case weekday(Int)
    case today, yesterday, dayBeforeYesterday
    case lastWeek, thisWeek, lastMonth, thisMonth, lastYear, thisYear
    /// "last", "지난": the previous occurrence of what follows (a weekday, a month, an occasion).
    case last
    /// "this", "이번", "올해": the current occurrence of what follows.
    case this
    /// Words after which a bare month or year is a date: "in March", "since 2023".
    case lead

    static let lexicon: [(String, DateWord)] = {
        var words: [(String, DateWord)] = []
        let months = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"], ["november", "nov"],
            ["december", "dec"],
        ]
        for (index, names) in months.enumerated() {
            for name in names { words.append((name, .month(index + 1))) }
        }
        for (index, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            words.append((name, .weekday(index + 1)))
        }
        words += [
            ("today", .today), ("오늘", .today), ("yesterday", .yesterday), ("어제", .yesterday),
            ("그제", .dayBeforeYesterday), ("그저께", .dayBeforeYesterday),
            ("last week", .lastWeek), ("지난주", .lastWeek), ("지난 주", .lastWeek), ("this week", .thisWeek),
            ("earlier this week", .thisWeek), ("이번 주", .thisWeek), ("last month", .lastMonth), ("지난달", .lastMonth),
            ("this month", .thisMonth), ("earlier this month", .thisMonth), ("이달", .thisMonth), ("이번 달", .thisMonth),
            ("last year", .lastYear), ("지난해", .lastYear), ("작년", .lastYear), ("this year", .thisYear),
            ("earlier this year", .thisYear), ("올해", .this), ("올해", .thisYear), ("금년", .thisYear), ("last", .last), ("지난", .last),
            ("this", .this), ("이번", .this), ("in", .lead), ("since", .lead), ("early", .lead), ("late", .lead),
            ("mid", .lead), ("during", .lead), ("until", .lead), ("from", .lead), ("between", .lead), ("and", .lead),
            ("of", .lead), ("on", .lead), ("by", .lead),
        ]
        return words
    }()
}

/// A date expression found in a sentence.
struct DateMention {
    var tokens: ClosedRange<Int>
    var date: EventDate
    /// The last day the expression covers; "since ..." runs to the publication day.
    var latest: Day
}

/// Finds and resolves date expressions in a sentence's tokens.
///
/// Explicit dates ("24 October 2025", "Oct. 24", "2025-10-24", "2025년 10월 24일", "10월 24일",
/// "in March", "in 2024") and relative ones ("yesterday", "on Monday", "last week", "earlier this
/// month", "지난달", "last Chuseok", "지난 추석", "14일") are resolved against the publication day. A
/// date without a year is the latest such date no more than a week after publication. Without a
/// publication day only dates that carry their year are resolved.
struct DateResolver {
    let document: TokenizedDocument
    let published: Day?
    let occasions: [Occasion]

    /// - Parameters:
    ///   - words: per token of the sentence, the date words it is (from the cue matches).
    ///   - occasionAt: per token, the occasion it names.
    ///   - openEnded: tokens that are "since"-like words.
    func mentions(
        in tokens: Range<Int>, words: [Int: [DateWord]], occasionAt: [Int: Int], openEnded: Set<Int>
    ) -> [DateMention] {
        var found: [DateMention] = []
        var index = tokens.lowerBound
        func isWord(_ token: Int, _ predicate: (DateWord) -> Bool) -> Bool {
            tokens.contains(token) && (words[token]?.contains(where: predicate) ?? false)
        }
        func monthOf(_ token: Int) -> Int? {
            guard tokens.contains(token) else { return nil }
            for word in words[token] ?? [] { if case .month(let m) = word { return m } }
            return nil
        }
        func plainNumber(_ token: Int, _ range: ClosedRange<Int>, digits: ClosedRange<Int> = 1...2) -> Int? {
            guard tokens.contains(token), let number = document.number(of: token), digits.contains(number.digits),
                range.contains(number.value), ["", "st", "nd", "rd", "th"].contains(number.suffix.lowercased())
            else { return nil }
            return number.value
        }
        func year(_ token: Int) -> Int? { plainNumber(token, 1900...2100, digits: 4...4) }
        func add(_ range: ClosedRange<Int>, _ date: EventDate?) {
            guard let date else { return }
            var latest: Day
            switch date.precision {
            case .day: latest = date.day
            case .month: latest = date.day.adding(months: 1).adding(days: -1)
            case .year: latest = Day(year: date.day.year, month: 12, day: 31)!
            }
            let before = range.lowerBound - 1
            let after = range.upperBound + 1
            if let published, openEnded.contains(before) || openEnded.contains(after) || openEnded.contains(range.upperBound) {
                latest = max(latest, published)
            }
            found.append(DateMention(tokens: range, date: date, latest: latest))
        }

        while index < tokens.upperBound {
            defer { index += 1 }
            // Korean: 2025년 10월 24일, 10월 24일, 10월, 24일.
            if let korean = koreanDate(at: index, in: tokens) {
                add(index...korean.last, korean.date)
                index = korean.last
                continue
            }
            // ISO 2025-10-24.
            if let y = year(index), index + 2 < tokens.upperBound, Array(document.gap(before: index + 1)) == [UInt8(ascii: "-")],
                Array(document.gap(before: index + 2)) == [UInt8(ascii: "-")], let m = plainNumber(index + 1, 1...12),
                let d = plainNumber(index + 2, 1...31)
            {
                add(index...(index + 2), Day(year: y, month: m, day: d).map { EventDate(day: $0) })
                index += 2
                continue
            }
            if let month = monthOf(index) {
                // October 24[, 2025] · October 2025 · 24 October [2025] · in October.
                if let day = plainNumber(index + 1, 1...31) {
                    let y = year(index + 2)
                    add(index...(index + (y == nil ? 1 : 2)), resolve(year: y, month: month, day: day))
                    index += y == nil ? 1 : 2
                } else if let day = plainNumber(index - 1, 1...31) {
                    let y = year(index + 1)
                    add((index - 1)...(index + (y == nil ? 0 : 1)), resolve(year: y, month: month, day: day))
                    if y != nil { index += 1 }
                } else if let y = year(index + 1) {
                    add(index...(index + 1), Day(year: y, month: month, day: 1).map { EventDate(day: $0, precision: .month) })
                    index += 1
                } else if isWord(index - 1, { $0 == .last }) {
                    add((index - 1)...index, resolveMonth(month, strictlyBefore: true))
                } else if isWord(index - 1, { $0 == .lead || $0 == .this }) {
                    add(index...index, resolveMonth(month, strictlyBefore: false))
                }
                continue
            }
            if let y = year(index), isWord(index - 1, { $0 == .lead }) {
                add(index...index, Day(year: y, month: 1, day: 1).map { EventDate(day: $0, precision: .year) })
                continue
            }
            if let occasion = occasionAt[index] {
                let last = isWord(index - 1, { $0 == .last })
                let this = isWord(index - 1, { $0 == .this || $0 == .thisYear })
                let start = (last || this) ? index - 1 : index
                add(start...index, resolveOccasion(occasions[occasion], last: last, this: this))
                continue
            }
            for word in words[index] ?? [] {
                if let date = resolveRelative(word, at: index, isWord: isWord) {
                    add(date.range, date.date)
                    break
                }
            }
        }
        return found
    }

    // MARK: Resolution

    /// A day whose year may be missing: the latest such day no more than a week after publication.
    func resolve(year: Int?, month: Int, day: Int) -> EventDate? {
        if let year { return Day(year: year, month: month, day: day).map { EventDate(day: $0) } }
        guard let published else { return nil }
        for y in [published.year + 1, published.year, published.year - 1] {
            if let candidate = Day(year: y, month: month, day: day), candidate <= published.adding(days: 7) {
                return EventDate(day: candidate)
            }
        }
        return nil
    }

    private func resolveMonth(_ month: Int, strictlyBefore: Bool) -> EventDate? {
        guard let published else { return nil }
        var year = published.year
        if month > published.month || (strictlyBefore && month == published.month) { year -= 1 }
        return Day(year: year, month: month, day: 1).map { EventDate(day: $0, precision: .month) }
    }

    private func resolveOccasion(_ occasion: Occasion, last: Bool, this: Bool) -> EventDate? {
        guard let published else { return nil }
        let days = occasion.occurrences(around: published.year)
        if this { return days.first { $0.year == published.year }.map { EventDate(day: $0) } }
        let limit = last ? published.adding(days: -1) : published.adding(days: 3)
        return days.last { $0 <= limit }.map { EventDate(day: $0) }
    }

    private func resolveRelative(
        _ word: DateWord, at index: Int, isWord: (Int, (DateWord) -> Bool) -> Bool
    ) -> (range: ClosedRange<Int>, date: EventDate)? {
        guard let published else { return nil }
        let day: (Day, DatePrecision)
        var range = index...index
        switch word {
        case .today: day = (published, .day)
        case .yesterday: day = (published.adding(days: -1), .day)
        case .dayBeforeYesterday: day = (published.adding(days: -2), .day)
        case .lastWeek: day = (published.weekStart.adding(days: -7), .day)
        case .thisWeek: day = (published.weekStart, .day)
        case .lastMonth: day = (published.monthStart.adding(months: -1), .month)
        case .thisMonth: day = (published.monthStart, .month)
        case .lastYear: day = (Day(year: published.year - 1, month: 1, day: 1)!, .year)
        case .thisYear: day = (Day(year: published.year, month: 1, day: 1)!, .year)
        case .weekday(let weekday):
            var back = (published.weekday - weekday + 7) % 7
            if isWord(index - 1, { $0 == .last }) {
                if back == 0 { back = 7 }
                range = (index - 1)...index
            }
            day = (published.adding(days: -back), .day)
        default:
            return nil
        }
        return (range, EventDate(day: day.0, precision: day.1))
    }

    /// 2025년 10월 24일 · 10월 24일 · 2025년 10월 · 10월 · 24일, starting at `index`.
    private func koreanDate(at index: Int, in tokens: Range<Int>) -> (last: Int, date: EventDate?)? {
        func part(_ token: Int, _ unit: String) -> Int? {
            guard tokens.contains(token), let number = document.number(of: token), number.suffix.hasPrefix(unit) else {
                return nil
            }
            return number.value
        }
        var token = index
        let year = part(token, "년")
        if year != nil { token += 1 }
        let month = part(token, "월")
        if month != nil { token += 1 }
        let day = part(token, "일")
        if day == nil { token -= 1 }
        guard year != nil || month != nil || day != nil, token >= index else { return nil }
        switch (year, month, day) {
        case (let y?, let m?, let d?): return (token, Day(year: y, month: m, day: d).map { EventDate(day: $0) })
        case (nil, let m?, let d?): return (token, resolve(year: nil, month: m, day: d))
        case (let y?, let m?, nil): return (token, Day(year: y, month: m, day: 1).map { EventDate(day: $0, precision: .month) })
        case (nil, let m?, nil):
            guard (1...12).contains(m) else { return nil }
            return (token, resolveMonth(m, strictlyBefore: false))
        case (let y?, nil, nil): return (token, Day(year: y, month: 1, day: 1).map { EventDate(day: $0, precision: .year) })
        case (nil, nil, let d?):
            guard let published else { return (token, nil) }
            return (token, resolve(year: published.year, month: published.month, day: d)
                ?? resolve(year: nil, month: published.adding(months: -1).month, day: d))
        default: return nil
        }
    }
}
