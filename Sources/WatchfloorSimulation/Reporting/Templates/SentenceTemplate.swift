import Watchfloor
import WatchfloorYAML

/// A sentence with `{placeholders}`, parsed once when the templates are loaded.
struct SentenceTemplate: Sendable {
    enum Segment: Sendable {
        case text(String)
        /// A placeholder; `capitalized` when written with a capital (`{Source}`).
        case slot(String, capitalized: Bool)
    }

    let segments: [Segment]

    /// The names of the placeholders used, in lower case.
    var slots: [String] {
        segments.compactMap { if case .slot(let name, _) = $0 { name } else { nil } }
    }

    func uses(_ slot: String) -> Bool { slots.contains(slot) }

    /// Parses `text`; `value` locates errors (an unclosed brace, an empty placeholder).
    init(_ text: String, at value: YAMLValue) throws(ConfigurationError) {
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw value.error("unclosed \"{\" in the template \"\(text)\"")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let first = name.first, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw value.error("expected a placeholder name such as {city} in \"\(text)\", found {\(name)}")
            }
            if !literal.isEmpty { segments.append(.text(literal)) }
            literal = ""
            segments.append(.slot(name.lowercased(), capitalized: first.isUppercase))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.text(literal)) }
        self.segments = segments
    }
}

/// One event a template reports, in the gold format's terms.
struct TemplateEvent: Sendable, Hashable {
    enum Placement: Sendable, Hashable {
        /// The provinces the sentence names, or none.
        case named
        /// No province, whatever the sentence names.
        case none
        /// A province written out in the template's text.
        case fixed(Province)
    }

    var type: EventType
    var sincerity: Sincerity?
    var placement: Placement

    /// Parses `TYPE`, `TYPE/sincerity`, `TYPE@KP-01` or `TYPE@none`.
    init(_ spec: String, at value: YAMLValue) throws(ConfigurationError) {
        var rest = Substring(spec)
        placement = .named
        if let at = rest.firstIndex(of: "@") {
            let place = rest[rest.index(after: at)...]
            if place == "none" {
                placement = .none
            } else if let province = Province(code: place) {
                placement = .fixed(province)
            } else {
                throw value.error("expected a province code or \"none\" after \"@\" in \"\(spec)\"")
            }
            rest = rest[..<at]
        }
        if let slash = rest.firstIndex(of: "/") {
            let word = String(rest[rest.index(after: slash)...])
            guard let sincerity = Sincerity(rawValue: word) else {
                throw value.error("expected sincere, coerced or unclear after \"/\" in \"\(spec)\"")
            }
            self.sincerity = sincerity
            rest = rest[..<slash]
        } else {
            sincerity = nil
        }
        let type = EventType(String(rest))
        guard EventType.giftPolitics.contains(type) else {
            let names = EventType.giftPolitics.map(\.rawValue).joined(separator: ", ")
            throw value.error("unknown event type \"\(rest)\"; expected one of \(names)")
        }
        self.type = type
    }
}

/// A sentence template with the events it reports.
struct ReportSentence: Sendable {
    var template: SentenceTemplate
    var events: [TemplateEvent]

    /// Whether the sentence names a second province (and so needs one to be written).
    var needsSecondProvince: Bool { template.uses("province2") || template.uses("city2") }
    /// Whether the sentence names a province at all (directly or through the vocabulary).
    func namesPlace(vocabulary: [String: [SentenceTemplate]]) -> Bool {
        template.namesPlace(vocabulary: vocabulary, depth: 0)
    }
}

extension SentenceTemplate {
    static let placeSlots: Set<String> = ["province", "city", "place", "province2", "city2"]

    func namesPlace(vocabulary: [String: [SentenceTemplate]], depth: Int) -> Bool {
        guard depth < 4 else { return false }
        for slot in slots {
            if Self.placeSlots.contains(slot) { return true }
            if let entries = vocabulary[slot], entries.contains(where: { $0.namesPlace(vocabulary: vocabulary, depth: depth + 1) }) {
                return true
            }
        }
        return false
    }
}
