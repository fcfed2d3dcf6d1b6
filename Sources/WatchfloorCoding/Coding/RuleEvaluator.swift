import Watchfloor

/// An event a sentence supports, before it is placed, dated and given its attributes.
struct Candidate {
    var type: EventType
    /// `TYPE/id`, with `→negated` for a redirected negation.
    var rule: String
    var sentence: Int
    var trigger: Hit
    var cues: [(role: String, hit: Hit)]
    var confidence: Double
}

/// Tries every rule whose trigger occurs in a sentence.
///
/// For each trigger the rule's roles are looked for within their distance; a blocker near the
/// trigger stops the rule. Modifiers whose scope covers the trigger or a required role then
/// negate, suppress or discount it. Confidence is the noisy-OR of the strengths of the cues used,
/// times the discounts: `c = (1 − Π(1 − sᵢ)) × Π fⱼ`, kept within 0.05…0.99.
struct RuleEvaluator {
    let document: TokenizedDocument
    let compiled: CompiledPack
    let sourceKind: SourceKind
    let published: Day?
    /// When false, the rules tried are not recorded (the trace wants them; coding does not, and
    /// recording them costs a string per trigger).
    var tracing = true

    func evaluate(
        sentence index: Int, cues sentenceCues: SentenceCues, previous: SentenceCues? = nil, dates: [DateMention],
        attempts: inout [CodingTrace.RuleAttempt]
    ) -> [Candidate] {
        var cues = sentenceCues
        if !dates.isEmpty, !cues.modifiers.isEmpty {
            // A modifier word that is part of a date is the date ("struck Kharkiv in May"), unless
            // it follows "and" ("promised and may deliver").
            cues.modifiers.removeAll { entry in
                let token = entry.hit.tokens.lowerBound
                return dates.contains { $0.tokens.contains(token) && $0.tokens.contains(entry.hit.tokens.upperBound) }
                    && !(token > 0 && document.text(of: token - 1).lowercased() == "and")
            }
        }
        var fired: [EventType: Candidate] = [:]
        var redirected: [EventType: Candidate] = [:]
        for ruleIndex in cues.rules.keys.sorted() {
            guard let hits = cues.rules[ruleIndex], !hits.triggers.isEmpty else { continue }
            let compiledRule = compiled.rules[ruleIndex]
            let rule = compiledRule.rule
            if let kinds = rule.sourceKinds, !kinds.contains(sourceKind) {
                if tracing { attempts.append(attempt(compiledRule, hits.triggers[0], .wrongSource(sourceKind), [])) }
                continue
            }
            for trigger in hits.triggers {
                let (outcome, used, factor) = judge(
                    compiledRule, trigger: trigger, hits: hits, previous: previous?.rules[ruleIndex], cues: cues, dates: dates)
                if tracing {
                    attempts.append(attempt(compiledRule, trigger, outcome, used.map { cueMatch(role: $0.role, hit: $0.hit) }))
                }
                let strengths = used.map(\.hit.strength)
                let confidence = min(0.99, max(0.05, (1 - strengths.reduce(1) { $0 * (1 - $1) }) * factor))
                switch outcome {
                case .fired:
                    let candidate = Candidate(
                        type: compiledRule.type, rule: compiledRule.name, sentence: index, trigger: trigger, cues: used,
                        confidence: confidence)
                    if (fired[compiledRule.type]?.confidence ?? -1) < confidence { fired[compiledRule.type] = candidate }
                case .negated(_, let target?):
                    let candidate = Candidate(
                        type: target, rule: compiledRule.name + "→negated", sentence: index, trigger: trigger, cues: used,
                        confidence: confidence)
                    if (redirected[target]?.confidence ?? -1) < confidence { redirected[target] = candidate }
                default:
                    break
                }
            }
        }
        for (type, candidate) in redirected where fired[type] == nil {
            // A redirected negation is still subject to the target type's own modifiers and staleness.
            if let reason = stale(type, dates: dates) {
                attempts.append(
                    CodingTrace.RuleAttempt(
                        rule: candidate.rule, type: type, trigger: candidate.trigger.cue,
                        outcome: .suppressed(modifier: "stale", by: reason), cues: []))
                continue
            }
            fired[type] = candidate
        }
        return fired.values.sorted { $0.type < $1.type }
    }

