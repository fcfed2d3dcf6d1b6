import Watchfloor

/// What a matched cue stands for. One phrase may stand for several things (a province name is
/// also South Korean context; "may" is speculation and a month).
enum CueUse: Hashable, Sendable {
    /// A role of a rule; `role` -1 is the trigger.
    case role(rule: Int, role: Int, strength: Double)
    case blocker(rule: Int, index: Int)
    case modifier(Int)
    case modifierUnless(Int)
    case clauseBreak
    case attribute(Int, value: Int)
    case occasion(Int)
    case coerced
    case sincere
    case place(Int)
    case ambiguousPlace
    case relativePlace
    case metonym
    case metonymBefore
    case metonymAfter
    case commonWordBefore
    case commonWordAfter
    case sharedName
    case southByDefault
    case southContext
    case northContext
    case openEnded
    case date(DateWord)
    /// One of the two sides of a compound (see ``Compound``).
    case compoundPart(Int, first: Bool)
}

/// A rule with its place in the codebook.
struct CompiledRule: Sendable {
    var type: EventType
    var typeIndex: Int
    var rule: Rule
    /// `TYPE/id`.
    var name: String
}

/// A pack compiled for coding: every cue of every file in one ``CueMatcher``, and per phrase the
/// uses it has. A class, so that the coder's stages share it without copying its tables.
final class CompiledPack: Sendable {
    let pack: Pack
    let matcher: CueMatcher
    /// Per phrase id: what it stands for, and the cue as written for each use.
    let uses: [[(use: CueUse, cue: String)]]
    let rules: [CompiledRule]
    /// Per phrase id: whether it reinterprets the words inside it (a trigger, a modifier, a place,
    /// a date) and so hides shorter cues there. Other role cues and annotations hide nothing: "bodies
    /// of" as a memorial's context leaves "bodies" to report casualties.
    let shadows: [Bool]
    /// Per phrase id: whether it is a description (a `shadow` modifier) that neutralises every
    /// other cue over its words, same-length readings included ("파병된" hides the trigger "파병").
    let describes: [Bool]
    /// The language file each cue (as written) came from; cues the pack's own files also write
    /// are the pack's.
    let languageOfCue: [String: Language]

