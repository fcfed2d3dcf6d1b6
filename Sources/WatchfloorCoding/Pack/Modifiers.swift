import Watchfloor
import WatchfloorYAML

/// The context cues of a pack (`modifiers.yaml`): negation, speculation, denial, reported speech,
/// background, foreign look-alikes, and the phrases that only shadow shorter cues.
///
/// ```yaml
/// clause_breaks: [but, while, although, 지만]
/// modifiers:
///   - name: negation
///     effect: negate
///     scope: {direction: forward, tokens: 4}
///     cues: ["no", "not", "never", "have not", "haven't"]
///   - name: speculation
///     effect: suppress
///     scope: {direction: forward, tokens: 8}
///     cues: [may, might, "is expected to", "plans to", "is considering"]
/// stale:
///   older_than_days: 60
///   applies_to: [CASUALTY_REPORT]
///   open_ended: [since]
/// ```
public struct ModifierSet: Sendable {
    /// Words that end a forward or backward scope (punctuation , ; : and brackets always do).
    public var clauseBreaks: [Cue]
    public var modifiers: [Modifier]
    public var stale: StaleRule?

    public init(clauseBreaks: [Cue] = [], modifiers: [Modifier] = [], stale: StaleRule? = nil) {
        self.clauseBreaks = clauseBreaks
        self.modifiers = modifiers
        self.stale = stale
    }
}

public struct Modifier: Sendable {
    public enum Effect: Sendable, Equatable {
        /// The event is negated: the rule's `negated` type is coded instead, or nothing.
        case negate
        /// The event is not coded (speculation, denial, background, foreign look-alike).
        case suppress
        /// The event is coded with its confidence multiplied by the factor (reported speech).
        case discount(Double)
        /// Nothing: the cue only hides the shorter cues inside it ("not only", "ribbon-cutting ceremony").
        case shadow
    }

    public enum Scope: Sendable, Equatable {
        case forward(Int)
        case backward(Int)
        case both(Int)
        case sentence
    }

    public var name: String
    public var effect: Effect
    public var scope: Scope
    /// The types the modifier affects (`nil`: every type).
    public var appliesTo: Set<EventType>?
    /// Cues that cancel the modifier when they occur in the same sentence.
    public var unless: [Cue]
    public var cues: [Cue]

    public init(
        name: String, effect: Effect, scope: Scope, appliesTo: Set<EventType>? = nil, unless: [Cue] = [], cues: [Cue]
    ) {
        self.name = name
        self.effect = effect
        self.scope = scope
        self.appliesTo = appliesTo
        self.unless = unless
        self.cues = cues
    }
}

/// Background restatements of old figures: an event of these types whose sentence dates it more
/// than `olderThanDays` before publication is not a new event.
public struct StaleRule: Sendable {
    public var olderThanDays: Int
    public var appliesTo: Set<EventType>
    /// Words that make a date the start of something still going on ("since August 2023").
    public var openEnded: [Cue]

    public init(olderThanDays: Int, appliesTo: Set<EventType>, openEnded: [Cue] = []) {
        self.olderThanDays = olderThanDays
        self.appliesTo = appliesTo
        self.openEnded = openEnded
    }
}

// MARK: Reading modifiers.yaml

extension ModifierSet {
    static func read(_ root: YAMLValue, reader: CueReader, log: inout ErrorLog) -> ModifierSet {
        var set = ModifierSet()
        log.attempt { () throws(ConfigurationError) in try root.rejectUnknownKeys(["clause_breaks", "modifiers", "stale"]) }
        if let breaks = root["clause_breaks"] { set.clauseBreaks = reader.cues(breaks, strength: 1, log: &log) }
        var names = Set<String>()
        set.modifiers = (log.attempt { () throws(ConfigurationError) in try root.required("modifiers") })?
            .each(&log) { (node: YAMLValue, log: inout ErrorLog) throws(ConfigurationError) -> Modifier? in
                let modifier = try Modifier.read(node, reader: reader, log: &log)
                guard names.insert(modifier.name).inserted else {
                    throw node.error("the modifier name \"\(modifier.name)\" is used twice")
                }
                return modifier
            } ?? []
        if let stale = root["stale"] {
            let openEnded = stale["open_ended"].map { reader.cues($0, strength: 1, log: &log) } ?? []
            set.stale = log.attempt { () throws(ConfigurationError) in
                try stale.rejectUnknownKeys(["older_than_days", "applies_to", "open_ended"])
                return StaleRule(
                    olderThanDays: try stale.required("older_than_days").int(in: 1...3650),
                    appliesTo: Set(try stale.required("applies_to").stringList().map { EventType(rawValue: $0) }),
                    openEnded: openEnded)
            }
        }
        return set
    }
}

extension Modifier {
    static func read(_ node: YAMLValue, reader: CueReader, log: inout ErrorLog) throws(ConfigurationError) -> Modifier {
        try node.rejectUnknownKeys(["name", "effect", "factor", "scope", "applies_to", "unless", "cues", "note"])
        let name = try node.required("name").nonEmptyString()
        let effectNode = try node.required("effect")
        let effect: Effect
        switch try effectNode.string() {
        case "negate": effect = .negate
        case "suppress": effect = .suppress
        case "shadow": effect = .shadow
        case "discount": effect = .discount(try node.required("factor").double(in: 0...1))
        case let other:
            throw effectNode.error("expected one of negate, suppress, discount, shadow for \"effect\", found \"\(other)\"")
        }
        let scope = try readScope(node["scope"])
        let appliesTo = try node["applies_to"].map { value throws(ConfigurationError) in
            Set(try value.stringList().map { EventType(rawValue: $0) })
        }
        let cues = reader.cues(try node.required("cues"), strength: 1, log: &log)
        let unless = node["unless"].map { reader.cues($0, strength: 1, log: &log) } ?? []
        return Modifier(name: name, effect: effect, scope: scope, appliesTo: appliesTo, unless: unless, cues: cues)
    }

    private static func readScope(_ node: YAMLValue?) throws(ConfigurationError) -> Scope {
        guard let node else { return .sentence }
        if !node.isMapping {
            guard try node.string() == "sentence" else {
                throw node.error("expected \"sentence\" or a mapping {direction, tokens} for \"scope\"")
            }
            return .sentence
        }
        try node.rejectUnknownKeys(["direction", "tokens"])
        let directionNode = try node.required("direction")
        let direction = try directionNode.string()
        if direction == "sentence" { return .sentence }
        let tokens = try node.required("tokens").int(in: 1...60)
        switch direction {
        case "forward": return .forward(tokens)
        case "backward": return .backward(tokens)
        case "both": return .both(tokens)
        default:
            throw directionNode.error(
                "expected one of forward, backward, both, sentence for \"direction\", found \"\(direction)\"")
        }
    }
}
