import Foundation
import Watchfloor
import WatchfloorCoding

/// The printed forms of an evaluation: the JSON object of DESIGN.md and a table for people.
public enum EvaluationOutput {
    struct ScoreJSON: Encodable {
        var tp: Int?
        var fp: Int?
        var fn: Int?
        var precision: Double
        var recall: Double
        var f1: Double

        init(_ score: Score, counts: Bool) {
            if counts {
                tp = score.tp
                fp = score.fp
                fn = score.fn
            }
            precision = score.precision
            recall = score.recall
            f1 = score.f1
        }
    }

    struct MistakeJSON: Encodable {
        var id: String?
        var line: Int
        var kind: String
        var type: String
        var predicted_province: String?
        var gold_province: String?
        var predicted_sincerity: String?
        var gold_sincerity: String?
        var text: String
        var rules: [String]
    }

    /// What the reviews behind an `eval --reviewed` report judged.
    struct ReviewsJSON: Encodable {
        var reviews: Int
        var accepted: Int
        var edited: Int
        var rejected: Int
    }

    /// One language's figures in `eval --format json`'s `languages`.
    struct LanguageJSON: Encodable {
        var documents: Int
        var micro: ScoreJSON
        var macro_f1: Double
        var province_accuracy: Double
        var province_pairs: Int

        init(_ report: EvaluationReport) {
            documents = report.documents
            micro = ScoreJSON(report.micro, counts: true)
            macro_f1 = report.macroF1
            province_accuracy = report.provinceAccuracy
            province_pairs = report.provincePairs
        }
    }

    struct ReportJSON<Mistake: Encodable>: Encodable {
        var documents: Int
        var languages: [String: LanguageJSON]?
        var types: [String: ScoreJSON]
        var micro: ScoreJSON
        var macro_f1: Double
        var province_accuracy: Double
        var province_pairs: Int
        var sincerity_accuracy: Double
        var sincerity_pairs: Int
        var reviewed: ReviewsJSON?
        var errors: [Mistake]?

        init(_ report: EvaluationReport, reviewed: ReviewsJSON? = nil, errors: [Mistake]?) {
            documents = report.documents
            types = Dictionary(uniqueKeysWithValues: report.types.map { ($0.key.rawValue, ScoreJSON($0.value, counts: true)) })
            micro = ScoreJSON(report.micro, counts: false)
            macro_f1 = report.macroF1
            province_accuracy = report.provinceAccuracy
            province_pairs = report.provincePairs
            sincerity_accuracy = report.sincerityAccuracy
            sincerity_pairs = report.sincerityPairs
            self.reviewed = reviewed
            self.errors = errors
        }
    }

    /// `{"documents": N, "types": {...}, "micro": {...}, "macro_f1": ..., "province_accuracy": ..., "sincerity_accuracy": ...}`
    /// plus `province_pairs`, `sincerity_pairs` and, when asked, `errors`.
    public static func json(_ run: EvaluationRun, errors: Bool) -> String {
        var object = ReportJSON(run.report, errors: errors ? run.errors().map(mistakeJSON) : nil)
        object.languages = Dictionary(uniqueKeysWithValues: run.languages.map { ($0.language.rawValue, LanguageJSON($0.report)) })
        return encode(object)
    }

    /// The same object for `eval --reviewed`, with `"reviewed": {"reviews", "accepted", "edited", "rejected"}`
    /// and, when asked, `errors` naming each review.
    public static func json(_ evaluation: ReviewedEvaluation, errors: Bool) -> String {
        let reviewed = ReviewsJSON(
            reviews: evaluation.reviews, accepted: evaluation.verdicts[.accepted] ?? 0,
            edited: evaluation.verdicts[.edited] ?? 0, rejected: evaluation.verdicts[.rejected] ?? 0)
        return encode(
            ReportJSON(evaluation.report, reviewed: reviewed, errors: errors ? evaluation.errors().map(reviewMistakeJSON) : nil))
    }

