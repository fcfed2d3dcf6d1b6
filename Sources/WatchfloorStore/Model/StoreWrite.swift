import Watchfloor

/// A document ready to be stored, with its source, its near-duplicate evidence and its events.
public struct DocumentToStore: Sendable {
    public var document: Document
    public var source: Source
    /// Band keys for finding near-duplicate candidates (empty: only exact duplicates are found).
    public var bandKeys: [Int64]
    /// Decides whether a candidate's text is a near-duplicate of this document's.
    public var isNearDuplicate: @Sendable (_ candidateText: String) -> Bool
    /// Machine-coded events (their `id` is ignored and assigned by the store).
    public var events: [Event]

    public init(
        document: Document, source: Source, bandKeys: [Int64] = [],
        isNearDuplicate: @escaping @Sendable (String) -> Bool = { _ in false }, events: [Event] = []
    ) {
        self.document = document
        self.source = source
        self.bandKeys = bandKeys
        self.isNearDuplicate = isNearDuplicate
        self.events = events
    }
}

/// What storing one document did.
public enum WriteOutcome: Hashable, Sendable {
    /// Stored as the first of its story.
    case new
    /// Stored, and grouped with an earlier document of the same story (syndicated copy).
    case nearDuplicate(of: DocumentID)
    /// Already stored (same normalised text): nothing was written.
    case duplicate
}
