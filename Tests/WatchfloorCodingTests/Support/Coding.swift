import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting

/// The shipped gift-politics pack and its coder, loaded once for all tests.
enum Shipped {
    static let pack: Pack = {
        do {
            return try Pack.load(from: RepositoryPaths.packs.appendingPathComponent("gift-politics"))
        } catch {
            fatalError("the shipped pack does not load:\n\(error)")
        }
    }()

    static let coder = Coder(pack: pack)

    /// Codes `text` (normalised first, as ingest does).
    static func code(
        _ text: String, published: String? = "2025-10-24", kind: SourceKind = .insider, language: Language? = nil
    ) -> [Event] {
        coder.code(input(text, published: published, kind: kind, language: language))
    }

    static func input(
        _ text: String, published: String? = "2025-10-24", kind: SourceKind = .insider, language: Language? = nil
    ) -> CodingInput {
        let normalized = TextNormalizer.normalize(text)
        let isKorean = normalized.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        return CodingInput(
            document: DocumentID(outlet: "test", published: nil, normalizedText: normalized), text: normalized,
            language: language ?? (isKorean ? .korean : .english), published: published.flatMap { Day($0) },
            sourceKind: kind)
    }

    /// The coded types, sorted.
    static func types(_ text: String, published: String? = "2025-10-24", kind: SourceKind = .insider) -> [EventType] {
        code(text, published: published, kind: kind).map(\.type).sorted()
    }
}

extension String {
    /// The substring between two Unicode scalar offsets, as event spans count them.
    func scalars(_ span: TextSpan) -> String {
        let scalars = Array(unicodeScalars)
        return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
    }
}
