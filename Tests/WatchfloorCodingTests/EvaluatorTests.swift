import Testing
import Watchfloor
import WatchfloorCoding

/// Scoring, checked against figures computed by hand.
@Suite struct EvaluatorTests {
    private func event(_ type: EventType, _ province: Province? = nil, _ sincerity: Sincerity? = nil) -> Event {
        var attributes = EventAttributes()
        attributes.sincerity = sincerity
        return Event(
            document: DocumentID(rawValue: "d"), type: type, province: province, attributes: attributes, confidence: 0.5,
            evidence: Evidence(sentence: TextSpan(start: 0, end: 1), text: "x"))
    }

    @Test func typesAreComparedAsMultisetsPerDocument() {
        // Gold: GIFT×1, DISCONTENT×1. Predicted: GIFT×2, CONTROL×1.
        let score = Evaluator.score(
            gold: [GoldEvent(type: .giftDelivery), GoldEvent(type: .discontent)],
            predicted: [event(.giftDelivery), event(.giftDelivery), event(.controlMeasure)])
        #expect(score.types[.giftDelivery] == Score(tp: 1, fp: 1, fn: 0))
        #expect(score.types[.discontent] == Score(tp: 0, fp: 0, fn: 1))
        #expect(score.types[.controlMeasure] == Score(tp: 0, fp: 1, fn: 0))
        #expect(score.falsePositives.map(\.type).sorted() == [.controlMeasure, .giftDelivery])
        #expect(score.falseNegatives.map(\.type) == [.discontent])
    }

    @Test func reportFiguresMatchAHandComputation() {
        let first = Evaluator.score(
            gold: [GoldEvent(type: .giftDelivery, province: .ryanggang), GoldEvent(type: .discontent)],
            predicted: [event(.giftDelivery, .ryanggang), event(.giftDelivery, .chagang), event(.controlMeasure)])
        let second = Evaluator.score(
            gold: [GoldEvent(type: .gratitudeExpression, province: .northHamgyong, sincerity: .coerced)],
            predicted: [event(.gratitudeExpression, .pyongyang, .coerced)])
        let empty = Evaluator.score(gold: [], predicted: [])
        let report = Evaluator.report([first, second, empty])
        #expect(report.documents == 3)
        // GIFT tp1 fp1 fn0 → P .5 R 1 F1 2/3; DISCONTENT fn1 → 0; CONTROL fp1 → 0; GRATITUDE tp1 → 1.
        #expect(abs(report.types[.giftDelivery]!.f1 - 2.0 / 3.0) < 1e-12)
        #expect(report.types[.discontent]!.f1 == 0)
        #expect(report.types[.controlMeasure]!.f1 == 0)
        #expect(report.types[.gratitudeExpression]!.f1 == 1)
        #expect(abs(report.macroF1 - (2.0 / 3.0 + 0 + 0 + 1) / 4) < 1e-12)
        // Micro: tp 2, fp 2, fn 1 → P .5, R 2/3, F1 4/7.
        #expect(report.micro == Score(tp: 2, fp: 2, fn: 1))
        #expect(abs(report.micro.f1 - 4.0 / 7.0) < 1e-12)
        // Province: two matched events carry a gold province (GIFT KP-10 paired with the KP-10
        // prediction, GRATITUDE KP-09 with KP-01): one in two right.
        #expect(report.provincePairs == 2)
        #expect(report.provinceAccuracy == 0.5)
        #expect(report.sincerityPairs == 1)
        #expect(report.sincerityAccuracy == 1)
    }

    @Test func pairingPrefersAgreeingEvents() {
        // Two gold GIFT events in two provinces, predicted in the reverse order: both still agree.
        let score = Evaluator.score(
            gold: [GoldEvent(type: .giftDelivery, province: .ryanggang), GoldEvent(type: .giftDelivery, province: .chagang)],
            predicted: [event(.giftDelivery, .chagang), event(.giftDelivery, .ryanggang)])
        #expect(score.provinceCorrect == 2)
    }

    @Test func emptyInputsGiveZerosNotNaN() {
        let report = Evaluator.report([])
        #expect(report.macroF1 == 0)
        #expect(report.provinceAccuracy == 0)
        #expect(Score().f1 == 0)
    }
}
