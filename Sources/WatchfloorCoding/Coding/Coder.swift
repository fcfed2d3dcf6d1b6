import Watchfloor

/// Codes documents into events with a pack's codebook.
///
/// Every cue of the pack is compiled once, at `init`, into one automaton. Coding a document
/// scans its text once, splits it into sentences, tries the rules whose triggers occur in each
/// sentence, and turns what fires into ``Event``s: placed in provinces, dated, with attributes
/// and the evidence (the sentence, its offsets, every cue used and the rule).
///
/// ```swift
/// let coder = Coder(pack: try Pack.load(from: PackLocator.locate()))
/// let text = TextNormalizer.normalize("Officials in Hyesan delivered rice to bereaved families last week.")
/// let day = Day("2025-10-24")
/// let input = CodingInput(document: DocumentID(outlet: "Daily NK", published: day, normalizedText: text), text: text,
///                         language: .english, published: day, sourceKind: .insider)
/// for event in coder.code(input) {
///     print(event.type, event.province ?? "-", event.date ?? "-")   // GIFT_DELIVERY KP-10 2025-10-13
/// }
/// ```
public struct Coder: Sendable {
    let compiled: CompiledPack

    public init(pack: Pack) {
        compiled = CompiledPack(pack: pack)
    }

    public var pack: Pack { compiled.pack }

    /// The cue matcher with every cue of the pack (for benchmarks and diagnostics).
    public var matcher: CueMatcher { compiled.matcher }

    /// The events of a document: status `.machine`, no id.
    public func code(_ input: CodingInput) -> [Event] {
        var scanner = compiled.matcher.makeScanner()
        var stopwatch: Stopwatch?
        return run(input, scanner: &scanner, tracing: false, stopwatch: &stopwatch).events
    }

    /// Codes many documents with one scratch scanner (what a benchmark or a batch recode wants).
    public func code<S: Sequence>(_ inputs: S) -> [[Event]] where S.Element == CodingInput {
        var scanner = compiled.matcher.makeScanner()
        var stopwatch: Stopwatch?
        return inputs.map { run($0, scanner: &scanner, tracing: false, stopwatch: &stopwatch).events }
    }

    /// Codes `inputs` and measures where the time goes (for `watchfloor bench code`).
    public func profile<S: Sequence>(_ inputs: S) -> CodingProfile where S.Element == CodingInput {
        var scanner = compiled.matcher.makeScanner()
        var profile = CodingProfile()
        for input in inputs {
            var stopwatch: Stopwatch? = Stopwatch()
            let events = run(input, scanner: &scanner, tracing: false, stopwatch: &stopwatch).events
            profile.add(stopwatch!, bytes: input.text.utf8.count, events: events.count)
        }
        return profile
    }

    /// What the coder saw and decided, sentence by sentence, with the events it coded.
    public func trace(_ input: CodingInput) -> CodingTrace {
        var scanner = compiled.matcher.makeScanner()
        var stopwatch: Stopwatch?
        let result = run(input, scanner: &scanner, tracing: true, stopwatch: &stopwatch)
        return CodingTrace(document: input.document, sentences: result.sentences, events: result.events)
    }

    // MARK: The pass over one document

    private func run(_ input: CodingInput, scanner: inout CueScanner, tracing: Bool, stopwatch: inout Stopwatch?)
        -> (events: [Event], sentences: [CodingTrace.Sentence])
    {
        let document = TokenizedDocument(
            text: input.text, scanner: &scanner, shadows: compiled.shadows, describes: compiled.describes,
            ideographUnits: compiled.ideographUnits(input.language))
        document.addCompounds(
            compiled.pack.codebook.compounds, firstVirtualPhrase: compiled.matcher.phraseCount, uses: compiled.uses)
        stopwatch?.lap(\.text)
        guard !document.sentences.isEmpty else { return ([], []) }
        var matchesBySentence = [[Int]](repeating: [], count: document.sentences.count)
        for (index, match) in document.matches.enumerated() where !match.neutralized {
            matchesBySentence[Int(document.sentenceOfToken[match.tokens.lowerBound])].append(index)
        }
        let geoparser = Geoparser(document: document, compiled: compiled) { compiled.uses[document.matches[$0].phrase] }
        let places = geoparser.mentions()
        let placement = Geoparser.provinces(for: places, sentences: document.sentences)
        stopwatch?.lap(\.places)
        var evaluator = RuleEvaluator(
            document: document, compiled: compiled, sourceKind: input.sourceKind, published: input.published)
        evaluator.tracing = tracing
        let resolver = DateResolver(document: document, published: input.published, occasions: compiled.pack.attributes.occasions)

        var allCues: [SentenceCues] = []
        var allDates: [[DateMention]] = []
        var candidates: [Candidate] = []
        var attemptsBySentence: [[CodingTrace.RuleAttempt]] = []
        for (index, sentence) in document.sentences.enumerated() {
            let cues = SentenceCues(
                sentence: sentence, matchIndices: matchesBySentence[index], document: document, compiled: compiled)
            // "in", "last", "this" alone make no date: look further only when a month, a weekday,
            // a relative date, an occasion or a number is there.
            let hasDateWords = !cues.occasions.isEmpty
                || cues.dateWords.values.contains { words in words.contains { ![.lead, .last, .this].contains($0) } }
                || sentence.tokens.contains { document.flags[$0] & CueScanner.digit != 0 }
            let dates = hasDateWords
                ? resolver.mentions(in: sentence.tokens, words: cues.dateWords, occasionAt: cues.occasionAt, openEnded: cues.openEnded)
                : []
            var attempts: [CodingTrace.RuleAttempt] = []
            let previous = index > 0 && document.sentences[index - 1].paragraph == sentence.paragraph ? allCues.last : nil
            candidates += evaluator.evaluate(
                sentence: index, cues: cues, previous: previous, dates: dates, attempts: &attempts)
            allCues.append(cues)
            allDates.append(dates)
            attemptsBySentence.append(attempts)
        }

        stopwatch?.lap(\.rules)
        let builder = EventBuilder(
            document: document, compiled: compiled, input: input, evaluator: evaluator, cues: allCues, dates: allDates,
            places: places, placement: placement)
        let events = builder.events(from: candidates)
        stopwatch?.lap(\.events)
        guard tracing else { return (events, []) }
        let sentences = document.sentences.enumerated().map { index, sentence in
            traceSentence(
                sentence, document: document, matchIndices: matchesBySentence[index], places: places[index],
                dates: allDates[index], attempts: attemptsBySentence[index])
        }
        return (events, sentences)
    }

