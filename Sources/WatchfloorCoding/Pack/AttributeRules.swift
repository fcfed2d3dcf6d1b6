import Watchfloor
import WatchfloorYAML

/// The attribute cues of a pack (`attributes.yaml`): what an event's sentence says about the item,
/// the actor's level, the occasion, and — for gratitude — its sincerity.
///
/// ```yaml
/// attributes:
///   - name: item
///     applies_to: [GIFT_DELIVERY, AID_DISRUPTION]
///     choose: all            # every value found, in order (or: nearest to the trigger)
///     values:
///       food: [rice, flour, 쌀]
///       housing: [apartment*, flats, 살림집]
/// occasions:
///   applies_to: [GIFT_DELIVERY, CONDOLENCE_VISIT]
///   list:
///     - {name: chuseok, cues: [chuseok, 추석], dates: [2025-10-06, 2026-09-25]}
///     - {name: day_of_the_sun, cues: [day of the sun, 태양절], annual: 04-15}
/// sincerity:
///   type: GRATITUDE_EXPRESSION
///   neighbours: 1
///   coerced: ["were made to", "forced to", staged, 강제로]
///   sincere: [genuinely, 진심으로]
///   sincere_not_from: [state_media]
/// ```
public struct AttributeRules: Sendable {
    public var attributes: [AttributeDefinition]
    public var occasions: [Occasion]
    public var occasionTypes: Set<EventType>
    public var sincerity: SincerityRule?

    public init(
        attributes: [AttributeDefinition] = [], occasions: [Occasion] = [], occasionTypes: Set<EventType> = [],
        sincerity: SincerityRule? = nil
    ) {
        self.attributes = attributes
        self.occasions = occasions
        self.occasionTypes = occasionTypes
        self.sincerity = sincerity
    }
}

public struct AttributeDefinition: Sendable {
    public enum Choice: String, Sendable, CaseIterable {
        /// Every value found in the sentence, in order of appearance, joined by commas.
        case all
        /// The value whose cue stands nearest to the trigger.
        case nearest
    }

    public var name: String
    public var appliesTo: Set<EventType>
    public var choose: Choice
    public var values: [(value: String, cues: [Cue])]

    public init(name: String, appliesTo: Set<EventType>, choose: Choice, values: [(value: String, cues: [Cue])]) {
        self.name = name
        self.appliesTo = appliesTo
        self.choose = choose
        self.values = values
    }
}

/// A recurring occasion: an attribute value, and an anchor for "this Chuseok", "지난 추석".
public struct Occasion: Sendable {
    public var name: String
    public var cues: [Cue]
    /// Known dates (lunar holidays move), in order.
    public var dates: [Day]
    /// A fixed month and day every year (solar holidays).
    public var annual: (month: Int, day: Int)?

    public init(name: String, cues: [Cue], dates: [Day] = [], annual: (month: Int, day: Int)? = nil) {
        self.name = name
        self.cues = cues
        self.dates = dates.sorted()
        self.annual = annual
    }

    /// The occurrences of the occasion from `year - 1` to `year + 1`, in order.
    func occurrences(around year: Int) -> [Day] {
        var days = dates.filter { abs($0.year - year) <= 1 }
        if let annual {
            for y in (year - 1)...(year + 1) {
                if let day = Day(year: y, month: annual.month, day: annual.day) { days.append(day) }
            }
        }
        return days.sorted()
    }
}

/// How the sincerity of gratitude is decided (see docs/CODING.md).
///
/// A coercion cue in the event's sentence or its `neighbours` makes it `coerced`; otherwise a
/// sincerity cue in the sentence makes it `sincere`, unless the source is of a kind in
/// `sincereNotFrom` (state media cannot vouch for its own audience's sincerity); otherwise `unclear`.
public struct SincerityRule: Sendable {
    public var type: EventType
    public var neighbours: Int
    public var coerced: [Cue]
    public var sincere: [Cue]
    public var sincereNotFrom: Set<SourceKind>

