import Watchfloor

/// Precision, recall and F1 from counts; 0 where a ratio has no denominator.
public struct Score: Hashable, Sendable, Codable {
    public var tp: Int
    public var fp: Int
    public var fn: Int

    public init(tp: Int = 0, fp: Int = 0, fn: Int = 0) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
    }

    public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    /// 0 when there is no true positive.
    public var f1: Double { tp == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func + (lhs: Score, rhs: Score) -> Score { Score(tp: lhs.tp + rhs.tp, fp: lhs.fp + rhs.fp, fn: lhs.fn + rhs.fn) }
}

/// How one document's predicted events compare with its gold events.
public struct DocumentScore: Sendable {
    public var types: [EventType: Score]
    /// The predicted events left unmatched (a type predicted twice where gold has it once gives
    /// one true positive and one false positive).
    public var falsePositives: [Event]
    /// The gold events left unmatched.
    public var falseNegatives: [GoldEvent]
    /// Matched pairs whose gold event has a province, and how many of them agree.
    public var provincePairs: Int
    public var provinceCorrect: Int
    public var sincerityPairs: Int
    public var sincerityCorrect: Int
    /// The matched pairs, for error listings.
    public var pairs: [(gold: GoldEvent, predicted: Event)]
}

/// The figures `watchfloor eval` prints (DESIGN.md, "Gold format").
public struct EvaluationReport: Sendable {
    public var documents: Int
    public var types: [EventType: Score]
    public var micro: Score
    /// The mean F1 over the types that occur in the gold file or in the predictions.
    public var macroF1: Double
    public var provinceAccuracy: Double
    public var provincePairs: Int
    public var sincerityAccuracy: Double
    public var sincerityPairs: Int
}

/// Scores predicted events against gold events, document by document (DESIGN.md, "Gold format").
///
/// Per document, the multiset of predicted types is compared with the multiset of gold types.
/// Province and sincerity accuracy are taken over matched pairs — a predicted and a gold event of
/// the same type in the same document — whose gold event carries a province (a sincerity). Within a
/// type, pairs are formed greedily: first the events that agree on both province and sincerity,
/// then on province, then on sincerity, then the rest in order; so accuracy is never lowered by
/// an unlucky pairing.
///
/// ```swift
/// let document = Evaluator.score(gold: [GoldEvent(type: .giftDelivery, province: .ryanggang)], predicted: events)
/// let report = Evaluator.report([document])
/// report.macroF1
/// ```
public enum Evaluator {
    public static func score(gold: [GoldEvent], predicted: [Event]) -> DocumentScore {
        var result = DocumentScore(
            types: [:], falsePositives: [], falseNegatives: [], provincePairs: 0, provinceCorrect: 0, sincerityPairs: 0,
            sincerityCorrect: 0, pairs: [])
        let types = Set(gold.map(\.type)).union(predicted.map(\.type))
        for type in types.sorted() {
            var golds = gold.filter { $0.type == type }
            var predictions = predicted.filter { $0.type == type }
            let matched = min(golds.count, predictions.count)
            result.types[type] = Score(tp: matched, fp: predictions.count - matched, fn: golds.count - matched)
            let preferences: [(GoldEvent, Event) -> Bool] = [
                { $0.province == $1.province && $0.sincerity == $1.sincerity },
                { $0.province == $1.province },
                { $0.sincerity == $1.sincerity },
                { _, _ in true },
            ]
            for agrees in preferences {
                var g = 0
                while g < golds.count {
                    if let p = predictions.firstIndex(where: { agrees(golds[g], $0) }) {
                        result.pairs.append((golds[g], predictions[p]))
                        golds.remove(at: g)
                        predictions.remove(at: p)
                    } else {
                        g += 1
                    }
                }
            }
            result.falsePositives += predictions
            result.falseNegatives += golds
        }
        for (goldEvent, predictedEvent) in result.pairs {
            if let province = goldEvent.province {
                result.provincePairs += 1
                if predictedEvent.province == province { result.provinceCorrect += 1 }
            }
            if let sincerity = goldEvent.sincerity {
                result.sincerityPairs += 1
                if predictedEvent.sincerity == sincerity { result.sincerityCorrect += 1 }
            }
        }
        return result
    }

    public static func report(_ documents: [DocumentScore]) -> EvaluationReport {
        var types: [EventType: Score] = [:]
        var provincePairs = 0
        var provinceCorrect = 0
        var sincerityPairs = 0
        var sincerityCorrect = 0
        for document in documents {
            for (type, score) in document.types { types[type, default: Score()] = types[type, default: Score()] + score }
            provincePairs += document.provincePairs
            provinceCorrect += document.provinceCorrect
            sincerityPairs += document.sincerityPairs
            sincerityCorrect += document.sincerityCorrect
        }
        let micro = types.values.reduce(Score(), +)
        let macro = types.isEmpty ? 0 : types.values.map(\.f1).reduce(0, +) / Double(types.count)
        return EvaluationReport(
            documents: documents.count, types: types, micro: micro, macroF1: macro,
            provinceAccuracy: provincePairs == 0 ? 0 : Double(provinceCorrect) / Double(provincePairs),
            provincePairs: provincePairs,
            sincerityAccuracy: sincerityPairs == 0 ? 0 : Double(sincerityCorrect) / Double(sincerityPairs),
            sincerityPairs: sincerityPairs)
    }
}
