import Foundation
import Testing
import WatchfloorPipeline
import WatchfloorTesting

/// `eval --reviewed` against reviews made by hand, with every figure worked out on paper.
@Suite struct ReviewedEvaluationTests {
    /// Two reviewed documents and one that nobody reviewed:
    ///
    /// | doc | machine event | review | gold |
    /// |---|---|---|---|
    /// | A | GIFT_DELIVERY KP-09 | accepted | GIFT_DELIVERY KP-09 |
    /// | A | DISCONTENT KP-09 | rejected | — |
    /// | A | GRATITUDE_EXPRESSION KP-10 sincere | edited: coerced | GRATITUDE_EXPRESSION KP-10 coerced |
    /// | A | CONDOLENCE_VISIT KP-09 | none | not judged |
    /// | B | AID_DISRUPTION KP-04 | edited: CONTROL_MEASURE KP-04 | CONTROL_MEASURE KP-04 |
    /// | B | GIFT_DELIVERY KP-04 | edited: KP-02 | GIFT_DELIVERY KP-02 |
    /// | C | GIFT_DELIVERY, no province | none | document not scored |
    ///
    /// Per type: GIFT_DELIVERY tp 2; DISCONTENT fp 1; GRATITUDE_EXPRESSION tp 1; AID_DISRUPTION fp 1;
    /// CONTROL_MEASURE fn 1. Micro: tp 3, fp 2, fn 1 → precision 3/5, recall 3/4, F1 2/3. Macro F1
    /// over the five types: (1 + 0 + 1 + 0 + 0) / 5 = 0.4. Province: three pairs with a gold
    /// province (A's gift and gratitude agree, B's gift does not) → 2/3. Sincerity: one pair, wrong → 0.
    final class Reviewed: @unchecked Sendable {
        let folder: TemporaryDirectory
        let store: SQLiteStore

        init() throws {
            folder = try TemporaryDirectory(prefix: "watchfloor-reviewed")
            store = try SQLiteStore(path: folder.file("reviewed.sqlite").path)
            let source = Source(name: "Example Insider", kind: .insider, reliability: .b, language: .english)
            let a = Self.document(
                "Officials in Chongjin gave flour to two widows. Neighbours grumbled about the ceremony. "
                    + "A mother in Hyesan thanked the party on camera. A deputy minister called on the families.")
            let b = Self.document("Coal promised to families in Kanggye was held back. Rice reached Kanggye households.")
            let c = Self.document("Bereaved families received blankets before winter.")
            try store.write([
                DocumentToStore(document: a, source: source, events: [
                    Self.event(.giftDelivery, .northHamgyong, a, sentence: 0),
                    Self.event(.discontent, .northHamgyong, a, sentence: 1),
                    Self.event(.gratitudeExpression, .ryanggang, a, sentence: 2, sincerity: .sincere),
                    Self.event(.condolenceVisit, .northHamgyong, a, sentence: 3),
                ]),
                DocumentToStore(document: b, source: source, events: [
                    Self.event(.aidDisruption, .chagang, b, sentence: 0),
                    Self.event(.giftDelivery, .chagang, b, sentence: 1),
                ]),
                DocumentToStore(document: c, source: source, events: [Self.event(.giftDelivery, nil, c, sentence: 0)]),
            ])
            func id(_ document: Document, _ type: EventType) throws -> Int64 {
                try #require(try store.events(EventFilter(types: [type], document: document.id)).first?.event.id)
            }
            try store.review(ReviewDecision(eventID: id(a, .giftDelivery), verdict: .accepted, reviewer: "lee"))
            try store.review(ReviewDecision(eventID: id(a, .discontent), verdict: .rejected, reviewer: "lee", note: "a complaint about the weather"))
            try store.review(ReviewDecision(
                eventID: id(a, .gratitudeExpression),
                verdict: .edited(EventCorrection(type: .gratitudeExpression, province: .ryanggang, sincerity: .coerced)), reviewer: "lee"))
            try store.review(ReviewDecision(
                eventID: id(b, .aidDisruption), verdict: .edited(EventCorrection(type: .controlMeasure, province: .chagang)),
                reviewer: "park"))
            try store.review(ReviewDecision(
                eventID: id(b, .giftDelivery), verdict: .edited(EventCorrection(type: .giftDelivery, province: .southPyongan)),
                reviewer: "park"))
        }

        static func document(_ text: String) -> Document {
            Document(text: text, source: "Example Insider", language: .english, published: Day("2025-10-01"))
        }

