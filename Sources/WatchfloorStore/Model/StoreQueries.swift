import Watchfloor

/// Which events to list. Every field narrows the selection; `nil` means "any".
public struct EventFilter: Sendable, Hashable {
    public var types: [EventType]?
    public var province: Province?
    /// Only events with no province (`events --province none`).
    public var nationalOnly: Bool
    /// On or after this publication day.
    public var since: Day?
    /// On or before this publication day.
    public var until: Day?
    public var sourceKind: SourceKind?
    /// Only events from documents in this language.
    public var language: Language?
    public var status: ReviewStatus?
    public var document: DocumentID?
    public var ids: [Int64]?
    /// Also list rejected reviews (which do not count in indicators). A `status: .rejected`
    /// filter implies it. Machine events superseded by a review are never listed: the review is.
    public var includeRejected: Bool
    /// Only events after this position in `.newest` or `.oldest` order (keyset pagination, for
    /// exports that stream every match); ignored for other orders.
    public var after: Cursor?
    public var limit: Int?
    public var offset: Int
    public var order: Order

    /// A position in the listing: the event's publication day and id.
    public struct Cursor: Sendable, Hashable {
        public var day: Day
        public var id: Int64

        public init(day: Day, id: Int64) {
            self.day = day
            self.id = id
        }
    }

    public enum Order: Sendable, Hashable {
        /// Newest reporting first.
        case newest
        /// Oldest reporting first.
        case oldest
        /// Least confident first (the review queue).
        case leastConfident
        /// In document order (by document, then sentence).
        case documentOrder
        /// The most recently stored first.
        case newestID
    }

    public init(
        types: [EventType]? = nil, province: Province? = nil, nationalOnly: Bool = false, since: Day? = nil,
        until: Day? = nil, sourceKind: SourceKind? = nil, language: Language? = nil, status: ReviewStatus? = nil,
        document: DocumentID? = nil, ids: [Int64]? = nil, includeRejected: Bool = false, after: Cursor? = nil,
        limit: Int? = nil, offset: Int = 0, order: Order = .newest
    ) {
        self.types = types
        self.province = province
        self.nationalOnly = nationalOnly
        self.since = since
        self.until = until
        self.sourceKind = sourceKind
        self.language = language
        self.status = status
        self.document = document
        self.ids = ids
        self.includeRejected = includeRejected
        self.after = after
        self.limit = limit
        self.offset = offset
        self.order = order
    }
}

/// An event as listed: the event and what an analyst needs beside it.
public struct StoredEvent: Sendable, Hashable {
    public var event: Event
    public var externalID: String?
    public var documentTitle: String?
    public var source: Source
    /// The publication day of the event's document (the day series count it on).
    public var day: Day
}

/// A document as stored, with its source and cluster.
public struct StoredDocument: Sendable, Hashable {
    public var document: Document
    public var sourceInfo: Source
    /// The first document of this one's near-duplicate cluster (itself when it is the first).
    public var cluster: DocumentID
    /// The other documents of the cluster.
    public var clusterMembers: [DocumentID]
}

/// A full-text query.
public struct SearchQuery: Sendable, Hashable {
    /// The longest query read, in characters, and the most words (or quoted phrases) in it: each
    /// word is one more term of the full-text query, and thousands of them held a server for
    /// minutes. A longer query is refused where it is read (`SearchQuery.problem(with:)`); the
    /// store itself never searches more than this many terms.
    public static let maximumLength = 500
    public static let maximumTerms = 16

    /// Why `text` cannot be searched, or `nil`.
    public static func problem(with text: String) -> String? {
        // Counted as the OpenAPI document counts a string's length: in code points.
        let length = text.unicodeScalars.count
        if length > maximumLength { return "at most \(maximumLength) characters (found \(length))" }
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        if words > maximumTerms { return "at most \(maximumTerms) words (found \(words))" }
        return nil
    }

    public var text: String
    public var limit: Int
    public var sourceKind: SourceKind?
    public var since: Day?
    public var until: Day?
    public var language: Language?

    public init(
        _ text: String, limit: Int = 20, sourceKind: SourceKind? = nil, since: Day? = nil, until: Day? = nil,
        language: Language? = nil
    ) {
        self.text = text
        self.limit = limit
        self.sourceKind = sourceKind
        self.since = since
        self.until = until
        self.language = language
    }
}

/// One search result, best first.
public struct SearchHit: Sendable, Hashable {
    public var document: DocumentID
    public var title: String?
    public var source: String
    public var published: Day?
    /// BM25 relevance (higher is better).
    public var score: Double
    /// The best passage, with matches between ``SearchHit/matchStart`` and ``SearchHit/matchEnd`` markers.
    public var snippet: String

    /// Marks the start of a matched term in ``snippet`` (a private-use character that no document contains
    /// after normalisation is unlikely to, and that front ends replace with their own highlighting).
    public static let matchStart = "\u{E000}"
    public static let matchEnd = "\u{E001}"
}

/// Counts of what the store holds.
public struct StoreStatus: Sendable, Hashable, Codable {
    public var documents: Int
    public var events: Int
    public var sources: Int
    public var warnings: Int
    /// Near-duplicate clusters (stories): documents minus syndicated copies.
    public var clusters: Int
    public var nearDuplicates: Int
    public var reviewedEvents: Int
    public var firstPublished: Day?
    public var lastPublished: Day?
    /// Whether the full-text index covers every document.
    public var searchIndexCurrent: Bool
    public var path: String

    enum CodingKeys: String, CodingKey {
        case documents, events, sources, warnings, clusters
        case nearDuplicates = "near_duplicates"
        case reviewedEvents = "reviewed_events"
        case firstPublished = "first_published"
        case lastPublished = "last_published"
        case searchIndexCurrent = "search_index_current"
        case path = "database"
    }
}

/// A source with how much it has published and when.
public struct SourceSummary: Sendable, Hashable {
    public var source: Source
    public var documents: Int
    public var events: Int
    public var firstSeen: Day?
    public var lastSeen: Day?
}
