import Watchfloor

/// Turns candidates into events: one per province the sentence is placed in, dated by the date
/// expression nearest the trigger, with attributes and sincerity, and the same event told twice
/// in a document (same type, province and date, or one of them undated) kept once.
struct EventBuilder {
    let document: TokenizedDocument
    let compiled: CompiledPack
    let input: CodingInput
    let evaluator: RuleEvaluator
    let cues: [SentenceCues]
    let dates: [[DateMention]]
    let places: [[PlaceMention]]
    let placement: [(provinces: [Province], inherited: Bool)]

    func events(from candidates: [Candidate]) -> [Event] {
        var events: [Event] = []
        for candidate in candidates.sorted(by: { ($0.sentence, $0.type) < ($1.sentence, $1.type) }) {
            let sentence = document.sentences[candidate.sentence]
            let span = document.scalarSpan(sentence.bytes)
            var evidenceCues = candidate.cues.map { evaluator.cueMatch(role: $0.role, hit: $0.hit) }
            let attributes = attributes(for: candidate, evidence: &evidenceCues)
            let date = dates[candidate.sentence].min { a, b in
                distance(candidate.trigger, a.tokens) < distance(candidate.trigger, b.tokens)
            }?.date
            let placed = placement[candidate.sentence]
            if !placed.inherited {
                for mention in places[candidate.sentence] where mention.province != nil {
                    let match = document.matches[mention.match]
                    evidenceCues.append(
                        evaluator.cueMatch(
                            role: "place",
                            hit: Hit(match: mention.match, tokens: match.tokens, cue: mention.cue, strength: 1, in: document)))
                }
            }
            evidenceCues.sort { $0.span < $1.span }
            let evidence = Evidence(
                sentence: TextSpan(start: span.start, end: span.end), text: document.text(bytes: sentence.bytes),
                cues: evidenceCues, rule: candidate.rule)
            let provinces: [Province?] = placed.provinces.isEmpty ? [nil] : placed.provinces
            for province in provinces {
                let event = Event(
                    document: input.document, type: candidate.type, province: province, date: date, attributes: attributes,
                    confidence: (candidate.confidence * 1000).rounded() / 1000, evidence: evidence)
                merge(event, into: &events)
            }
        }
        return events
    }

    /// Keeps the first telling of an event; a later one fills in a missing date and raises the confidence.
    private func merge(_ event: Event, into events: inout [Event]) {
        if let index = events.firstIndex(where: { existing in
            existing.type == event.type && existing.province == event.province
                && (existing.date == nil || event.date == nil || existing.date == event.date)
        }) {
            if events[index].date == nil { events[index].date = event.date }
            events[index].confidence = max(events[index].confidence, event.confidence)
            for (name, value) in event.attributes.values where events[index].attributes[name] == nil {
                events[index].attributes[name] = value
            }
            return
        }
        events.append(event)
    }

    private func distance(_ hit: Hit, _ tokens: ClosedRange<Int>) -> Int {
        hit.distance(to: Hit(match: -1, tokens: tokens, cue: "", strength: 0, in: document))
    }

    private func attributes(for candidate: Candidate, evidence: inout [CueMatch]) -> EventAttributes {
        let rules = compiled.pack.attributes
        let sentenceCues = cues[candidate.sentence]
        var attributes = EventAttributes()
        for (index, definition) in rules.attributes.enumerated() where definition.appliesTo.contains(candidate.type) {
            let hits = sentenceCues.attributes.filter { $0.attribute == index }
            guard !hits.isEmpty else { continue }
            switch definition.choose {
            case .all:
                var values: [String] = []
                for hit in hits.sorted(by: { $0.hit.tokens.lowerBound < $1.hit.tokens.lowerBound }) {
                    let value = definition.values[hit.value].value
                    if !values.contains(value) { values.append(value) }
                    evidence.append(evaluator.cueMatch(role: definition.name, hit: hit.hit))
                }
                attributes[definition.name] = values.joined(separator: ",")
            case .nearest:
                let nearest = hits.min { candidate.trigger.distance(to: $0.hit) < candidate.trigger.distance(to: $1.hit) }!
                attributes[definition.name] = definition.values[nearest.value].value
                evidence.append(evaluator.cueMatch(role: definition.name, hit: nearest.hit))
            }
        }
        if rules.occasionTypes.contains(candidate.type), let occasion = sentenceCues.occasions.first {
            attributes["occasion"] = rules.occasions[occasion.occasion].name
            evidence.append(evaluator.cueMatch(role: "occasion", hit: occasion.hit))
        }
        if let sincerity = rules.sincerity, sincerity.type == candidate.type {
            attributes.sincerity = judgeSincerity(sincerity, sentence: candidate.sentence, evidence: &evidence)
        }
        return attributes
    }

    /// Coercion cues in the sentence or its neighbours → coerced; a sincerity cue in the sentence
    /// from a source that can vouch for it → sincere; otherwise unclear.
    private func judgeSincerity(_ rule: SincerityRule, sentence: Int, evidence: inout [CueMatch]) -> Sincerity {
        let range = max(0, sentence - rule.neighbours)...min(cues.count - 1, sentence + rule.neighbours)
        for index in range {
            if let hit = cues[index].coerced.first {
                if index == sentence { evidence.append(evaluator.cueMatch(role: "coerced", hit: hit)) }
                return .coerced
            }
        }
        if !rule.sincereNotFrom.contains(input.sourceKind), let hit = cues[sentence].sincere.first {
            evidence.append(evaluator.cueMatch(role: "sincere", hit: hit))
            return .sincere
        }
        return .unclear
    }
}
