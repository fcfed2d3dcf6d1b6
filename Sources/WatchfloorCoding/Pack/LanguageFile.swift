import Watchfloor
import WatchfloorYAML

/// One language's words for a pack (`languages/ru.yaml`, named under `files: languages:` in
/// `pack.yaml`): cues added to the sets, compounds, rules, modifiers, attributes and gazetteer the
/// pack's other files define, and rules or modifiers of the language's own.
///
/// The codebook's structure — types, rules, roles, scopes — is the same in every language; what a
/// language brings is its words. A set is one concept ("the bereaved", "giving", "Russia") in
/// every language, so a rule written once codes them all:
///
/// ```yaml
/// language: ru
/// sets:                          # added to the sets of types.yaml
///   bereaved: [семьи погибших, семьям погибших, вдов*]
/// compounds:
///   bereaved-near: {first: [сем*, родн*], then: [погибш*, павш*]}
/// rules:                         # added to a rule's trigger, roles or blockers, by TYPE/id
///   GIFT_DELIVERY/gift:
///     trigger: [подарк*, подарок]
///     roles: {recipient: [новосел*]}
///     unless: [{cues: [свидетельств*], within: 4}]
/// new_rules:                     # rules of the language's own
///   DEPLOYMENT: [{id: dispatch-ru, trigger: ..., roles: ...}]
/// modifiers:                   # added to a modifier of modifiers.yaml, by name
///   negation: [не, нет, ни]
///   foreign: {cues: [российских военных], unless: [КНДР, северокорейск*]}   # and what cancels it
/// new_modifiers: [{name: japanese-negation, effect: negate, scope: {direction: backward, tokens: 2}, cues: [ない]}]
/// clause_breaks: [но, однако]
/// open_ended: [с тех пор]
/// attributes: {item: {food: [рис, мук*]}}    # added to an attribute's values
/// occasions: {Chuseok: [чхусок]}
/// sincerity: {coerced: [заставил*], sincere: [искренн*]}
/// places:
///   KP-01: {names: [Пхеньян*], places: [{name: Мангёндэ, kind: district}]}
/// place_context: {relative: [к северу от], metonyms: {names: [Пхеньян*], place_before: [в]}}
/// ```
///
/// Every cue read from the file carries its language, so `explain` can say which language's
/// words coded an event. Unknown keys, sets, rules, roles, modifiers, attribute values and
/// provinces are errors with the file and line, like every other pack file.
struct LanguageFile {
    var language: Language
    var root: YAMLValue

    static let keys: Set<String> = [
        "language", "note", "sets", "compounds", "rules", "new_rules", "modifiers", "new_modifiers", "clause_breaks",
        "open_ended", "attributes", "occasions", "sincerity", "places", "place_context",
    ]

    init?(root: YAMLValue, log: inout ErrorLog) {
        log.attempt { () throws(ConfigurationError) in try root.rejectUnknownKeys(Self.keys) }
        guard let code = log.attempt({ () throws(ConfigurationError) in try root.required("language").nonEmptyString() })
        else { return nil }
        language = Language(rawValue: code)
        self.root = root
    }

    /// The reader, reading this file: its cues carry the language.
    private func reader(_ base: CueReader) -> CueReader {
        var reader = base
        reader.language = language
        return reader
    }

    // MARK: types.yaml

