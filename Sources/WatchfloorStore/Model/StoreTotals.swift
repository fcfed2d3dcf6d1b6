import Watchfloor

/// Counts read from the precomputed tables, cheap enough for every page view (``StoreStatus``
/// counts rows and is meant for the command line).
public struct StoreTotals: Sendable, Hashable, Codable {
    public var documents: Int
    /// Events that count in indicators (machine events not superseded, accepted and edited reviews).
    public var events: Int
    public var sources: Int
    public var warnings: Int
    public var reviews: Int
    /// The first and last days with reporting.
    public var firstDay: Day?
    public var lastDay: Day?
    public var searchIndexCurrent: Bool

    public init(
        documents: Int, events: Int, sources: Int, warnings: Int, reviews: Int, firstDay: Day?, lastDay: Day?,
        searchIndexCurrent: Bool
    ) {
        self.documents = documents
        self.events = events
        self.sources = sources
        self.warnings = warnings
        self.reviews = reviews
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.searchIndexCurrent = searchIndexCurrent
    }

    enum CodingKeys: String, CodingKey {
        case documents, events, sources, warnings, reviews
        case firstDay = "first_day"
        case lastDay = "last_day"
        case searchIndexCurrent = "search_index_current"
    }
}

/// How many events match a filter: exact, or at least `value` when counting stopped early.
public struct EventCount: Sendable, Hashable {
    public var value: Int
    public var isExact: Bool

    public init(_ value: Int, isExact: Bool) {
        self.value = value
        self.isExact = isExact
    }
}
