import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorPipeline
import WatchfloorTesting

/// `watchfloor eval`'s wiring: reading gold files, coding them as ingest would, and the output.
@Suite struct EvaluationRunTests {
    static let coder: Coder = {
        do {
            return Coder(pack: try Pack.load(from: PackLocator.locate("gift-politics")))
        } catch {
            fatalError("\(error)")
        }
    }()

    @Test func aMalformedLineIsAnErrorNamingFileAndLine() throws {
        let folder = try TemporaryDirectory()
        let url = try folder.write(
            "gold.jsonl",
            text: """
                {"id": "a", "text": "Rice reached bereaved families.", "events": []}

                {"id": "b", "text": "No events key here."}
                """)
        let error = #expect(throws: GoldFileError.self) { try GoldFile.read(url) }
        #expect(error?.line == 3)
        #expect(error?.description.contains("gold.jsonl:3: expected a key \"events\"") == true)
        let bad = try folder.write("bad.jsonl", text: "{\"text\": \"x\", \"events\": [{\"type\": \"X\", \"province\": \"KP-99\"}]}\n")
        #expect(throws: GoldFileError.self) { try GoldFile.read(bad) }
    }

    @Test func passagesAreNormalisedAndScored() throws {
        let folder = try TemporaryDirectory()
        let url = try folder.write(
            "gold.jsonl",
            text: """
                {"id": "g1", "outlet": "Rodong Sinmun (state media)", "published": "2025-10-24", "text": "Bereaved families\\u00a0thanked the Party for its care.", "events": [{"type": "GRATITUDE_EXPRESSION", "province": null, "sincerity": "unclear"}]}
                {"id": "g2", "outlet": "biznawa (citing Daily NK)", "text": "혜산시 당위원회가 유가족들에게 쌀을 전달했다.", "events": [{"type": "GIFT_DELIVERY", "province": "KP-10", "sincerity": null}, {"type": "CONDOLENCE_VISIT", "province": "KP-10", "sincerity": null}]}
                """)
        let run = EvaluationRun(gold: try GoldFile.read(url), coder: Self.coder)
        #expect(run.passages.map(\.input.sourceKind) == [.stateMedia, .insider])
        #expect(run.passages.map(\.input.language) == [.english, .korean])
        #expect(run.passages[0].input.text == "Bereaved families thanked the Party for its care.")
        #expect(run.report.micro == Score(tp: 2, fp: 0, fn: 1))
        #expect(run.report.provinceAccuracy == 1)
        #expect(run.report.sincerityAccuracy == 1)
        let mistakes = run.errors()
        #expect(mistakes.map(\.kind) == [.falseNegative])
        #expect(mistakes.first?.type == .condolenceVisit)

        let json = EvaluationOutput.json(run, errors: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 2)
        #expect(object["macro_f1"] as? Double != nil)
        #expect((object["types"] as? [String: Any])?["GIFT_DELIVERY"] != nil)
        #expect((object["errors"] as? [[String: Any]])?.first?["kind"] as? String == "fn")
        #expect(EvaluationOutput.table(run, errors: true).contains("FN CONDOLENCE_VISIT"))
    }
}
