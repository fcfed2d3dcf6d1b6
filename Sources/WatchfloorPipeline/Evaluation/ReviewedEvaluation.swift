import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorStore

/// Scores the machine coder against the analysts' reviews in the store (`watchfloor eval
/// --reviewed`), with the same figures as `eval --gold`.
///
/// **What counts as gold.** Only what an analyst judged:
///
/// - only documents with at least one review are scored;
/// - in them, only the machine events a review judged are predictions, as the coder coded them
///   when the review was made (the store keeps that: a recode since does not change the score);
/// - the gold events of a document are its accepted events (as coded) and its edited events (as
///   corrected: type, province and sincerity); a rejected event has no gold event, so it is a
///   false positive.
///
/// Unreviewed machine events, even in a reviewed document, are not judged: the review queue puts
/// the least confident events first, and an analyst who reviewed one event of a document has
/// said nothing about the others — counting them as right would flatter the coder, counting them
/// as wrong would slander it. Two consequences follow. Reviews only judge what the coder found,
/// so a false negative arises only from an edit that changes an event's type (the machine's type
/// is then a false positive and the corrected type a false negative); events the coder missed
/// altogether are invisible here, and recall is an upper bound — use `eval --gold` on labelled
/// passages to measure it. And the reviewed events are the uncertain ones, so precision here is
/// likely lower than over all machine output.
///
/// Scoring is per document as in `eval --gold` (DESIGN.md, "Gold format"): the multiset of
/// predicted types against the multiset of gold types, and province and sincerity accuracy over
/// pairs of the same type.
///
/// ```swift
/// let evaluation = try ReviewedEvaluation.load(from: store)
/// print(evaluation.report.micro.precision, evaluation.verdicts[.rejected] ?? 0)
/// ```
public struct ReviewedEvaluation: Sendable {
    public struct Document: Sendable {
        public var id: DocumentID
        /// The reviews of the document's events, oldest first.
        public var reviews: [StoredReview]
        public var score: DocumentScore
    }

    /// A false positive, a false negative, or a province or sincerity disagreement, with the
    /// review behind it.
    public struct Mistake: Sendable {
        public var kind: EvaluationRun.Mistake.Kind
        public var type: EventType
        public var review: StoredReview
    }

    public var documents: [Document]
    public var report: EvaluationReport
    /// Reviews scored.
    public var reviews: Int
    /// Reviews by verdict (accepted, edited, rejected).
    public var verdicts: [ReviewStatus: Int]

    /// Reads every review in the store.
    public static func load(from store: any Store, batchSize: Int = 1000) throws -> ReviewedEvaluation {
        var reviews: [StoredReview] = []
        while true {
            let batch = try store.reviews(limit: batchSize, offset: reviews.count)
            reviews += batch
            if batch.count < batchSize { break }
        }
        return ReviewedEvaluation(reviews: reviews)
    }

    public init(reviews: [StoredReview]) {
        var byDocument: [DocumentID: [StoredReview]] = [:]
        for review in reviews { byDocument[review.event.event.document, default: []].append(review) }
        documents = byDocument.keys.sorted().map { id in
            let reviews = byDocument[id]!.sorted { ($0.reviewedAt, $0.id) < ($1.reviewedAt, $1.id) }
            return Document(
                id: id, reviews: reviews,
                score: Evaluator.score(gold: reviews.compactMap(Self.gold), predicted: reviews.map(Self.prediction)))
        }
        report = Evaluator.report(documents.map(\.score))
        self.reviews = reviews.count
        verdicts = Dictionary(grouping: reviews, by: \.verdict).mapValues(\.count)
    }

    /// What the analyst says the event is, or `nil` when it is not an event (rejected).
    static func gold(_ review: StoredReview) -> GoldEvent? {
        guard review.verdict != .rejected else { return nil }
        let event = review.event.event
        return GoldEvent(type: event.type, province: event.province, sincerity: event.sincerity)
    }

    /// The machine event as the coder coded it. Its `id` is the review's, so that a mistake can
    /// name the review it came from (the machine event's own id may be gone after a recode).
    static func prediction(_ review: StoredReview) -> Event {
        let machine = review.machine
        var attributes = EventAttributes()
        attributes.sincerity = machine.sincerity
        return Event(
            id: review.id, document: review.event.event.document, type: machine.type, province: machine.province,
            date: machine.date, attributes: attributes, confidence: machine.confidence,
            evidence: review.event.event.evidence, status: .machine)
    }

    /// Every mistake, document by document.
    public func errors() -> [Mistake] {
        var mistakes: [Mistake] = []
        for document in documents {
            let byID = Dictionary(uniqueKeysWithValues: document.reviews.map { ($0.id, $0) })
            let score = document.score
            for event in score.falsePositives {
                if let review = event.id.flatMap({ byID[$0] }) {
                    mistakes.append(Mistake(kind: .falsePositive, type: event.type, review: review))
                }
            }
            for pair in score.pairs {
                guard let review = pair.predicted.id.flatMap({ byID[$0] }) else { continue }
                if let province = pair.gold.province, province != pair.predicted.province {
                    mistakes.append(Mistake(kind: .province, type: pair.gold.type, review: review))
                }
                if let sincerity = pair.gold.sincerity, sincerity != pair.predicted.sincerity {
                    mistakes.append(Mistake(kind: .sincerity, type: pair.gold.type, review: review))
                }
            }
            // A gold event left unmatched came from an edit to another type.
            var edits = document.reviews.filter { $0.verdict == .edited && $0.event.event.type != $0.machine.type }
            for gold in score.falseNegatives {
                guard let index = edits.firstIndex(where: { $0.event.event.type == gold.type }) else { continue }
                mistakes.append(Mistake(kind: .falseNegative, type: gold.type, review: edits.remove(at: index)))
            }
        }
        return mistakes
    }
}
