import struct Foundation.Date

/// The store's id of a report: the SHA-256 of its outlet, its publication day (where known) and its
/// normalised text, in hexadecimal.
///
/// A report is one publication: an outlet's text on a day. Because the id is derived from those
/// three, ingesting the same file twice yields the same ids (ingest is idempotent), while the same
/// words published by the same outlet on another day are another report: state media repeat their
/// formulas, and each repetition is news. (Copies of one story by other outlets are other reports
/// too; the store groups them into a story, see `DocumentToStore`.)
public struct DocumentID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The id of the report `normalizedText` published by `outlet` on `published` (`nil`: undated).
    ///
    /// The three parts are joined by a control character that normalised text never contains, so
    /// no outlet name or day can be read as the start of the text.
    public init(outlet: String, published: Day?, normalizedText: String) {
        var hasher = SHA256()
        hasher.update(outlet.utf8)
        hasher.update([0x1F])
        hasher.update((published?.description ?? "").utf8)
        hasher.update([0x1F])
        var text = normalizedText
        text.withUTF8 { hasher.update($0) }
        rawValue = hasher.finalizeHex()
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
    /// The report's identity: SHA-256 of ``source``, ``published`` and ``text`` (see ``DocumentID``),
    /// kept up to date when any of the three changes.
    public var id: DocumentID
    /// The id the input gave the document, if any (a JSON Lines `id`, a feed item's guid).
    public var externalID: String?
    public var url: String?
    public var title: String?
    /// The name of the outlet (a ``Source`` name).
    public var source: String { didSet { reidentify() } }
    public var published: Day? { didSet { reidentify() } }
    public var retrieved: Date
    public var language: Language
    /// Normalised text (see the ingest stage's normaliser). Offsets in events count Unicode
    /// scalars of this text.
    public var text: String { didSet { reidentify() } }
    /// Where the document came from: a file path and, where it applies, the record within it.
    public var origin: String?

    public init(
        text: String, source: String, language: Language, externalID: String? = nil, url: String? = nil,
        title: String? = nil, published: Day? = nil, retrieved: Date = Date(), origin: String? = nil
    ) {
        self.id = DocumentID(outlet: source, published: published, normalizedText: text)
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

    private mutating func reidentify() {
        id = DocumentID(outlet: source, published: published, normalizedText: text)
    }
}
