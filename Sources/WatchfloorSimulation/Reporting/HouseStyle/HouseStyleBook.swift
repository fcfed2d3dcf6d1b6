import Foundation
import Watchfloor
import WatchfloorYAML

/// The house styles a newsroom writes in: terse wire items, long insider reports, formulaic state
/// media.
public enum HouseStyle: String, Sendable, CaseIterable {
    case wire, insider, state

    /// The style an outlet of `kind` writes in.
    public static func of(_ kind: SourceKind) -> HouseStyle {
        switch kind {
        case .stateMedia: .state
        case .insider: .insider
        default: .wire
        }
    }
}

/// One language's phrasing for the second reporting writer (`scenarios/house-styles/<lang>.yaml`).
///
/// The files were written by someone who had read neither the coder's pack nor the first
/// writer's phrase books, from their own knowledge of how each kind of outlet writes, so that the
/// loop can be scored on reporting the project did not word. Each template carries its label: the
/// events a careful analyst would code in it (`TYPE`, `TYPE/coerced`, `TYPE@none`).
///
/// ```yaml
/// language: en
/// places: {KP-10: {province: [Ryanggang], cities: [Hyesan, Samjiyon]}}
/// months: [January, …]          # 12
/// weekdays: [Monday, …]         # 7, Monday first
/// when: {same_week: ["on {weekday}"], last_week: ["last week"], earlier: ["on {month} {day}"]}
/// vocabulary: {goods: ["rice and cooking oil", …]}
/// styles:
///   insider:
///     gift:
///       - {text: "A source in {city} said …", events: [GIFT_DELIVERY]}
/// rumours:
///   - {rumour: {text: …, events: [GIFT_DELIVERY]}, denial: {text: …, events: []}}
/// ```
public struct HouseStyleBook: Sendable {
    public struct Template: Sendable {
        public var text: String
        public var events: [Label]
        /// The file and line, for messages.
        public var origin: String

        /// Whether the text names a place through a slot (and so needs a province).
        public var namesPlace: Bool { text.contains("{province}") || text.contains("{city}") }
    }

    /// One event of a template's label.
    public struct Label: Sendable, Hashable {
        public var type: EventType
        public var sincerity: Sincerity?
        /// `TYPE@none`: reported without a place even though the text names one.
        public var unplaced: Bool
    }

    public enum When: String, Sendable, CaseIterable {
        case sameWeek = "same_week"
        case lastWeek = "last_week"
        case earlier
    }

    public var language: Language
    public var provinceNames: [Province: [String]]
    public var cityNames: [Province: [String]]
    public var months: [String]
    public var weekdays: [String]
    public var when: [When: [String]]
    public var vocabulary: [String: [String]]
    public var styles: [HouseStyle: [Happening: [Template]]]
    public var rumours: [(rumour: Template, denial: Template)]

    public func templates(_ style: HouseStyle, _ happening: Happening) -> [Template] {
        styles[style]?[happening] ?? []
    }

    static let slots: Set<String> = ["province", "city", "when", "count", "gap", "weekday", "day", "month"]

