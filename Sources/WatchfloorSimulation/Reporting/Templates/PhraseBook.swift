import Watchfloor
import WatchfloorYAML

/// One language's phrasing for every outlet voice: the vocabulary, how dates are written, the
/// sentence templates per happening and voice, headlines, and the edits syndicators make.
/// Read from `scenarios/templates/<language>.yaml`.
struct PhraseBook: Sendable {
    var language: Language
    var vocabulary: [String: [SentenceTemplate]]
    var dates: DatePhrases
    var sentences: [Happening: [SourceKind: [ReportSentence]]]
    var titles: [Happening: [SourceKind: [SentenceTemplate]]]
    var syndicationEdits: [(from: String, to: String)]

    /// Placeholders the renderer fills itself; every other placeholder must be a vocabulary key.
    static let builtinSlots: Set<String> = [
        "province", "city", "place", "province2", "city2", "when", "date", "weekday", "month", "day",
        "since_month", "gap", "count", "deaths_total", "outlet", "n", "d",
    ]

    func sentences(for happening: Happening, voice: SourceKind) -> [ReportSentence] {
        sentences[happening]?[voice] ?? []
    }

    static func load(_ root: YAMLValue) throws(ConfigurationError) -> PhraseBook {
        try root.rejectUnknownKeys(["language", "vocabulary", "dates", "sentences", "titles", "syndication"])
        var vocabulary: [String: [SentenceTemplate]] = [:]
        for (key, list) in try root.required("vocabulary").mapping() {
            var entries: [SentenceTemplate] = []
            for item in try list.array() { entries.append(try SentenceTemplate(item.string(), at: item)) }
            guard !entries.isEmpty else { throw list.error("expected at least one phrase for \"\(key)\"") }
            vocabulary[key.lowercased()] = entries
        }
        let book = PhraseBook(
            language: Language(rawValue: try root.required("language").nonEmptyString()),
            vocabulary: vocabulary,
            dates: try DatePhrases(try root.required("dates")),
            sentences: try sentences(try root.required("sentences")),
            titles: try titles(root["titles"]),
            syndicationEdits: try edits(root["syndication"]))
        try book.checkPlaceholders(root)
        return book
    }

    private static func happening(_ key: String, at value: YAMLValue) throws(ConfigurationError) -> Happening {
        guard let happening = Happening(rawValue: key) else {
            let names = Happening.allCases.map(\.rawValue).joined(separator: ", ")
            throw value.error("unknown happening \"\(key)\"; expected one of \(names)")
        }
        return happening
    }

    private static func voice(_ key: String, at value: YAMLValue) throws(ConfigurationError) -> SourceKind {
        guard let kind = SourceKind(rawValue: key) else {
            let names = SourceKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw value.error("unknown outlet voice \"\(key)\"; expected one of \(names)")
        }
        return kind
    }

    private static func sentences(_ section: YAMLValue) throws(ConfigurationError) -> [Happening: [SourceKind: [ReportSentence]]] {
        var result: [Happening: [SourceKind: [ReportSentence]]] = [:]
        for (key, voices) in try section.mapping() {
            let happening = try happening(key, at: voices)
            for (voiceKey, list) in try voices.mapping() {
                let voice = try voice(voiceKey, at: list)
                for item in try list.array() {
                    try item.rejectUnknownKeys(["text", "events"])
                    let text = try item.required("text")
                    var events: [TemplateEvent] = []
                    for spec in try item.required("events").array() { events.append(try TemplateEvent(spec.string(), at: spec)) }
                    let sentence = ReportSentence(template: try SentenceTemplate(text.nonEmptyString(), at: text), events: events)
                    result[happening, default: [:]][voice, default: []].append(sentence)
                }
            }
        }
        return result
    }

    private static func titles(_ section: YAMLValue?) throws(ConfigurationError) -> [Happening: [SourceKind: [SentenceTemplate]]] {
        var result: [Happening: [SourceKind: [SentenceTemplate]]] = [:]
        guard let section else { return result }
        for (key, voices) in try section.mapping() {
            let happening = try happening(key, at: voices)
            for (voiceKey, list) in try voices.mapping() {
                let voice = try voice(voiceKey, at: list)
                for item in try list.array() {
                    result[happening, default: [:]][voice, default: []].append(try SentenceTemplate(item.string(), at: item))
                }
            }
        }
        return result
    }

