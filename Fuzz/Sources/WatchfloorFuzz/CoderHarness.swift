import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorIngest
import WatchfloorPipeline

/// Codes the input as the text of a document, in the language it is guessed to be, with the
/// bundled pack, as ingest codes a report. Every event's evidence must lie inside the text.
struct CoderHarness: Harness {
    let context: PipelineContext

    init() throws {
        context = try PipelineContext.load()
    }

    func run(_ bytes: [UInt8]) {
        let text = TextNormalizer.normalize(String(decoding: bytes, as: UTF8.self))
        guard !text.isEmpty else { return }
        let scalars = text.unicodeScalars.count
        let input = CodingInput(
            document: DocumentID(rawValue: "fuzz"), text: text, language: LanguageGuesser.guess(text),
            published: Day("2025-10-01"), sourceKind: .insider)
        for event in context.coder.code(input) {
            let sentence = event.evidence.sentence
            guard 0 <= sentence.start, sentence.start <= sentence.end, sentence.end <= scalars else {
                violated("evidence sentence \(sentence.start)..<\(sentence.end) outside a text of \(scalars) scalars")
            }
            for cue in event.evidence.cues where !(0 <= cue.span.start && cue.span.start < cue.span.end && cue.span.end <= scalars) {
                violated("cue \(cue.cue) at \(cue.span.start)..<\(cue.span.end) outside a text of \(scalars) scalars")
            }
        }
    }
}
