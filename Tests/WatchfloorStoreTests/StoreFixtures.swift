import Foundation
import Watchfloor
import WatchfloorStore
import WatchfloorTesting

let insider = Source(name: "Example Insider", kind: .insider, reliability: .b)
let stateMedia = Source(name: "Example State Media", kind: .stateMedia, reliability: .c)

func document(_ text: String, source: Source = insider, published: String? = "2025-10-01", title: String? = nil) -> Document {
    Document(
        text: text, source: source.name, language: LanguageGuess.of(text), title: title,
        published: published.flatMap { Day($0) }, retrieved: Date(timeIntervalSince1970: 1_760_000_000))
}

enum LanguageGuess {
    static func of(_ text: String) -> Language {
        text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } ? .korean : .english
    }
}

func event(_ type: EventType, in document: Document, province: Province? = nil, sincerity: Sincerity? = nil, confidence: Double = 0.8)
    -> Event
{
    var attributes = EventAttributes()
    attributes.sincerity = sincerity
    let end = document.text.unicodeScalars.count
    return Event(
        document: document.id, type: type, province: province, attributes: attributes, confidence: confidence,
        evidence: Evidence(
            sentence: TextSpan(start: 0, end: end), text: document.text,
            cues: [CueMatch(role: "trigger", cue: "received", span: TextSpan(start: 0, end: min(8, end)))], rule: "test"))
}

/// Near-duplicate when the candidate shares the first 40 characters (a stand-in for the shingle test).
func item(_ document: Document, source: Source = insider, events: [Event] = [], band: Int64? = nil) -> DocumentToStore {
    let prefix = String(document.text.prefix(40))
    return DocumentToStore(
        document: document, source: source, bandKeys: band.map { [$0] } ?? [],
        isNearDuplicate: { $0.hasPrefix(prefix) }, events: events)
}

/// A new store in its own temporary folder, removed with the fixture.
final class StoreFixture {
    let folder: TemporaryDirectory
    let store: SQLiteStore

    init() throws {
        folder = try TemporaryDirectory()
        store = try SQLiteStore(path: folder.file("test.sqlite").path)
    }
}