        /// An event whose evidence is the `sentence`-th sentence of the document.
        static func event(
            _ type: EventType, _ province: Province?, _ document: Document, sentence: Int, sincerity: Sincerity? = nil
        ) -> Event {
            let sentences = document.text.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) + "." }
            let text = sentences[sentence]
            let start = document.text.unicodeScalars.distance(
                from: document.text.unicodeScalars.startIndex, to: document.text.range(of: text)!.lowerBound)
            var attributes = EventAttributes()
            attributes.sincerity = sincerity
            return Event(
                document: document.id, type: type, province: province, attributes: attributes, confidence: 0.5,
                evidence: Evidence(sentence: TextSpan(start: start, end: start + text.unicodeScalars.count), text: text))
        }
    }

    @Test func scoresTheJudgedMachineEventsAgainstTheReviews() throws {
        let fixture = try Reviewed()
        let evaluation = try ReviewedEvaluation.load(from: fixture.store, batchSize: 2)  // batches of two: three reads
        let report = evaluation.report
        #expect(evaluation.reviews == 5)
        #expect(evaluation.verdicts == [.accepted: 1, .edited: 3, .rejected: 1])
        #expect(report.documents == 2)
        #expect(report.types[.giftDelivery] == Score(tp: 2, fp: 0, fn: 0))
        #expect(report.types[.discontent] == Score(tp: 0, fp: 1, fn: 0))
        #expect(report.types[.gratitudeExpression] == Score(tp: 1, fp: 0, fn: 0))
        #expect(report.types[.aidDisruption] == Score(tp: 0, fp: 1, fn: 0))
        #expect(report.types[.controlMeasure] == Score(tp: 0, fp: 0, fn: 1))
        #expect(report.types[.condolenceVisit] == nil, "an unreviewed event is not judged")
        #expect(report.types.count == 5)
        #expect(report.micro == Score(tp: 3, fp: 2, fn: 1))
        #expect(abs(report.micro.precision - 0.6) < 1e-12)
        #expect(abs(report.micro.recall - 0.75) < 1e-12)
        #expect(abs(report.micro.f1 - 2.0 / 3) < 1e-12)
        #expect(abs(report.macroF1 - 0.4) < 1e-12)
        #expect(report.provincePairs == 3)
        #expect(abs(report.provinceAccuracy - 2.0 / 3) < 1e-12)
        #expect(report.sincerityPairs == 1)
        #expect(report.sincerityAccuracy == 0)

        let mistakes = evaluation.errors().map { "\($0.kind.rawValue) \($0.type) \($0.review.reviewer)" }.sorted()
        #expect(mistakes == [
            "fn CONTROL_MEASURE park", "fp AID_DISRUPTION park", "fp DISCONTENT lee", "province GIFT_DELIVERY park",
            "sincerity GRATITUDE_EXPRESSION lee",
        ])
    }

    @Test func theMachineIsScoredAsItWasCodedWhenReviewed() throws {
        let fixture = try Reviewed()
        // A recode that no longer codes document B: its reviews still judge what the coder said then.
        let b = try #require(try fixture.store.events(EventFilter(types: [.controlMeasure])).first?.event.document)
        try fixture.store.replaceMachineEvents([b: []])
        let report = try ReviewedEvaluation.load(from: fixture.store).report
        #expect(report.micro == Score(tp: 3, fp: 2, fn: 1))
    }

    @Test func theCommandPrintsTheSameReport() throws {
        let fixture = try Reviewed()
        let tool = CommandLineTool()
        let json = try tool.run(["eval", "--reviewed", "--db", fixture.store.location, "--format", "json", "--errors"])
        #expect(json.status == 0, "\(json.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 2)
        #expect(object["macro_f1"] as? Double == 0.4)
        #expect((object["micro"] as? [String: Double])?["precision"] == 0.6)
        #expect((object["types"] as? [String: [String: Double]])?["CONTROL_MEASURE"]?["fn"] == 1)
        #expect(object["reviewed"] as? [String: Int] == ["reviews": 5, "accepted": 1, "edited": 3, "rejected": 1])
        #expect((object["errors"] as? [Any])?.count == 5)

        let table = try tool.run(["eval", "--reviewed", "--db", fixture.store.location, "--errors"])
        #expect(table.standardOutput.contains("reviews: 5 (1 accepted, 1 rejected, 3 edited)"))
        #expect(table.standardOutput.contains("note: a complaint about the weather"))

        let neither = try tool.run(["eval"])
        #expect(neither.status != 0)
        #expect(neither.standardError.contains("give --gold FILE.jsonl, or --reviewed"))
    }
}