    // MARK: One trigger

    private func judge(
        _ compiledRule: CompiledRule, trigger: Hit, hits: RuleHits, previous: RuleHits?, cues: SentenceCues,
        dates: [DateMention]
    ) -> (CodingTrace.RuleAttempt.Outcome, [(role: String, hit: Hit)], Double) {
        let rule = compiledRule.rule
        if !tracing {
            // Coding, not tracing: a required role with no cue in reach (and none to borrow) ends
            // the rule before anything is allocated. Most triggers end here; the trace, which names
            // the first reason in order (a blocker before a missing role), takes the long way.
            for (index, role) in rule.roles.enumerated() where role.required {
                if !hits.roles[index].contains(where: { reaches(trigger, $0, role, rule) })
                    && !(role.borrow && !(previous?.roles[index].isEmpty ?? true))
                {
                    return (.missing(role: role.name), [], 1)
                }
            }
        }
        var used: [(role: String, hit: Hit)] = [("trigger", trigger)]
        for (index, blocker) in rule.unless.enumerated() {
            if let hit = hits.blockers[index].first(where: { reaches(trigger, $0, blocker, rule) }) {
                return (.blocked(by: hit.cue), used, 1)
            }
        }
        lazy var negators = activeModifiers(cues, type: compiledRule.type) { $0 == .negate }
        var requiredHits: [Hit] = [trigger]
        var borrowed = false
        for (index, role) in rule.roles.enumerated() {
            let candidates = hits.roles[index].filter { reaches(trigger, $0, role, rule) }
            guard !candidates.isEmpty else {
                // Back-off: a role the sentence lacks, named in the sentence before ("They brought
                // rice" after "cadres went to the home of a soldier who died"). The nearest to the
                // sentence's start is taken; it is evidence, not a target of this sentence's modifiers.
                if role.borrow, let last = previous?.roles[index].max(by: { $0.tokens.upperBound < $1.tokens.upperBound }) {
                    used.append((role.name + " (sentence before)", last))
                    borrowed = true
                    continue
                }
                if role.required { return (.missing(role: role.name), used, 1) }
                continue
            }
            let notNegated = candidates.filter { hit in !negators.contains { covers($0, hit, cues) } }
            let pool = notNegated.isEmpty ? candidates : notNegated
            let chosen = pool.min { trigger.distance(to: $0) < trigger.distance(to: $1) }!
            used.append((role.name, chosen))
            if role.required { requiredHits.append(chosen) }
        }
        // Suppressing modifiers first (they look at the trigger only): a speculative negation
        // ("may not receive") codes nothing.
        for (modifierIndex, hit) in cues.modifiers {
            let modifier = compiled.pack.modifiers.modifiers[modifierIndex]
            guard modifier.effect == .suppress, applies(modifier, modifierIndex, compiledRule.type, cues),
                covers((modifierIndex, hit), trigger, cues)
            else { continue }
            return (.suppressed(modifier: modifier.name, by: hit.cue), used, 1)
        }
        var factor = borrowed ? Role.borrowedFactor : 1.0
        for (modifierIndex, hit) in cues.modifiers {
            let modifier = compiled.pack.modifiers.modifiers[modifierIndex]
            guard case .discount(let f) = modifier.effect, applies(modifier, modifierIndex, compiledRule.type, cues),
                requiredHits.contains(where: { covers((modifierIndex, hit), $0, cues) })
            else { continue }
            factor *= f
            used.append((modifier.name, hit))
        }
        if let negator = negators.first(where: { negator in requiredHits.contains { covers(negator, $0, cues) } }) {
            used.append(("negation", negator.hit))
            return (.negated(by: negator.hit.cue, redirectedTo: rule.negated), used, factor)
        }
        if rule.onlyNegated { return (.missing(role: "negation"), used, factor) }
        if let reason = stale(compiledRule.type, dates: dates) {
            return (.suppressed(modifier: "stale", by: reason), used, factor)
        }
        return (.fired, used, factor)
    }