    private func traceSentence(
        _ sentence: TokenizedDocument.Sentence, document: TokenizedDocument, matchIndices: [Int], places: [PlaceMention],
        dates: [DateMention], attempts: [CodingTrace.RuleAttempt]
    ) -> CodingTrace.Sentence {
        let hits = matchIndices.compactMap { index -> CodingTrace.CueHit? in
            let match = document.matches[index]
            guard !match.shadowed else { return nil }
            var uses = compiled.uses[match.phrase].compactMap { describe($0.use) }
            guard !uses.isEmpty else { return nil }
            if let language = compiled.languageOfCue[compiled.uses[match.phrase][0].cue] { uses.append("[\(language)]") }
            let span = document.scalarSpan(match.bytes)
            return CodingTrace.CueHit(
                cue: compiled.uses[match.phrase][0].cue, text: document.text(bytes: match.bytes),
                span: TextSpan(start: span.start, end: span.end), uses: uses)
        }
        let span = document.scalarSpan(sentence.bytes)
        return CodingTrace.Sentence(
            span: TextSpan(start: span.start, end: span.end), text: document.text(bytes: sentence.bytes), hits: hits,
            places: places.map { mention in
                let text = document.text(bytes: document.matches[mention.match].bytes)
                return mention.province.map { "\(text) → \($0.code)" } ?? "\(text): \(mention.rejected ?? "no province")"
            },
            dates: dates.map { mention in
                let first = Int(document.starts[mention.tokens.lowerBound])
                let last = Int(document.ends[mention.tokens.upperBound])
                return "\(document.text(bytes: first..<last)) → \(mention.date) (\(mention.date.precision.rawValue))"
            },
            attempts: attempts)
    }

    /// A use in words, for traces; `nil` for uses not worth showing (date words, clause breaks).
    private func describe(_ use: CueUse) -> String? {
        let pack = compiled.pack
        switch use {
        case .role(let rule, let role, _):
            let compiledRule = compiled.rules[rule]
            return "\(compiledRule.name) " + (role < 0 ? "trigger" : compiledRule.rule.roles[role].name)
        case .blocker(let rule, _): return "\(compiled.rules[rule].name) blocker"
        case .modifier(let index): return "modifier \(pack.modifiers.modifiers[index].name)"
        case .modifierUnless(let index): return "cancels \(pack.modifiers.modifiers[index].name)"
        case .attribute(let index, let value):
            let attribute = pack.attributes.attributes[index]
            return "\(attribute.name)=\(attribute.values[value].value)"
        case .occasion(let index): return "occasion=\(pack.attributes.occasions[index].name)"
        case .coerced: return "sincerity: coerced"
        case .sincere: return "sincerity: sincere"
        case .place(let index): return "place \(pack.gazetteer.names[index].province.code)"
        case .ambiguousPlace: return "ambiguous place"
        case .relativePlace: return "relative place"
        case .southContext: return "South Korean context"
        case .northContext: return "North Korean context"
        case .clauseBreak, .date, .openEnded, .metonym, .metonymBefore, .metonymAfter, .commonWordBefore,
            .commonWordAfter, .sharedName, .southByDefault,
            .compoundPart:
            return nil
        }
    }
}
