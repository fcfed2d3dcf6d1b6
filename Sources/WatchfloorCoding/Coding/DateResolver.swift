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
        // English, Russian (stems: января, январе), Ukrainian (nominative and genitive/locative),
        // German, Spanish. Month names are matched as words, so "may" the modal is also a month;
        // the resolver reads a month only next to a day, a year or a lead word ("in May").
        let months = [
            ["january", "jan", "январ*", "січень", "січня", "січні", "januar", "jänner", "enero"],
            ["february", "feb", "феврал*", "лютий", "лютого", "лютому", "februar", "febrero"],
            ["march", "mar", "март", "марта", "марте", "березень", "березня", "березні", "märz", "marzo"],
            ["april", "apr", "апрел*", "квітень", "квітня", "квітні", "abril"],
            ["may", "май", "мая", "мае", "травень", "травня", "травні", "mai", "mayo"],
            ["june", "jun", "июн*", "червень", "червня", "червні", "juni", "junio"],
            ["july", "jul", "июл*", "липень", "липня", "липні", "juli", "julio"],
            ["august", "aug", "август*", "серпень", "серпня", "серпні", "agosto"],
            ["september", "sept", "sep", "сентябр*", "вересень", "вересня", "вересні", "septiembre", "setiembre"],
            ["october", "oct", "октябр*", "жовтень", "жовтня", "жовтні", "oktober", "octubre"],
            ["november", "nov", "ноябр*", "листопад*", "noviembre"],
            ["december", "dec", "декабр*", "грудень", "грудня", "грудні", "dezember", "diciembre"],
        ]
        for (index, names) in months.enumerated() {
            for name in names { words.append((name, .month(index + 1))) }
        }
        let weekdays = [
            ["monday", "понедельник*", "понеділ*", "montag", "lunes", "月曜日", "星期一"],
            ["tuesday", "вторник*", "вівтор*", "dienstag", "martes", "火曜日", "星期二"],
            ["wednesday", "среда", "среду", "середа", "середу", "mittwoch", "miércoles", "水曜日", "星期三"],
            ["thursday", "четверг*", "четвер", "четверга", "donnerstag", "jueves", "木曜日", "星期四"],
            ["friday", "пятниц*", "п'ятниц*", "freitag", "viernes", "金曜日", "星期五"],
            ["saturday", "суббот*", "субот*", "samstag", "sonnabend", "sábado", "土曜日", "星期六"],
            ["sunday", "воскресень*", "неділ*", "sonntag", "domingo", "日曜日", "星期日", "星期天"],
        ]
        for (index, names) in weekdays.enumerated() {
            for name in names { words.append((name, .weekday(index + 1))) }
        }
        words += [
            // Russian, Ukrainian, German, Spanish, Japanese, Chinese.
            ("сегодня", .today), ("сьогодні", .today), ("heute", .today), ("hoy", .today), ("今日", .today),
            ("今天", .today), ("本日", .today), ("вчера", .yesterday), ("вчора", .yesterday), ("учора", .yesterday),
            ("gestern", .yesterday), ("ayer", .yesterday), ("昨日", .yesterday), ("昨天", .yesterday),
            ("позавчера", .dayBeforeYesterday), ("позавчора", .dayBeforeYesterday), ("vorgestern", .dayBeforeYesterday),
            ("anteayer", .dayBeforeYesterday), ("一昨日", .dayBeforeYesterday), ("前天", .dayBeforeYesterday),
            ("на прошлой неделе", .lastWeek), ("минулого тижня", .lastWeek), ("letzte woche", .lastWeek),
            ("vergangene woche", .lastWeek), ("la semana pasada", .lastWeek), ("先週", .lastWeek), ("上周", .lastWeek),
            ("上週", .lastWeek), ("на этой неделе", .thisWeek), ("цього тижня", .thisWeek), ("diese woche", .thisWeek),
            ("esta semana", .thisWeek), ("今週", .thisWeek), ("本周", .thisWeek), ("本週", .thisWeek),
            ("в прошлом месяце", .lastMonth), ("минулого місяця", .lastMonth), ("letzten monat", .lastMonth),
            ("vergangenen monat", .lastMonth), ("el mes pasado", .lastMonth), ("先月", .lastMonth),
            ("上个月", .lastMonth), ("上個月", .lastMonth), ("в этом месяце", .thisMonth), ("цього місяця", .thisMonth),
            ("diesen monat", .thisMonth), ("este mes", .thisMonth), ("今月", .thisMonth), ("本月", .thisMonth),
            ("в прошлом году", .lastYear), ("минулого року", .lastYear), ("торік", .lastYear), ("letztes jahr", .lastYear),
            ("vergangenes jahr", .lastYear), ("el año pasado", .lastYear), ("昨年", .lastYear), ("去年", .lastYear),
            ("в этом году", .thisYear), ("цього року", .thisYear), ("dieses jahr", .thisYear), ("este año", .thisYear),
            ("今年", .thisYear), ("в", .lead), ("во", .lead), ("у", .lead), ("с", .lead), ("со", .lead), ("з", .lead),
            ("із", .lead), ("im", .lead), ("seit", .lead), ("en", .lead), ("desde", .lead),
        ]
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
        func isDe(_ token: Int) -> Bool { tokens.contains(token) && document.text(of: token).lowercased() == "de" }
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
            // Korean, Japanese, Chinese: 2025년 10월 24일, 2025年10月24日, 10月24日, 10월, 24일.
            if let korean = unitDate(at: index, in: tokens) {
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
                // Spanish: 29 de agosto [de 2025].
                if isDe(index - 1), let day = plainNumber(index - 2, 1...31) {
                    let y = isDe(index + 1) ? year(index + 2) : nil
                    add((index - 2)...(index + (y == nil ? 0 : 2)), resolve(year: y, month: month, day: day))
                    if y != nil { index += 2 }
                    continue
                }
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

    /// 2025년 10월 24일 · 10월 24일 · 2025년 10월 · 10월 · 24일, and the same with 年 月 日 (号), starting
    /// at `index`. A Korean unit is the number's suffix (one token); a Chinese or Japanese one is the
    /// character right after the number (its own token).
    private func unitDate(at index: Int, in tokens: Range<Int>) -> (last: Int, date: EventDate?)? {
        /// The value and the last token of a number carrying `unit`.
        func part(_ token: Int, _ units: (korean: String, cjk: [String])) -> (value: Int, last: Int)? {
            guard tokens.contains(token), let number = document.number(of: token) else { return nil }
            if number.suffix.hasPrefix(units.korean) { return (number.value, token) }
            guard number.suffix.isEmpty, tokens.contains(token + 1), document.gap(before: token + 1).isEmpty,
                units.cjk.contains(String(document.text(of: token + 1)))
            else { return nil }
            return (number.value, token + 1)
        }
        var token = index
        let yearPart = part(token, ("년", ["年"]))
        if let yearPart { token = yearPart.last + 1 }
        let monthPart = part(token, ("월", ["月"]))
        if let monthPart { token = monthPart.last + 1 }
        let dayPart = part(token, ("일", ["日", "号", "號"]))
        if let dayPart { token = dayPart.last } else { token -= 1 }
        let (year, month, day) = (yearPart?.value, monthPart?.value, dayPart?.value)
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
