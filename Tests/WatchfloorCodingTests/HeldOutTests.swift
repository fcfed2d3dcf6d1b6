import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting

/// The labelled passages written for this project (Fixtures/held-out*.jsonl), coded and scored as
/// `watchfloor eval` does. The figures guard against regressions; docs/CODING.md reports them, and
/// what the first, untuned measure was.
@Suite struct HeldOutTests {
    static func report(_ file: String) throws -> EvaluationReport {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/WatchfloorCodingTests/Fixtures/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let scores = try lines.map { line in
            let gold = try JSONDecoder().decode(GoldRecord.self, from: Data(line.utf8))
            let record = gold.record
            let kind = record.sourceKind ?? Shipped.pack.sources.lookup(record.outlet ?? "")?.kind ?? .other
            let input = Shipped.input(record.text, published: record.published, kind: kind, language: record.language)
            return Evaluator.score(gold: gold.events, predicted: Shipped.coder.code(input))
        }
        return Evaluator.report(scores)
    }

    @Test(arguments: [
        "held-out.jsonl", "held-out-2.jsonl", "held-out-3.jsonl", "held-out-4.jsonl", "held-out-5.jsonl",
        "held-out-6.jsonl", "held-out-7.jsonl", "held-out-8.jsonl", "held-out-9.jsonl", "held-out-10.jsonl",
        "held-out-11.jsonl", "held-out-12.jsonl",
    ])
    func meetsTheTargets(_ file: String) throws {
        let report = try Self.report(file)
        #expect(report.documents >= 30)
        #expect(report.macroF1 >= 0.80, "macro-F1 \(report.macroF1)")
        #expect(report.micro.f1 >= 0.85, "micro-F1 \(report.micro.f1)")
        #expect(report.provinceAccuracy >= 0.90, "province accuracy \(report.provinceAccuracy)")
        #expect(report.sincerityAccuracy >= 0.75, "sincerity accuracy \(report.sincerityAccuracy)")
    }
}
