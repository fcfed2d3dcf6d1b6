import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorIngest

/// Codes every passage of a gold file the way ingest would (normalised text, source kind from the
/// pack's registry, publication day as the anchor for relative dates) and scores the result.
///
/// ```swift
/// let gold = try GoldFile.read(URL(fileURLWithPath: "dev-passages.jsonl"))
/// let run = EvaluationRun(gold: gold, coder: Coder(pack: pack))
/// print(run.report.macroF1)
/// for error in run.errors() { print(error.kind, error.type, error.passage.record.record.id ?? "") }
/// ```
public struct EvaluationRun: Sendable {
    public struct Passage: Sendable {
        public var line: GoldFile.Line
        public var input: CodingInput
        public var predicted: [Event]
        public var score: DocumentScore
    }

    /// A false positive, a false negative, or a matched pair whose province or sincerity disagrees.
    public struct Mistake: Sendable {
        public enum Kind: String, Sendable {
            case falsePositive = "fp"
            case falseNegative = "fn"
            case province
            case sincerity
        }

        public var kind: Kind
        public var type: EventType
        public var passage: Passage
        /// For a false positive or a disagreement: the predicted event.
        public var predicted: Event?
        /// For a false negative or a disagreement: the gold event.
        public var gold: GoldEvent?
        /// The rules tried for the type in the passage, and what became of them (from the coder's trace).
        public var attempts: [(sentence: Int, attempt: CodingTrace.RuleAttempt)]
    }

    public var passages: [Passage]
    public var report: EvaluationReport
    /// The same figures for each language's passages (the line's `language`, else the guess
    /// ingest makes), in order of language code.
    public var languages: [(language: Language, report: EvaluationReport)]
    let coder: Coder

    public init(gold: GoldFile, coder: Coder) {
        self.coder = coder
        let registry = coder.pack.sources
        passages = gold.lines.map { line in
            let record = line.record.record
            let text = TextNormalizer.normalize(record.text)
            let published = record.published.flatMap(PublicationDate.parse)
            let input = CodingInput(
                document: DocumentID(outlet: record.outlet ?? "", published: published, normalizedText: text), text: text,
                language: record.language.flatMap(DocumentBuilder.primaryLanguage) ?? LanguageGuesser.guess(text),
                published: published,
                sourceKind: record.sourceKind ?? record.outlet.flatMap(registry.lookup)?.kind ?? .other)
            let predicted = coder.code(input)
            return Passage(
                line: line, input: input, predicted: predicted,
                score: Evaluator.score(gold: line.record.events, predicted: predicted))
        }
        report = Evaluator.report(passages.map(\.score))
        languages = Dictionary(grouping: passages, by: \.input.language)
            .map { ($0.key, Evaluator.report($0.value.map(\.score))) }
            .sorted { $0.0.rawValue < $1.0.rawValue }
    }

    /// Every mistake, passage by passage, with the coder's account of the rules involved.
    public func errors() -> [Mistake] {
        var mistakes: [Mistake] = []
        for passage in passages {
            let score = passage.score
            let hasMistake = !score.falsePositives.isEmpty || !score.falseNegatives.isEmpty
                || score.pairs.contains { pair in
                    (pair.gold.province != nil && pair.gold.province != pair.predicted.province)
                        || (pair.gold.sincerity != nil && pair.gold.sincerity != pair.predicted.sincerity)
                }
            guard hasMistake else { continue }
            let trace = coder.trace(passage.input)
            for event in score.falsePositives {
                mistakes.append(
                    Mistake(kind: .falsePositive, type: event.type, passage: passage, predicted: event, gold: nil,
                        attempts: trace.attempts(for: event.type)))
            }
            for pair in score.pairs {
                if let province = pair.gold.province, province != pair.predicted.province {
                    mistakes.append(
                        Mistake(kind: .province, type: pair.gold.type, passage: passage, predicted: pair.predicted,
                            gold: pair.gold, attempts: trace.attempts(for: pair.gold.type)))
                }
                if let sincerity = pair.gold.sincerity, sincerity != pair.predicted.sincerity {
                    mistakes.append(
                        Mistake(kind: .sincerity, type: pair.gold.type, passage: passage, predicted: pair.predicted,
                            gold: pair.gold, attempts: trace.attempts(for: pair.gold.type)))
                }
            }
            for gold in score.falseNegatives {
                mistakes.append(
                    Mistake(kind: .falseNegative, type: gold.type, passage: passage, predicted: nil, gold: gold,
                        attempts: trace.attempts(for: gold.type)))
            }
        }
        return mistakes
    }
}
