import Watchfloor

/// Where Watchfloor keeps documents, events, sources and warnings.
///
/// `SQLiteStore` is the one-analyst implementation (one file, no server). The protocol is what
/// the pipeline, the CLI and the web server use, so that a team store on PostgreSQL can satisfy
/// the same contract.
public protocol Store: Sendable {
    /// Where the store lives, for messages (a file path, a connection string without password).
    var location: String { get }

    // MARK: Writing

    /// Stores a batch of documents and their events atomically: either all of the batch is
    /// written or none of it. Documents already stored (same id) are skipped.
    @discardableResult
    func write(_ batch: [DocumentToStore]) throws -> [WriteOutcome]

    /// Which of `ids` are already stored.
    func existingDocuments(_ ids: [DocumentID]) throws -> Set<DocumentID>

    /// Replaces the machine-coded events of each document (after a codebook change), atomically
    /// for the batch, and sets `metadata` in the same transaction (a resumable job's progress, so
    /// that what it records is exactly what was written). Reviewed events are untouched.
    func replaceMachineEvents(_ events: [DocumentID: [Event]], metadata: [String: String?]) throws

    /// Replaces the derived warnings with `warnings`. A warning for the same episode as a stored
    /// one (same kind, province, types and onset) keeps its id. Returns them with ids.
    @discardableResult
    func saveWarnings(_ warnings: [Warning]) throws -> [Warning]

    /// Defers (or resumes) full-text indexing, for bulk loads; resuming rebuilds the index.
    func setSearchIndexDeferred(_ deferred: Bool) throws

    /// Rebuilds the full-text index from the stored documents.
    func rebuildSearchIndex() throws

    /// Stores a small named value about the database itself (e.g. that it is a demo database).
    func setMetadata(_ key: String, _ value: String?) throws

    // MARK: Reading

    func metadata(_ key: String) throws -> String?

    func status() throws -> StoreStatus

    /// A document by its id, or by a unique prefix of at least 6 hexadecimal digits.
    func document(_ idOrPrefix: String) throws -> StoredDocument?

    /// Documents in storage order, for batch processing (`recode`): those after `cursor`.
    func documents(after cursor: Int64?, limit: Int) throws -> [(cursor: Int64, document: Document, source: Source)]

    func events(_ filter: EventFilter) throws -> [StoredEvent]

    func countEvents(_ filter: EventFilter) throws -> Int

    func search(_ query: SearchQuery) throws -> [SearchHit]

    func sources() throws -> [SourceSummary]

    /// The indicator series of `key` per publication day: stories (near-duplicate clusters) counted
    /// once, on the day their first copy was published; `weighted` sums each story's highest
    /// `reliability weight × confidence` instead.
    func series(_ key: SeriesKey, weighted: Bool) throws -> DailySeries

    /// Every effective event (machine events not superseded by a review, and reviewed events that
    /// were accepted or edited), as the analysis stage needs them.
    func eventFacts() throws -> [EventFact]

    /// The effective events (as ``eventFacts()``) of `types`, in `province` only when one is given
    /// (`nil`: every province and none): what the analysis of one series needs, without reading
    /// every other event.
    func eventFacts(types: [EventType], province: Province?) throws -> [EventFact]

    /// The last publication day of any document (the analysis date), or `nil` when no document
    /// is dated. Answered from an index: cheap on any size of store.
    func lastPublicationDay() throws -> Day?

    /// Documents per outlet per day.
    func coverage() throws -> [OutletDay]

    func warnings() throws -> [Warning]

    // MARK: Reviews

    /// Records an analyst's decision on an event and returns the stored review. Reviewing an
    /// event that already has a review (or a review itself) replaces that review's decision.
    @discardableResult
    func review(_ decision: ReviewDecision) throws -> StoredReview

    /// Withdraws a review: its event is removed and the machine event counts again.
    func withdrawReview(_ id: Int64) throws

    /// Reviews, most recent first.
    func reviews(limit: Int, offset: Int) throws -> [StoredReview]

    /// The review whose event is `eventID`, or that supersedes the machine event `eventID`.
    func review(ofEvent eventID: Int64) throws -> StoredReview?

    // MARK: Reads for the dashboard

    /// One event by id, whether or not it counts (a superseded machine event, a rejected review).
    func event(_ id: Int64) throws -> StoredEvent?

    /// Totals read from precomputed tables: cheap on any size of database.
    func totals() throws -> StoreTotals

    /// How many events match `filter`, counting at most `limit` (then `isExact` is false).
    /// Filters on type, province and dates alone are answered exactly from the indicator tables.
    func countEvents(_ filter: EventFilter, upTo limit: Int) throws -> EventCount

    /// The series of `key` over `window` only (a full ``series(_:weighted:)`` reads every day).
    func series(_ key: SeriesKey, weighted: Bool, window: DayInterval) throws -> DailySeries

    /// A token that changes whenever the stored data changes, whoever wrote it (this process or
    /// another), for caches of pages built from the store; `nil` when the store cannot tell.
    func changeToken() -> String?
}

extension Store {
    /// Filters ``eventFacts()``: correct for any store; SQLiteStore answers from its type index.
    public func eventFacts(types: [EventType], province: Province?) throws -> [EventFact] {
        let wanted = Set(types)
        return try eventFacts().filter { wanted.contains($0.type) && (province == nil || $0.province == province) }
    }

    public func lastPublicationDay() throws -> Day? { try status().lastPublished }
}

extension Store {
    /// Replaces the machine-coded events of each document, atomically for the batch.
    public func replaceMachineEvents(_ events: [DocumentID: [Event]]) throws {
        try replaceMachineEvents(events, metadata: [:])
    }
}
