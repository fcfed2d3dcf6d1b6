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

    public static let defaultLimit = 20

    public static func load(from store: any Store, parameters: QueryParameters) throws -> SearchResults {
        let language = parameters["language"].map { Language(rawValue: $0) }
        if let language, !language.rawValue.utf8.allSatisfy({ (97...122).contains($0) }) || language.rawValue.utf8.count > 8 {
            throw QueryProblem("language", language.rawValue, expected: "a language code such as en or ko")
        }
        let since = try parameters.day("since")
        let until = try parameters.day("until")
        let sourceKind = try parameters.choice("source_kind", SourceKind.self)
        let limit = try parameters.int("limit", in: 1...200) ?? defaultLimit
        guard let text = parameters["q"] else { return SearchResults(query: nil, hits: []) }
        let query = SearchQuery(text, limit: limit, sourceKind: sourceKind, since: since, until: until, language: language)
        return SearchResults(
            query: query, hits: try store.search(query).map { Hit(hit: $0, snippet: .snippet($0.snippet)) })
    }
}
