import ArgumentParser
import WatchfloorPipeline

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of the documents, best first.",
        discussion: """
            Words match whole words (and, from four letters, as prefixes: gift finds gifts); "quoted words" \
            match as a phrase; Korean words match inside eojeol (유가족 finds 유가족들에게).

            Examples:
              watchfloor search "condolence visit" Hyesan
              watchfloor search 유가족 --limit 5 --format json
              watchfloor search housing --source-kind insider --since 2025-09-01
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The words to find.")
    var query: [String]

    @Option(help: "At most this many hits.")
    var limit: Int = 20

    @Option(help: "Only documents from this kind of source (state_media, insider, wire, government, think_tank, other).")
    var sourceKind: String?

    @Option(help: "Only documents published on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only documents published on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if let problem = SearchQuery.problem(with: query.joined(separator: " ")) {
            throw ValidationError("the search: expected \(problem)")
        }
    }

    func run() async throws {
        try require(format, in: [.table, .json])
        let opened = try Workspace.openExistingStore(path: store.databasePath)
        if try opened.metadata("search_index") == "stale" {
            Terminal.warning(
                "the search index is stale (an ingest that deferred it was stopped): documents may be missing "
                    + "from the results; run `watchfloor reindex`")
        }
        let hits = try opened.search(SearchQuery(
            query.joined(separator: " "), limit: limit, sourceKind: try parseSourceKind(sourceKind),
            since: try parseDay(since, option: "--since"), until: try parseDay(until, option: "--until")))
        if format == .json {
            struct Hit: Encodable {
                var document: String, title: String?, source: String, published: String?, score: Double, snippet: String
            }
            Terminal.output(try JSONOutput.string(hits.map {
                Hit(document: $0.document.rawValue, title: $0.title, source: $0.source, published: $0.published?.description,
                    score: ($0.score * 1000).rounded() / 1000,
                    snippet: $0.snippet.replacingOccurrences(of: SearchHit.matchStart, with: "")
                        .replacingOccurrences(of: SearchHit.matchEnd, with: ""))
            }))
            return
        }
        guard !hits.isEmpty else { return Terminal.output("no documents match") }
        var table = Table(["document", "published", "source", "snippet"], maxWidths: [2: 24, 3: 100])
        for hit in hits {
            table.add([
                hit.document.short, hit.published?.description ?? "", hit.source,
                hit.snippet.replacingOccurrences(of: SearchHit.matchStart, with: "[")
                    .replacingOccurrences(of: SearchHit.matchEnd, with: "]"),
            ])
        }
        Terminal.output(table.render())
    }
}
