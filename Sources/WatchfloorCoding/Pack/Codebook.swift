import Watchfloor
import WatchfloorYAML

/// The event types of a pack (`types.yaml`) and the rules that code them.
///
/// A rule is anchored on a *trigger* cue; its other roles (item, recipient, actor, ...) must be
/// found in the same sentence within a window of tokens from the trigger. `unless` lists cues
/// that block the rule when they stand near the trigger.
///
/// ```yaml
/// sets:
///   recipients: [bereaved families, families of the fallen, 유가족]
/// types:
///   - name: GIFT_DELIVERY
///     description: the state gives goods, housing or privileges to bereaved families
///     rules:
///       - id: delivery
///         trigger: {cues: [deliver*, "handed out", 전달], strength: 0.6}
///         roles:
///           item: {cues: [rice, apartments, 쌀], strength: 0.5}
///           recipient: {cues: ["@recipients"], strength: 0.7, within: 12}
///         unless:
///           - {cues: [casualty notices], within: 4}
///         negated: AID_DISRUPTION
/// ```
public struct Codebook: Sendable {
    public var types: [EventTypeDefinition]
    /// The named cue sets, for reference in other files.
    public var sets: [String: [Cue]]
    public var compounds: [Compound]

    public init(types: [EventTypeDefinition], sets: [String: [Cue]] = [:], compounds: [Compound] = []) {
        self.types = types
        self.sets = sets
        self.compounds = compounds
    }
}

/// Two cues near each other in a sentence, standing together for one thing: "families" within a
/// few words of "fallen" is a bereaved family, whatever stands between ("the homes of three fallen
/// servicemen", "희생된 전사들의 가족").
///
/// ```yaml
/// compounds:
///   bereaved-near:
///     first: [families, parents, homes, 가족]
///     then: ["@fallen"]
///     within: 5
///     ordered: false      # either may come first (Korean puts the fallen first)
/// ```
public struct Compound: Sendable {
    public var name: String
    public var first: [Cue]
    public var then: [Cue]
    public var within: Int
    /// When true, `then` must follow `first`.
    public var ordered: Bool
}

public struct EventTypeDefinition: Sendable {
    public var type: EventType
    public var description: String
    public var rules: [Rule]

    public init(type: EventType, description: String, rules: [Rule]) {
        self.type = type
        self.description = description
        self.rules = rules
    }
}

/// Where a role's cue must stand relative to the trigger.
public enum RolePosition: String, Sendable, CaseIterable {
    case before, after, any
}

/// A role of a rule: cues, how strong they are, whether the rule needs them, and how far from the
/// trigger they may stand.
public struct Role: Sendable {
    public var name: String
    public var cues: [Cue]
    public var required: Bool
    /// The most tokens between the trigger and the cue (`nil`: the rule's window).
    public var within: Int?
    public var position: RolePosition
    /// When true, a required role missing from the trigger's sentence may be taken from the
    /// sentence before it in the same paragraph ("Bereaved families were called to the party
    /// office. Each received a bag of rice."), at a lower confidence (``Role/borrowedFactor``).
    public var borrow: Bool

    /// The factor on the confidence of an event one of whose roles came from the sentence before.
    public static let borrowedFactor = 0.8

    public init(
        name: String, cues: [Cue], required: Bool = true, within: Int? = nil, position: RolePosition = .any,
        borrow: Bool = false
    ) {
        self.name = name
        self.cues = cues
        self.required = required
        self.within = within
        self.position = position
        self.borrow = borrow
    }
}

public struct Rule: Sendable {
    /// Unique within its type; events name it as `TYPE/id`.
    public var id: String
    public var trigger: Role
    public var roles: [Role]
    /// Cues that block the rule when found within their distance of the trigger.
    public var unless: [Role]
    /// The default distance, in tokens, between the trigger and the other roles.
    public var window: Int
    /// The type a negated match codes ("no gifts have arrived" → AID_DISRUPTION); `nil` drops it.
    public var negated: EventType?
    /// When true, the rule codes only when negated, and then its `negated` type: "the promised coal
    /// has not come", "no visit and no gift for the families" are disruptions, "the coal came" is
    /// nothing of this rule's.
    public var onlyNegated: Bool
    /// When set, the rule only applies to documents from these kinds of source.
    public var sourceKinds: Set<SourceKind>?

    public init(
        id: String, trigger: Role, roles: [Role] = [], unless: [Role] = [], window: Int = 12, negated: EventType? = nil,
        onlyNegated: Bool = false, sourceKinds: Set<SourceKind>? = nil
    ) {
        self.id = id
        self.trigger = trigger
        self.roles = roles
        self.unless = unless
        self.window = window
        self.negated = negated
        self.onlyNegated = onlyNegated
        self.sourceKinds = sourceKinds
    }
}

// MARK: Reading types.yaml