    init(pack: Pack) {
        var collected: [(CuePattern, CueUse)] = []
        let compoundIndex = Dictionary(
            uniqueKeysWithValues: pack.codebook.compounds.enumerated().map { ($1.name, $0) })
        // Uses of compounds, which are not phrases of the matcher but found by pairing their parts.
        var compoundUses = [[(use: CueUse, cue: String)]](repeating: [], count: compoundIndex.count)
        func add(_ cues: [Cue], _ use: CueUse) {
            add(cues) { _ in use }
        }
        var languages: [String: Language] = [:]
        var ownCues: Set<String> = []
        func add(_ cues: [Cue], _ use: (Double) -> CueUse) {
            for cue in cues {
                if let language = cue.language { languages[cue.text] = language } else { ownCues.insert(cue.text) }
                if let name = cue.compound, let index = compoundIndex[name] {
                    compoundUses[index].append((use(cue.strength), cue.text))
                } else {
                    collected.append((cue.pattern, use(cue.strength)))
                }
            }
        }
        for (index, compound) in pack.codebook.compounds.enumerated() {
            add(compound.first, .compoundPart(index, first: true))
            add(compound.then, .compoundPart(index, first: false))
        }

        var rules: [CompiledRule] = []
        for (typeIndex, definition) in pack.codebook.types.enumerated() {
            for rule in definition.rules {
                let index = rules.count
                rules.append(
                    CompiledRule(
                        type: definition.type, typeIndex: typeIndex, rule: rule, name: "\(definition.type.rawValue)/\(rule.id)"
                    ))
                add(rule.trigger.cues) { .role(rule: index, role: -1, strength: $0) }
                for (roleIndex, role) in rule.roles.enumerated() {
                    add(role.cues) { .role(rule: index, role: roleIndex, strength: $0) }
                }
                for (blockerIndex, blocker) in rule.unless.enumerated() {
                    add(blocker.cues, .blocker(rule: index, index: blockerIndex))
                }
            }
        }
        for (index, modifier) in pack.modifiers.modifiers.enumerated() {
            add(modifier.cues, .modifier(index))
            add(modifier.unless, .modifierUnless(index))
        }
        add(pack.modifiers.clauseBreaks, .clauseBreak)
        add(pack.modifiers.stale?.openEnded ?? [], .openEnded)
        for (index, attribute) in pack.attributes.attributes.enumerated() {
            for (valueIndex, value) in attribute.values.enumerated() {
                add(value.cues, .attribute(index, value: valueIndex))
            }
        }
        for (index, occasion) in pack.attributes.occasions.enumerated() {
            add(occasion.cues, .occasion(index))
        }
        if let sincerity = pack.attributes.sincerity {
            add(sincerity.coerced, .coerced)
            add(sincerity.sincere, .sincere)
        }
        let gazetteer = pack.gazetteer
        for (index, name) in gazetteer.names.enumerated() {
            collected.append((name.cue.pattern, .place(index)))
            if let language = name.cue.language { languages[name.cue.text] = language } else { ownCues.insert(name.cue.text) }
        }
        add(gazetteer.ambiguous, .ambiguousPlace)
        add(gazetteer.relative, .relativePlace)
        if let metonyms = gazetteer.metonyms {
            add(metonyms.names, .metonym)
            add(metonyms.placeBefore, .metonymBefore)
            add(metonyms.placeAfter, .metonymAfter)
        }
        if let context = gazetteer.commonWordContext {
            add(context.placeBefore, .commonWordBefore)
            add(context.placeAfter, .commonWordAfter)
        }
        if let shared = gazetteer.sharedWithSouth {
            add(shared.names, .sharedName)
            add(shared.southByDefault, .southByDefault)
            add(shared.southContext, .southContext)
            add(shared.northContext, .northContext)
        }
        for (text, word) in DateWord.lexicon {
            // The date words are built in; a pack cannot misspell them.
            if let pattern = try? CuePattern(text) { collected.append((pattern, .date(word))) }
        }

        // Romanisation variants: a cue with one spelling of a word also matches the others; a
        // Korean verb stem (`숨지~`) matches its conjugations.
        let variants = SpellingVariants(pack.spellings)
        var patterns: [CuePattern] = []
        var patternUses: [(CueUse, String)] = []
        for (pattern, use) in collected {
            for expanded in pattern.conjugated().flatMap(variants.expand) {
                patterns.append(expanded)
                patternUses.append((use, pattern.source))
            }
        }
        matcher = CueMatcher(patterns: patterns, particles: pack.particles + gazetteer.koreanSuffixes)
        var uses = [[(use: CueUse, cue: String)]](repeating: [], count: matcher.phraseCount)
        for (index, phrase) in matcher.phraseOfPattern.enumerated() {
            let (use, cue) = patternUses[index]
            if !uses[phrase].contains(where: { $0.use == use }) { uses[phrase].append((use, cue)) }
        }
        self.uses = uses + compoundUses
        self.rules = rules
        let modifiers = pack.modifiers.modifiers
        describes = self.uses.map { entries in
            entries.contains { entry in
                if case .modifier(let index) = entry.use { return modifiers[index].effect == .shadow }
                return false
            }
        }
        shadows = self.uses.map { entries in
            entries.contains { entry in
                switch entry.use {
                case .role(_, let role, _): role < 0
                case .modifier, .place, .ambiguousPlace, .date: true
                default: false
                }
            }
        }
        languageOfCue = languages.filter { !ownCues.contains($0.key) }
        self.pack = pack
    }
}

extension CompiledPack {
    /// The tenths of a word one Han character or kana counts for in a document of `language`.
    func ideographUnits(_ language: Language) -> Int32 {
        let perWord = pack.charactersPerWord[language] ?? 2.5
        return max(1, Int32((Double(TokenizedDocument.unitsPerWord) / perWord).rounded()))
    }
}

/// Groups of spellings of one word; a cue is expanded into one pattern per combination.
struct SpellingVariants {
    private var groupOf: [[UInt8]: [[UInt8]]] = [:]

    init(_ groups: [[String]]) {
        for group in groups {
            let folded = group.map { Array(ScalarFolding.foldedWords($0).joined().utf8) }
            for word in folded { groupOf[word] = folded }
        }
    }

    func expand(_ pattern: CuePattern) -> [CuePattern] {
        var results = [pattern]
        for (index, word) in pattern.words.enumerated() {
            guard let group = groupOf[word.bytes] else { continue }
            results = results.flatMap { base in
                group.map { spelling in
                    var copy = base
                    copy.words[index].bytes = spelling
                    return copy
                }
            }
        }
        return results
    }
}