    public init(type: EventType, neighbours: Int, coerced: [Cue], sincere: [Cue], sincereNotFrom: Set<SourceKind>) {
        self.type = type
        self.neighbours = neighbours
        self.coerced = coerced
        self.sincere = sincere
        self.sincereNotFrom = sincereNotFrom
    }
}

// MARK: Reading attributes.yaml

extension AttributeRules {
    static func read(_ root: YAMLValue, reader: CueReader, log: inout ErrorLog) -> AttributeRules {
        var rules = AttributeRules()
        log.attempt { () throws(ConfigurationError) in try root.rejectUnknownKeys(["attributes", "occasions", "sincerity"]) }
        rules.attributes = root["attributes"]?.each(&log) { (node, log) throws(ConfigurationError) in
            try node.rejectUnknownKeys(["name", "applies_to", "choose", "values"])
            var values: [(value: String, cues: [Cue])] = []
            for (value, list) in try node.required("values").mapping() {
                values.append((value, reader.cues(list, strength: 1, log: &log)))
            }
            return AttributeDefinition(
                name: try node.required("name").nonEmptyString(),
                appliesTo: Set(try node.required("applies_to").stringList().map { EventType(rawValue: $0) }),
                choose: try node["choose"]?.enum(AttributeDefinition.Choice.self) ?? .all, values: values)
        } ?? []
        if let occasions = root["occasions"] {
            log.attempt { () throws(ConfigurationError) in try occasions.rejectUnknownKeys(["applies_to", "list"]) }
            rules.occasionTypes = Set(
                (log.attempt { () throws(ConfigurationError) in try occasions.required("applies_to").stringList() } ?? [])
                    .map { EventType(rawValue: $0) })
            rules.occasions = (log.attempt { () throws(ConfigurationError) in try occasions.required("list") })?
                .each(&log) { (node, log) throws(ConfigurationError) in try Occasion.read(node, reader: reader, log: &log) }
                ?? []
        }
        if let sincerity = root["sincerity"] {
            let coerced = sincerity["coerced"].map { reader.cues($0, strength: 1, log: &log) } ?? []
            let sincere = sincerity["sincere"].map { reader.cues($0, strength: 1, log: &log) } ?? []
            rules.sincerity = log.attempt { () throws(ConfigurationError) in
                try sincerity.rejectUnknownKeys(["type", "neighbours", "coerced", "sincere", "sincere_not_from", "rule"])
                let kinds = try sincerity["sincere_not_from"]?.array().map { value throws(ConfigurationError) in
                    try value.enum(SourceKind.self)
                }
                return SincerityRule(
                    type: EventType(try sincerity.required("type").nonEmptyString()),
                    neighbours: try sincerity["neighbours"]?.int(in: 0...5) ?? 1, coerced: coerced, sincere: sincere,
                    sincereNotFrom: Set(kinds ?? [.stateMedia]))
            }
        }
        return rules
    }
}

extension Occasion {
    static func read(_ node: YAMLValue, reader: CueReader, log: inout ErrorLog) throws(ConfigurationError) -> Occasion {
        try node.rejectUnknownKeys(["name", "cues", "dates", "annual"])
        var dates: [Day] = []
        for item in try node["dates"]?.array() ?? [] {
            let text = try item.string()
            guard let day = Day(text) else { throw item.error("expected a date as YYYY-MM-DD, found \"\(text)\"") }
            dates.append(day)
        }
        var annual: (Int, Int)?
        if let node = node["annual"] {
            let text = try node.string()
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, Day(year: 2024, month: parts[0], day: parts[1]) != nil else {
                throw node.error("expected a month and day as MM-DD, found \"\(text)\"")
            }
            annual = (parts[0], parts[1])
        }
        guard !dates.isEmpty || annual != nil else { throw node.error("expected \"dates\" or \"annual\" for an occasion") }
        return Occasion(
            name: try node.required("name").nonEmptyString(), cues: reader.cues(try node.required("cues"), strength: 1, log: &log),
            dates: dates, annual: annual)
    }
}
