import Foundation
import Watchfloor
import WatchfloorIngest

/// Reads the input as ingest reads a file of one format (or of a sniffed format and encoding, for
/// `detect`), and builds every document it yields as ingest would store it.
struct ReaderHarness: Harness {
    var format: InputFormat
    var fileName: String
    /// Small limits, so that a fuzzed input can reach them: an entity expansion or a record past
    /// the limit must be refused, never read.
    let limits = IngestLimits(maxFileBytes: 1 << 20, maxDocumentBytes: 64 << 10, maxRecordBytes: 128 << 10)
    let builder = DocumentBuilder(retrieved: Date(timeIntervalSince1970: 1_767_225_600))

    func run(_ bytes: [UInt8]) {
        let reader = InputReader(format: format, limits: limits)
        do {
            try reader.read(bytes: bytes, named: fileName) { item in
                switch item {
                case .document(let parsed):
                    if parsed.text.utf8.count > limits.maxDocumentBytes {
                        violated("a document of \(parsed.text.utf8.count) bytes passed the \(limits.maxDocumentBytes)-byte limit")
                    }
                    if case .success(let built) = builder.build(parsed) {
                        if built.document.text.isEmpty { violated("an empty document was built") }
                    }
                case .rejection(let rejection):
                    if rejection.description.isEmpty { violated("a rejection says nothing") }
                case .notice, .progress:
                    break
                }
            }
        } catch {
            violated("the reader threw instead of rejecting: \(error)")
        }
    }
}