    func addSets(to base: inout CueReader, log: inout ErrorLog) {
        guard let node = root["sets"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() })
        else { return }
        let reader = reader(base)
        for (name, list) in entries {
            guard base.sets[name] != nil else {
                log.add(list.error("unknown set \"\(name)\"; the sets of types.yaml are: \(base.sets.keys.sorted().joined(separator: ", "))"))
                continue
            }
            base.sets[name]! += reader.cues(list, strength: 1, log: &log)
        }
    }

    func addCompounds(to compounds: inout [Compound], reader base: CueReader, log: inout ErrorLog) {
        guard let node = root["compounds"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() })
        else { return }
        let reader = reader(base)
        for (name, value) in entries {
            guard let index = compounds.firstIndex(where: { $0.name == name }) else {
                log.add(value.error("unknown compound \"\(name)\"; types.yaml defines: \(compounds.map(\.name).joined(separator: ", "))"))
                continue
            }
            log.attempt { () throws(ConfigurationError) in try value.rejectUnknownKeys(["first", "then"]) }
            compounds[index].first += value["first"].map { reader.cues($0, strength: 1, log: &log) } ?? []
            compounds[index].then += value["then"].map { reader.cues($0, strength: 1, log: &log) } ?? []
        }
    }

    func addRules(to types: inout [EventTypeDefinition], reader base: CueReader, log: inout ErrorLog) {
        let reader = reader(base)
        if let node = root["rules"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (key, value) in entries {
                let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, let t = types.firstIndex(where: { $0.type.rawValue == parts[0] }),
                    let r = types[t].rules.firstIndex(where: { $0.id == parts[1] })
                else {
                    log.add(value.error("unknown rule \"\(key)\"; expected TYPE/id of a rule in types.yaml"))
                    continue
                }
                log.attempt { () throws(ConfigurationError) in try value.rejectUnknownKeys(["trigger", "roles", "unless"]) }
                var rule = types[t].rules[r]
                if let trigger = value["trigger"] {
                    rule.trigger.cues += reader.cues(trigger, strength: rule.trigger.cues.first?.strength ?? 0.5, log: &log)
                }
                if let roles = value["roles"], let named = log.attempt({ () throws(ConfigurationError) in try roles.mapping() }) {
                    for (name, list) in named {
                        guard let index = rule.roles.firstIndex(where: { $0.name == name }) else {
                            log.add(list.error("rule \(key) has no role \"\(name)\"; its roles are: \(rule.roles.map(\.name).joined(separator: ", "))"))
                            continue
                        }
                        rule.roles[index].cues += reader.cues(
                            list, strength: rule.roles[index].cues.first?.strength ?? 0.5, log: &log)
                    }
                }
                rule.unless += value["unless"]?.each(&log) { (item, log) throws(ConfigurationError) -> Role? in
                    try Role.read(item, name: "unless", reader: reader, log: &log)
                } ?? []
                types[t].rules[r] = rule
            }
        }
        if let node = root["new_rules"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (name, list) in entries {
                guard let t = types.firstIndex(where: { $0.type.rawValue == name }) else {
                    log.add(list.error("unknown type \(name) in new_rules"))
                    continue
                }
                let rules = list.each(&log) { (item, log) throws(ConfigurationError) -> Rule? in
                    let rule = try Rule.read(item, reader: reader, log: &log)
                    guard !types[t].rules.contains(where: { $0.id == rule.id }) else {
                        throw item.error("the rule id \"\(rule.id)\" is used twice in \(name)")
                    }
                    return rule
                }
                types[t].rules += rules
            }
        }
    }

    // MARK: modifiers.yaml

    func addModifiers(to set: inout ModifierSet, reader base: CueReader, log: inout ErrorLog) {
        let reader = reader(base)
        if let node = root["modifiers"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (name, list) in entries {
                guard let index = set.modifiers.firstIndex(where: { $0.name == name }) else {
                    log.add(list.error("unknown modifier \"\(name)\"; modifiers.yaml defines: \(set.modifiers.map(\.name).joined(separator: ", "))"))
                    continue
                }
                if list.isMapping {
                    // {cues: [...], unless: [...]}: words that cancel the modifier too
                    log.attempt { () throws(ConfigurationError) in try list.rejectUnknownKeys(["cues", "unless"]) }
                    set.modifiers[index].cues += list["cues"].map { reader.cues($0, strength: 1, log: &log) } ?? []
                    set.modifiers[index].unless += list["unless"].map { reader.cues($0, strength: 1, log: &log) } ?? []
                } else {
                    set.modifiers[index].cues += reader.cues(list, strength: 1, log: &log)
                }
            }
        }
        if let node = root["new_modifiers"] {
            set.modifiers += node.each(&log) { (item, log) throws(ConfigurationError) -> Modifier? in
                let modifier = try Modifier.read(item, reader: reader, log: &log)
                guard !set.modifiers.contains(where: { $0.name == modifier.name }) else {
                    throw item.error("the modifier name \"\(modifier.name)\" is used twice")
                }
                return modifier
            }
        }
        if let node = root["clause_breaks"] { set.clauseBreaks += reader.cues(node, strength: 1, log: &log) }
        if let node = root["open_ended"] {
            guard set.stale != nil else {
                log.add(node.error("open_ended needs a `stale` rule in modifiers.yaml"))
                return
            }
            set.stale!.openEnded += reader.cues(node, strength: 1, log: &log)
        }
    }

    // MARK: attributes.yaml

    func addAttributes(to rules: inout AttributeRules, reader base: CueReader, log: inout ErrorLog) {
        let reader = reader(base)
        if let node = root["attributes"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (name, values) in entries {
                guard let index = rules.attributes.firstIndex(where: { $0.name == name }),
                    let named = log.attempt({ () throws(ConfigurationError) in try values.mapping() })
                else {
                    log.add(values.error("unknown attribute \"\(name)\""))
                    continue
                }
                for (value, list) in named {
                    guard let v = rules.attributes[index].values.firstIndex(where: { $0.value == value }) else {
                        log.add(list.error("attribute \(name) has no value \"\(value)\""))
                        continue
                    }
                    rules.attributes[index].values[v].cues += reader.cues(list, strength: 1, log: &log)
                }
            }
        }
        if let node = root["occasions"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (name, list) in entries {
                guard let index = rules.occasions.firstIndex(where: { $0.name == name }) else {
                    log.add(list.error("unknown occasion \"\(name)\""))
                    continue
                }
                rules.occasions[index].cues += reader.cues(list, strength: 1, log: &log)
            }
        }
        if let node = root["sincerity"] {
            guard rules.sincerity != nil else {
                log.add(node.error("sincerity cues need a `sincerity` rule in attributes.yaml"))
                return
            }
            log.attempt { () throws(ConfigurationError) in try node.rejectUnknownKeys(["coerced", "sincere"]) }
            rules.sincerity!.coerced += node["coerced"].map { reader.cues($0, strength: 1, log: &log) } ?? []
            rules.sincerity!.sincere += node["sincere"].map { reader.cues($0, strength: 1, log: &log) } ?? []
        }
    }

    // MARK: gazetteer.yaml

    func addPlaces(to gazetteer: inout Gazetteer, reader base: CueReader, log: inout ErrorLog) {
        let reader = reader(base)
        func cues(_ node: YAMLValue?) -> [Cue] { node.map { reader.cues($0, strength: 1, log: &log) } ?? [] }
        if let node = root["places"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (code, value) in entries {
                guard let province = Province(code: code) else {
                    log.add(value.error("expected an ISO 3166-2:KP code, found \"\(code)\""))
                    continue
                }
                log.attempt { () throws(ConfigurationError) in try value.rejectUnknownKeys(["names", "places"]) }
                let canonical = gazetteer.names.first { $0.province == province && $0.kind == "province" }?.canonical ?? code
                for name in log.attempt({ () throws(ConfigurationError) in try value["names"]?.stringList() ?? [] }) ?? [] {
                    if let cue = log.attempt({ () throws(ConfigurationError) in try Gazetteer.placeCue(name, at: value) }) {
                        gazetteer.names.append(.init(cue: tagged(cue), province: province, kind: "province", canonical: canonical))
                    }
                }
                let places = value["places"]?.each(&log) { (place, log) throws(ConfigurationError) -> [Gazetteer.Name]? in
                    try place.rejectUnknownKeys(["name", "kind", "variants"])
                    let main = try place.required("name").nonEmptyString()
                    let kind = try place["kind"]?.nonEmptyString() ?? "place"
                    return try ([main] + (try place["variants"]?.stringList() ?? [])).map { text throws(ConfigurationError) in
                        Gazetteer.Name(
                            cue: tagged(try Gazetteer.placeCue(text, at: place)), province: province, kind: kind, canonical: main)
                    }
                }
                gazetteer.names += places?.flatMap { $0 } ?? []
            }
        }
        guard let context = root["place_context"] else { return }
        log.attempt { () throws(ConfigurationError) in
            try context.rejectUnknownKeys(["relative", "ambiguous", "metonyms", "common_word_context", "shared_with_south_korea"])
        }
        gazetteer.relative += cues(context["relative"])
        gazetteer.ambiguous += cues(context["ambiguous"])
        if let node = context["metonyms"], gazetteer.metonyms != nil {
            gazetteer.metonyms!.names += cues(node["names"])
            gazetteer.metonyms!.placeBefore += cues(node["place_before"])
            gazetteer.metonyms!.placeAfter += cues(node["place_after"])
        }
        if let node = context["common_word_context"], gazetteer.commonWordContext != nil {
            gazetteer.commonWordContext!.placeBefore += cues(node["place_before"])
            gazetteer.commonWordContext!.placeAfter += cues(node["place_after"])
        }
        if let node = context["shared_with_south_korea"], gazetteer.sharedWithSouth != nil {
            gazetteer.sharedWithSouth!.names += cues(node["names"])
            gazetteer.sharedWithSouth!.southContext += cues(node["south_context"])
            gazetteer.sharedWithSouth!.northContext += cues(node["north_context"])
        }
    }

    private func tagged(_ cue: Cue) -> Cue {
        var cue = cue
        cue.language = language
        return cue
    }
}
