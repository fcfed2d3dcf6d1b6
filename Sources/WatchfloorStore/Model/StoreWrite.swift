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
    /// A copy joins a story only if it was published within this many days of the story's first
    /// report (`DESIGN.md`, "Reports, stories and identity"): syndicated and reposted copies appear
    /// within days, while the same words months later are a new story.
    public var storyWindowDays: Int

    /// The story window when none is set: a week.
    public static let defaultStoryWindowDays = 7

    public init(
        document: Document, source: Source, bandKeys: [Int64] = [],
        isNearDuplicate: @escaping @Sendable (String) -> Bool = { _ in false }, events: [Event] = [],
        storyWindowDays: Int = DocumentToStore.defaultStoryWindowDays
    ) {
        self.document = document
        self.source = source
        self.bandKeys = bandKeys
        self.isNearDuplicate = isNearDuplicate
        self.events = events
        self.storyWindowDays = storyWindowDays
    }

    /// The day the report counts on: its publication day, else the day it was retrieved.
    public var day: Day {
        document.published ?? Day(ordinal: Int((document.retrieved.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// What storing one document did.
public enum WriteOutcome: Hashable, Sendable {
    /// Stored as the first of its story.
    case new
    /// Stored, and grouped with an earlier report of the same story (a syndicated or reposted
    /// copy published within the story window).
    case nearDuplicate(of: DocumentID)
    /// Already stored (same outlet, publication day and normalised text): nothing was written.
    case duplicate
}
