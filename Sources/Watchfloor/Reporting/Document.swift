import struct Foundation.Date

/// The store's id of a document: the SHA-256 of its normalised text, in hexadecimal.
///
/// Because the id is derived from the content, ingesting the same text twice (from the same file
/// or from another copy) yields the same id, which is what makes ingest idempotent.
public struct DocumentID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The id of a document whose normalised text is `normalizedText`.
    public init(normalizedText: String) {
        rawValue = SHA256.hex(normalizedText)
    }

    /// The first twelve hexadecimal digits, enough to name a document in a listing.
    public var short: String { String(rawValue.prefix(12)) }

    public var description: String { rawValue }

    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One piece of reporting: an article, a feed item, a line of a JSON Lines file.
public struct Document: Hashable, Sendable {
    /// SHA-256 of ``text`` (which is already normalised).
    public var id: DocumentID
    /// The id the input gave the document, if any (a JSON Lines `id`, a feed item's guid).
    public var externalID: String?
    public var url: String?
    public var title: String?
    /// The name of the outlet (a ``Source`` name).
    public var source: String
    public var published: Day?
    public var retrieved: Date
    public var language: Language
    /// Normalised text (see the ingest stage's normaliser). Offsets in events count Unicode
    /// scalars of this text.
    public var text: String
    /// Where the document came from: a file path and, where it applies, the record within it.
    public var origin: String?

    public init(
        text: String, source: String, language: Language, externalID: String? = nil, url: String? = nil,
        title: String? = nil, published: Day? = nil, retrieved: Date = Date(), origin: String? = nil
    ) {
        self.id = DocumentID(normalizedText: text)
        self.externalID = externalID
        self.url = url
        self.title = title
        self.source = source
        self.published = published
        self.retrieved = retrieved
        self.language = language
        self.text = text
        self.origin = origin
    }
}