extension Codebook {
    /// Reads `types.yaml`; each language file's words join the sets before any rule reads them,
    /// and its compounds and rules after.
    static func read(_ root: YAMLValue, languageFiles: [LanguageFile] = [], log: inout ErrorLog) -> (Codebook, CueReader) {
        var reader = CueReader()
        log.attempt { () throws(ConfigurationError) in try root.rejectUnknownKeys(["sets", "compounds", "types"]) }
        if let sets = root["sets"], let entries = log.attempt({ () throws(ConfigurationError) in try sets.mapping() }) {
            for (name, list) in entries {
                reader.sets[name] = reader.cues(list, strength: 1, log: &log)
            }
        }
        for file in languageFiles { file.addSets(to: &reader, log: &log) }
        var compounds: [Compound] = []
        if let node = root["compounds"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (name, value) in entries {
                guard reader.sets[name] == nil else {
                    log.add(value.error("\"\(name)\" is both a set and a compound"))
                    continue
                }
                let first = value["first"].map { reader.cues($0, strength: 1, log: &log) } ?? []
                let then = value["then"].map { reader.cues($0, strength: 1, log: &log) } ?? []
                let compound = log.attempt { () throws(ConfigurationError) -> Compound in
                    try value.rejectUnknownKeys(["first", "then", "within", "ordered"])
                    _ = try value.required("first")
                    _ = try value.required("then")
                    return Compound(
                        name: name, first: first, then: then, within: try value["within"]?.int(in: 1...20) ?? 5,
                        ordered: try value["ordered"]?.bool() ?? false)
                }
                if let compound {
                    compounds.append(compound)
                    reader.compounds.insert(name)
                }
            }
        }
        for file in languageFiles { file.addCompounds(to: &compounds, reader: reader, log: &log) }
        var seen = Set<EventType>()
        var types = (log.attempt { () throws(ConfigurationError) in try root.required("types") })?
            .each(&log) { (node: YAMLValue, log: inout ErrorLog) throws(ConfigurationError) -> EventTypeDefinition? in
                try node.rejectUnknownKeys(["name", "description", "rules"])
                let name = try node.required("name").nonEmptyString()
                guard name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else {
                    throw try node.required("name").error("expected an event type in capitals and underscores, found \"\(name)\"")
                }
                let type = EventType(name)
                guard seen.insert(type).inserted else {
                    throw try node.required("name").error("the type \(name) is defined twice")
                }
                var ids = Set<String>()
                let rules = try node.required("rules").each(&log) { (rule, log) throws(ConfigurationError) -> Rule? in
                    let parsed = try Rule.read(rule, reader: reader, log: &log)
                    guard ids.insert(parsed.id).inserted else {
                        throw rule.error("the rule id \"\(parsed.id)\" is used twice in \(name)")
                    }
                    return parsed
                }
                let description = try node["description"]?.string() ?? ""
                return EventTypeDefinition(type: type, description: description, rules: rules)
            } ?? []
        for file in languageFiles { file.addRules(to: &types, reader: reader, log: &log) }
        return (Codebook(types: types, sets: reader.sets, compounds: compounds), reader)
    }

    /// Checks what can only be checked once every type is known: `negated:` targets.
    func checkReferences(log: inout ErrorLog, root: YAMLValue) {
        let known = Set(types.map(\.type))
        for definition in types {
            for rule in definition.rules {
                if let target = rule.negated, !known.contains(target) {
                    log.add(root.error("rule \(definition.type)/\(rule.id): \"negated: \(target)\" is not a type of this pack"))
                }
            }
        }
    }
}

extension Rule {
    static func read(_ node: YAMLValue, reader: CueReader, log: inout ErrorLog) throws(ConfigurationError) -> Rule {
        try node.rejectUnknownKeys([
            "id", "trigger", "roles", "unless", "window", "negated", "only_negated", "source_kinds", "note",
        ])
        let id = try node.required("id").nonEmptyString()
        let window = try node["window"]?.int(in: 1...60) ?? 12
        let trigger = try Role.read(node.required("trigger"), name: "trigger", reader: reader, log: &log)
        var roles: [Role] = []
        if let roleNodes = node["roles"] {
            for (name, value) in try roleNodes.mapping() {
                guard name != "trigger" else { throw value.error("\"trigger\" is given by the rule's own trigger key") }
                roles.append(try Role.read(value, name: name, reader: reader, log: &log))
            }
        }
        let unless = node["unless"]?.each(&log) { (item, log) throws(ConfigurationError) -> Role? in
            try Role.read(item, name: "unless", reader: reader, log: &log)
        } ?? []
        let negated = try node["negated"].map { value throws(ConfigurationError) in EventType(try value.nonEmptyString()) }
        let onlyNegated = try node["only_negated"]?.bool() ?? false
        if onlyNegated, negated == nil, let flag = node["only_negated"] {
            throw flag.error("a rule with \"only_negated: true\" needs \"negated:\", the type its negation codes")
        }
        var kinds: Set<SourceKind>?
        if let list = node["source_kinds"] {
            kinds = Set(try list.array().map { value throws(ConfigurationError) in try value.enum(SourceKind.self) })
        }
        return Rule(
            id: id, trigger: trigger, roles: roles, unless: unless, window: window, negated: negated,
            onlyNegated: onlyNegated, sourceKinds: kinds)
    }
}

extension Role {
    /// A role is a list of cues, or a mapping with `cues` and `strength`, `required`, `within`, `position`.
    static func read(_ node: YAMLValue, name: String, reader: CueReader, log: inout ErrorLog) throws(ConfigurationError)
        -> Role
    {
        guard node.isMapping else {
            return Role(name: name, cues: reader.cues(node, strength: 0.5, log: &log))
        }
        try node.rejectUnknownKeys(["cues", "strength", "required", "within", "position", "borrow"])
        let strength = try node["strength"]?.double(in: 0...1) ?? 0.5
        let cues = reader.cues(try node.required("cues"), strength: strength, log: &log)
        if cues.isEmpty { throw node.error("expected at least one cue for the role \"\(name)\"") }
        return Role(
            name: name, cues: cues, required: try node["required"]?.bool() ?? true,
            within: try node["within"]?.int(in: 0...60), position: try node["position"]?.enum(RolePosition.self) ?? .any,
            borrow: try node["borrow"]?.bool() ?? false)
    }
}