    public static func load(from url: URL) throws(ConfigurationError) -> HouseStyleBook {
        let root = try YAMLValue.load(contentsOf: url)
        try root.rejectUnknownKeys(["language", "places", "months", "weekdays", "when", "vocabulary", "styles", "rumours"])
        let language = Language(rawValue: try root.required("language").nonEmptyString())

        var provinceNames: [Province: [String]] = [:]
        var cityNames: [Province: [String]] = [:]
        for (code, value) in try root.required("places").mapping() {
            guard let province = Province(code: code) else { throw value.error("expected an ISO 3166-2:KP code, found \"\(code)\"") }
            try value.rejectUnknownKeys(["province", "cities"])
            provinceNames[province] = try value.required("province").stringList()
            cityNames[province] = try value.required("cities").stringList()
            guard !provinceNames[province]!.isEmpty, !cityNames[province]!.isEmpty else {
                throw value.error("expected at least one province name and one city for \(code)")
            }
        }
        for province in Scenario.provinceOrder where provinceNames[province] == nil {
            throw try root.required("places").error("no names for \(province.code)")
        }
        let months = try root.required("months").stringList()
        guard months.count == 12 else { throw try root.required("months").error("expected 12 month names") }
        let weekdays = try root.required("weekdays").stringList()
        guard weekdays.count == 7 else { throw try root.required("weekdays").error("expected 7 weekday names, Monday first") }
        var when: [When: [String]] = [:]
        let whenNode = try root.required("when")
        try whenNode.rejectUnknownKeys(Set(When.allCases.map(\.rawValue)))
        for bucket in When.allCases {
            when[bucket] = try whenNode.required(bucket.rawValue).stringList()
        }
        var vocabulary: [String: [String]] = [:]
        for (name, list) in try root["vocabulary"]?.mapping() ?? [] {
            vocabulary[name] = try list.stringList()
            if vocabulary[name]!.isEmpty { throw list.error("expected at least one entry for \"\(name)\"") }
        }

        func template(_ node: YAMLValue) throws(ConfigurationError) -> Template {
            try node.rejectUnknownKeys(["text", "events"])
            let text = try node.required("text").nonEmptyString()
            try checkSlots(text, vocabulary: vocabulary, at: node)
            let labels = try node.required("events").stringList().map { spec throws(ConfigurationError) in
                try label(spec, at: node)
            }
            return Template(text: text, events: labels, origin: "\(url.lastPathComponent):\(node.line ?? 0)")
        }

        var styles: [HouseStyle: [Happening: [Template]]] = [:]
        for (name, byHappening) in try root.required("styles").mapping() {
            guard let style = HouseStyle(rawValue: name) else { throw byHappening.error("expected a style wire, insider or state, found \"\(name)\"") }
            for (key, list) in try byHappening.mapping() {
                guard let happening = Happening(rawValue: key), happening != .context else {
                    throw list.error("expected a happening (gift, visit, …), found \"\(key)\"")
                }
                styles[style, default: [:]][happening] = try list.array().map { node throws(ConfigurationError) in try template(node) }
            }
        }
        var rumours: [(rumour: Template, denial: Template)] = []
        for pair in try root["rumours"]?.array() ?? [] {
            try pair.rejectUnknownKeys(["rumour", "denial"])
            rumours.append((try template(pair.required("rumour")), try template(pair.required("denial"))))
        }
        return HouseStyleBook(
            language: language, provinceNames: provinceNames, cityNames: cityNames, months: months, weekdays: weekdays,
            when: when, vocabulary: vocabulary, styles: styles, rumours: rumours)
    }

    /// `GIFT_DELIVERY`, `GRATITUDE_EXPRESSION/coerced`, `CASUALTY_REPORT@none`.
    static func label(_ spec: String, at node: YAMLValue) throws(ConfigurationError) -> Label {
        var rest = Substring(spec)
        var unplaced = false
        if rest.hasSuffix("@none") {
            unplaced = true
            rest = rest.dropLast(5)
        }
        let parts = rest.split(separator: "/", maxSplits: 1)
        let type = EventType(String(parts[0]))
        guard EventType.giftPolitics.contains(type) else { throw node.error("unknown event type \"\(parts[0])\" in \"\(spec)\"") }
        var sincerity: Sincerity?
        if parts.count == 2 {
            guard let value = Sincerity(rawValue: String(parts[1])) else {
                throw node.error("expected sincere, coerced or unclear after / in \"\(spec)\"")
            }
            sincerity = value
        }
        return Label(type: type, sincerity: sincerity, unplaced: unplaced)
    }

    /// Every `{slot}` must be a known slot or a vocabulary key (either case of its first letter).
    static func checkSlots(_ text: String, vocabulary: [String: [String]], at node: YAMLValue) throws(ConfigurationError) {
        for name in HouseStyleRenderer.slotNames(in: text) {
            let lower = name.prefix(1).lowercased() + name.dropFirst()
            guard slots.contains(lower) || vocabulary[lower] != nil else {
                throw node.error("unknown slot {\(name)}: expected one of \(slots.sorted().joined(separator: ", ")) or a vocabulary key")
            }
        }
    }
}