    /// A background restatement: the sentence's dates all end long before publication.
    private func stale(_ type: EventType, dates: [DateMention]) -> String? {
        guard let rule = compiled.pack.modifiers.stale, rule.appliesTo.contains(type), let published,
            let latest = dates.map(\.latest).max(), published - latest > rule.olderThanDays
        else { return nil }
        return "dated \(latest), \(published - latest) days before publication"
    }

    private func reaches(_ trigger: Hit, _ hit: Hit, _ role: Role, _ rule: Rule) -> Bool {
        guard trigger.distance(to: hit) <= (role.within ?? rule.window) else { return false }
        switch role.position {
        case .any: return true
        case .before: return hit.tokens.upperBound < trigger.tokens.lowerBound
        case .after: return hit.tokens.lowerBound > trigger.tokens.upperBound
        }
    }

    private func applies(_ modifier: Modifier, _ index: Int, _ type: EventType, _ cues: SentenceCues) -> Bool {
        !cues.cancelled.contains(index) && (modifier.appliesTo?.contains(type) ?? true)
    }

    private func activeModifiers(
        _ cues: SentenceCues, type: EventType, _ effect: (Modifier.Effect) -> Bool
    ) -> [(modifier: Int, hit: Hit)] {
        cues.modifiers.filter { entry in
            let modifier = compiled.pack.modifiers.modifiers[entry.modifier]
            return effect(modifier.effect) && applies(modifier, entry.modifier, type, cues)
        }
    }

    /// Whether a modifier's scope reaches `target`: forward and backward scopes stop at clause
    /// punctuation and clause-break words.
    func covers(_ modifier: (modifier: Int, hit: Hit), _ target: Hit, _ cues: SentenceCues) -> Bool {
        let scope = compiled.pack.modifiers.modifiers[modifier.modifier].scope
        let source = modifier.hit.tokens
        if target.match == modifier.hit.match { return false }
        func forward(_ limit: Int) -> Bool {
            let token = target.tokens.lowerBound
            guard token > source.upperBound, document.words(from: source.upperBound, to: token) <= limit else { return false }
            for k in (source.upperBound + 1)...token {
                if document.clauseBreakBefore[k] || (k < token && cues.breakWords.contains(k)) { return false }
            }
            return true
        }
        func backward(_ limit: Int) -> Bool {
            let token = target.tokens.upperBound
            guard token < source.lowerBound, document.words(from: token, to: source.lowerBound) <= limit else { return false }
            for k in (token + 1)...source.lowerBound {
                if document.clauseBreakBefore[k] || (k < source.lowerBound && cues.breakWords.contains(k)) { return false }
            }
            return true
        }
        switch scope {
        case .sentence: return true
        case .forward(let n): return forward(n)
        case .backward(let n): return backward(n)
        case .both(let n): return forward(n) || backward(n)
        }
    }

    // MARK: Trace

    func cueMatch(role: String, hit: Hit) -> CueMatch {
        let match = document.matches[hit.match]
        let span = document.scalarSpan(match.bytes)
        return CueMatch(
            role: role, cue: hit.cue, span: TextSpan(start: span.start, end: span.end), language: compiled.languageOfCue[hit.cue])
    }

    private func attempt(
        _ rule: CompiledRule, _ trigger: Hit, _ outcome: CodingTrace.RuleAttempt.Outcome, _ cues: [CueMatch]
    ) -> CodingTrace.RuleAttempt {
        let match = document.matches[trigger.match]
        return CodingTrace.RuleAttempt(
            rule: rule.name, type: rule.type, trigger: document.text(bytes: match.bytes), outcome: outcome, cues: cues)
    }
}
