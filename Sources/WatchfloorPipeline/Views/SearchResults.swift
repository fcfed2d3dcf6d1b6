import Watchfloor
import WatchfloorStore

/// Full-text search with its filters, read from request parameters: `q`, `source_kind`,
/// `since`, `until`, `language`, `limit`.
public struct SearchResults: Sendable {
    public struct Hit: Sendable {
        public var hit: SearchHit
        /// The snippet with its matches marked.
        public var snippet: HighlightedText
    }

    public var query: SearchQuery?
    public var hits: [Hit]
    /// The index was left stale (an ingest that deferred it was stopped): hits may be missing.
    public var indexStale: Bool = false

    public static let defaultLimit = 20

    public static func load(from store: any Store, parameters: QueryParameters) throws -> SearchResults {
        let language = try parameters.language()
        let since = try parameters.day("since")
        let until = try parameters.day("until")
        let sourceKind = try parameters.choice("source_kind", SourceKind.self)
        let limit = try parameters.int("limit", in: 1...200) ?? defaultLimit
        guard let text = parameters["q"] else { return SearchResults(query: nil, hits: []) }
        if let problem = SearchQuery.problem(with: text) {
            throw QueryProblem("q", String(text.prefix(60)) + (text.count > 60 ? "…" : ""), expected: problem)
        }
        let query = SearchQuery(text, limit: limit, sourceKind: sourceKind, since: since, until: until, language: language)
        return SearchResults(
            query: query, hits: try store.search(query).map { Hit(hit: $0, snippet: .snippet($0.snippet)) },
            indexStale: try store.metadata("search_index") == "stale")
    }
}
