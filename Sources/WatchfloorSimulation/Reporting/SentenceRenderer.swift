import Watchfloor

/// What a sentence is about: the provinces it may name, when the event happened and when the
/// report appears, and the figures it may quote.
struct RenderContext {
    var province: Province?
    var province2: Province?
    var eventDay: Day
    var published: Day
    /// The day the province's families last received a gift (for "since March").
    var lastGift: Day?
    var count: Int
    var deathsTotal: Int
    var mentions: [String]
}

/// Fills a template's placeholders from a phrase book, the place names and a context, and
/// records which provinces the text ended up naming (so the labels follow the text).
struct SentenceRenderer {
    let book: PhraseBook
    let places: PlaceNames
    let context: RenderContext
    /// Provinces named by the text rendered so far, in order of first mention.
    private(set) var named: [Province] = []
    /// The number a date pattern is about ({n} as a word, {d} in digits).
    private var number = 0

    init(book: PhraseBook, places: PlaceNames, context: RenderContext) {
        self.book = book
        self.places = places
        self.context = context
    }

    mutating func resetNamed() { named = [] }

    mutating func render(_ template: SentenceTemplate, random: inout SeededGenerator, depth: Int = 0) -> String {
        var out = ""
        for segment in template.segments {
            switch segment {
            case .text(let text):
                out += text
            case .slot(let name, let capitalized):
                var value = depth > 6 ? "" : fill(name, random: &random, depth: depth)
                if capitalized, let first = value.first {
                    value = first.uppercased() + value.dropFirst()
                }
                out += value
            }
        }
        return out
    }

    private mutating func fill(_ slot: String, random: inout SeededGenerator, depth: Int) -> String {
        let language = book.language
        let dates = book.dates
        switch slot {
        case "province", "city", "place", "province2", "city2":
            let second = slot.hasSuffix("2")
            guard let province = second ? context.province2 : context.province else { return "" }
            note(province)
            let city = slot.hasPrefix("city") || (slot == "place" && random.chance(0.5))
            return random.pick(city ? places.cities(province, in: language) : places.names(province, in: language))
        case "when":
            let bucket = DatePhrases.bucket(event: context.eventDay, published: context.published)
            return render(random.pick(dates.buckets[bucket]!), random: &random, depth: depth + 1)
        case "date":
            return render(random.pick(dates.date), random: &random, depth: depth + 1)
        case "weekday":
            return dates.weekdays[context.eventDay.weekday - 1]
        case "month":
            return dates.months[context.eventDay.month - 1]
        case "day":
            return String(context.eventDay.day)
        case "since_month":
            let since = context.lastGift ?? context.published.adding(days: -56)
            return dates.months[since.month - 1]
        case "gap":
            let since = context.lastGift ?? context.published.adding(days: -56)
            let weeks = max(2, (context.published - since) / 7)
            if weeks < 8 {
                number = weeks
                return render(random.pick(dates.gapWeeks), random: &random, depth: depth + 1)
            }
            number = min(12, (context.published - since) / 30)
            return render(random.pick(dates.gapMonths), random: &random, depth: depth + 1)
        case "n":
            return dates.number(number)
        case "d":
            return String(number)
        case "count":
            return dates.number(max(2, context.count))
        case "deaths_total":
            return grouped(max(100, (context.deathsTotal + 50) / 100 * 100))
        case "outlet":
            return context.mentions.isEmpty ? "" : random.pick(context.mentions)
        default:
            guard let entries = book.vocabulary[slot] else { return "" }
            return render(random.pick(entries), random: &random, depth: depth + 1)
        }
    }

    private mutating func note(_ province: Province) {
        if !named.contains(province) { named.append(province) }
    }

    /// 12345 → "12,345".
    private func grouped(_ value: Int) -> String {
        var digits = String(value)
        var parts: [String] = []
        while digits.count > 3 {
            parts.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        parts.insert(digits, at: 0)
        return parts.joined(separator: ",")
    }
}

extension ReportSentence {
    /// The gold events of the sentence as rendered: one per named province where the event
    /// takes the sentence's places.
    func goldEvents(named: [Province]) -> [GoldEvent] {
        var result: [GoldEvent] = []
        for event in events {
            switch event.placement {
            case .none:
                result.append(GoldEvent(type: event.type, province: nil, sincerity: event.sincerity))
            case .fixed(let province):
                result.append(GoldEvent(type: event.type, province: province, sincerity: event.sincerity))
            case .named:
                if named.isEmpty {
                    result.append(GoldEvent(type: event.type, province: nil, sincerity: event.sincerity))
                }
                for province in named {
                    result.append(GoldEvent(type: event.type, province: province, sincerity: event.sincerity))
                }
            }
        }
        return result
    }
}