    private static func edits(_ section: YAMLValue?) throws(ConfigurationError) -> [(from: String, to: String)] {
        var result: [(from: String, to: String)] = []
        for item in try section?.array() ?? [] {
            try item.rejectUnknownKeys(["from", "to"])
            result.append((try item.required("from").string(), try item.required("to").string()))
        }
        return result
    }

    /// Every placeholder must be one the renderer fills or a vocabulary key.
    private func checkPlaceholders(_ root: YAMLValue) throws(ConfigurationError) {
        var templates: [SentenceTemplate] = vocabulary.values.flatMap { $0 }
        templates += sentences.values.flatMap { $0.values.flatMap { $0.map(\.template) } }
        templates += titles.values.flatMap { $0.values.flatMap { $0 } }
        templates += dates.allTemplates
        for template in templates {
            for slot in template.slots where !Self.builtinSlots.contains(slot) && vocabulary[slot] == nil {
                throw root.error("unknown placeholder {\(slot)} in \(language.rawValue) templates; expected a vocabulary key or one of \(Self.builtinSlots.sorted().joined(separator: ", "))")
            }
        }
    }
}

/// How one language writes dates relative to publication.
struct DatePhrases: Sendable {
    enum Bucket: String, CaseIterable, Sendable {
        case thisWeek = "this_week"
        case lastWeek = "last_week"
        case thisMonth = "this_month"
        case lastMonth = "last_month"
        case earlier
    }

    var weekdays: [String]
    var months: [String]
    var date: [SentenceTemplate]
    var buckets: [Bucket: [SentenceTemplate]]
    var gapWeeks: [SentenceTemplate]
    var gapMonths: [SentenceTemplate]
    var numbers: [String]

    var allTemplates: [SentenceTemplate] { date + buckets.values.flatMap { $0 } + gapWeeks + gapMonths }

    init(_ value: YAMLValue) throws(ConfigurationError) {
        try value.rejectUnknownKeys(
            Set(["weekdays", "months", "date", "gap_weeks", "gap_months", "numbers"] + Bucket.allCases.map(\.rawValue)))
        func list(_ key: String, count: Int? = nil) throws(ConfigurationError) -> [String] {
            let node = try value.required(key)
            let items = try node.stringList()
            if let count, items.count != count { throw node.error("expected \(count) entries for \"\(key)\", found \(items.count)") }
            guard !items.isEmpty else { throw node.error("expected at least one entry for \"\(key)\"") }
            return items
        }
        func templates(_ key: String) throws(ConfigurationError) -> [SentenceTemplate] {
            let node = try value.required(key)
            var result: [SentenceTemplate] = []
            for text in try list(key) { result.append(try SentenceTemplate(text, at: node)) }
            return result
        }
        weekdays = try list("weekdays", count: 7)
        months = try list("months", count: 12)
        numbers = try list("numbers")
        date = try templates("date")
        gapWeeks = try templates("gap_weeks")
        gapMonths = try templates("gap_months")
        var buckets: [Bucket: [SentenceTemplate]] = [:]
        for bucket in Bucket.allCases { buckets[bucket] = try templates(bucket.rawValue) }
        self.buckets = buckets
    }

    /// How far back `event` lies from `published`, in the buckets reporting uses.
    static func bucket(event: Day, published: Day) -> Bucket {
        if event.weekStart == published.weekStart { return .thisWeek }
        if event.weekStart == published.weekStart.adding(days: -7) { return .lastWeek }
        if event.monthStart == published.monthStart { return .thisMonth }
        if event.monthStart == published.monthStart.adding(months: -1) { return .lastMonth }
        return .earlier
    }

    /// A number as a word when the language has one for it, else in digits.
    func number(_ n: Int) -> String {
        (1...numbers.count).contains(n) ? numbers[n - 1] : String(n)
    }
}
