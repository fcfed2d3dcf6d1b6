import ArgumentParser
import WatchfloorPipeline

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Count what the database holds.",
        discussion: """
            Examples:
              watchfloor status
              watchfloor status --format json --db team.sqlite
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        try require(format, in: [.table, .json])
        let status = try Workspace.openExistingStore(path: store.databasePath).status()
        if format == .json {
            Terminal.output(try JSONOutput.string(status))
            return
        }
        var table = Table(["", ""])
        table.add(["database", status.path])
        table.add(["documents", "\(status.documents) (\(status.clusters) stories, \(status.nearDuplicates) near-duplicates)"])
        table.add(["events", "\(status.events) (\(status.reviewedEvents) reviewed)"])
        table.add(["sources", String(status.sources)])
        table.add(["warnings", String(status.warnings)])
        table.add(["published", [status.firstPublished, status.lastPublished].compactMap { $0?.description }.joined(separator: " to ")])
        table.add(["search index", status.searchIndexCurrent ? "current" : "stale (run `watchfloor reindex`)"])
        Terminal.output(String(table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")))
    }
}