    private static func encode(_ object: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    struct ReviewMistakeJSON: Encodable {
        var review: Int64
        var document: String
        var kind: String
        var type: String
        var verdict: String
        var machine_type: String
        var machine_province: String?
        var reviewed_type: String?
        var reviewed_province: String?
        var reviewer: String
        var note: String?
        var text: String
    }

    private static func reviewMistakeJSON(_ mistake: ReviewedEvaluation.Mistake) -> ReviewMistakeJSON {
        let review = mistake.review
        let judged = review.verdict == .rejected ? nil : review.event.event
        return ReviewMistakeJSON(
            review: review.id, document: review.event.event.document.rawValue, kind: mistake.kind.rawValue,
            type: mistake.type.rawValue, verdict: review.verdict.rawValue, machine_type: review.machine.type.rawValue,
            machine_province: review.machine.province?.code, reviewed_type: judged?.type.rawValue,
            reviewed_province: judged?.province?.code, reviewer: review.reviewer, note: review.note,
            text: review.event.event.evidence.text)
    }

    private static func mistakeJSON(_ mistake: EvaluationRun.Mistake) -> MistakeJSON {
        MistakeJSON(
            id: mistake.passage.line.record.record.id, line: mistake.passage.line.number, kind: mistake.kind.rawValue,
            type: mistake.type.rawValue, predicted_province: mistake.predicted?.province?.code,
            gold_province: mistake.gold?.province?.code, predicted_sincerity: mistake.predicted?.sincerity?.rawValue,
            gold_sincerity: mistake.gold?.sincerity?.rawValue, text: mistake.passage.input.text,
            rules: mistake.attempts.map { "sentence \($0.sentence + 1): \($0.attempt.rule) at \"\($0.attempt.trigger)\": \($0.attempt.outcome)" })
    }

    /// The report as lines of a table: per type, micro, macro F1, province and sincerity accuracy.
    static func summary(_ report: EvaluationReport) -> [String] {
        func number(_ value: Double) -> String { String(format: "%.3f", value) }
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        var lines = ["documents: \(report.documents)", ""]
        let header = [pad("type", 22, left: true), pad("tp", 4), pad("fp", 4), pad("fn", 4), pad("precision", 10), pad("recall", 8), pad("f1", 7)]
        lines.append(header.joined(separator: " "))
        func row(_ name: String, _ score: Score) -> String {
            [pad(name, 22, left: true), pad("\(score.tp)", 4), pad("\(score.fp)", 4), pad("\(score.fn)", 4),
             pad(number(score.precision), 10), pad(number(score.recall), 8), pad(number(score.f1), 7)].joined(separator: " ")
        }
        for type in report.types.keys.sorted() { lines.append(row(type.rawValue, report.types[type]!)) }
        lines.append(row("micro", report.micro))
        lines.append("")
        lines.append("macro F1:           \(number(report.macroF1)) over \(report.types.count) types")
        func accuracy(_ value: Double, _ pairs: Int) -> String { pairs == 0 ? "n/a  " : number(value) }
        lines.append("province accuracy:  \(accuracy(report.provinceAccuracy, report.provincePairs)) (\(report.provincePairs) matched events with a gold province)")
        lines.append("sincerity accuracy: \(accuracy(report.sincerityAccuracy, report.sincerityPairs)) (\(report.sincerityPairs) matched events with a gold sincerity)")
        return lines
    }

    /// The table for `eval --reviewed`: what the reviews judged, the report, and with `errors`
    /// each disagreement with the review behind it.
    public static func table(_ evaluation: ReviewedEvaluation, errors: Bool) -> String {
        let verdicts = ReviewStatus.allCases.compactMap { status in evaluation.verdicts[status].map { "\($0) \(status.rawValue)" } }
        var lines = ["reviews: \(evaluation.reviews) (\(verdicts.joined(separator: ", ")))"] + summary(evaluation.report)
        guard errors else { return lines.joined(separator: "\n") }
        lines.append("")
        for mistake in evaluation.errors() {
            let review = mistake.review
            let machine = "\(review.machine.type.rawValue) \(review.machine.province?.code ?? "no province")"
            let judged = review.event.event
            let verdict = review.verdict == .rejected
                ? "rejected" : "\(review.verdict.rawValue) as \(judged.type.rawValue) \(judged.province?.code ?? "no province")"
            lines.append("review \(review.id) \(mistake.kind.rawValue.uppercased()) \(mistake.type): machine \(machine), \(verdict) by \(review.reviewer)")
            lines.append("  document \(judged.document.short): \(judged.evidence.text.replacingOccurrences(of: "\n", with: " / "))")
            if let note = review.note { lines.append("  note: \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    public static func table(_ run: EvaluationRun, errors: Bool) -> String {
        var lines = summary(run.report)
        if run.languages.count > 1 || run.languages.first.map({ $0.language != .english }) == true {
            lines += ["", "language  documents  precision  recall  micro F1  macro F1  province"]
            func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
            for (language, report) in run.languages {
                let figures = [report.micro.precision, report.micro.recall, report.micro.f1, report.macroF1]
                    .map { String(format: "%.3f", $0) }
                let province = report.provincePairs == 0
                    ? "n/a" : String(format: "%.3f", report.provinceAccuracy) + " (\(report.provincePairs))"
                let row = [pad("\(report.documents)", 9), pad(figures[0], 9), pad(figures[1], 6), pad(figures[2], 8),
                           pad(figures[3], 8), province]
                lines.append(language.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + row.joined(separator: "  "))
            }
        }
        guard errors else { return lines.joined(separator: "\n") }
        lines.append("")
        for mistake in run.errors() {
            let record = mistake.passage.line.record.record
            let file = multipleFiles(run) ? "\((mistake.passage.line.file as NSString).lastPathComponent):" : ""
            var heading = "\(record.id ?? "-") (\(file)line \(mistake.passage.line.number)) \(mistake.kind.rawValue.uppercased()) \(mistake.type)"
            switch mistake.kind {
            case .province:
                heading += ": predicted \(mistake.predicted?.province?.code ?? "none"), gold \(mistake.gold?.province?.code ?? "none")"
            case .sincerity:
                heading += ": predicted \(mistake.predicted?.sincerity?.rawValue ?? "none"), gold \(mistake.gold?.sincerity?.rawValue ?? "none")"
            case .falsePositive:
                heading += " \(mistake.predicted?.province?.code ?? "")"
            case .falseNegative:
                heading += " \(mistake.gold?.province?.code ?? "")"
            }
            lines.append(heading)
            lines.append("  text: \(mistake.passage.input.text.replacingOccurrences(of: "\n", with: " / "))")
            if let event = mistake.predicted {
                let cues = event.evidence.cues.map { "\($0.cue) [\($0.role)\($0.language.map { ", \($0)" } ?? "")]" }.joined(separator: ", ")
                lines.append("  evidence: \(event.evidence.rule ?? "") — \(cues)")
            }
            if mistake.attempts.isEmpty {
                lines.append("  rules: no trigger of \(mistake.type) in the passage")
            }
            for (sentence, attempt) in mistake.attempts {
                let cues = attempt.cues.map { "\($0.cue) [\($0.role)\($0.language.map { ", \($0)" } ?? "")]" }.joined(separator: ", ")
                lines.append("  sentence \(sentence + 1): \(attempt.rule) at \"\(attempt.trigger)\": \(attempt.outcome)"
                    + (cues.isEmpty ? "" : " — \(cues)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func multipleFiles(_ run: EvaluationRun) -> Bool {
        Set(run.passages.map(\.line.file)).count > 1
    }
}
