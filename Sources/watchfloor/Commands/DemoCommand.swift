import ArgumentParser
import Foundation
import WatchfloorPipeline

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled sample reporting into a fresh database and analyse it.",
        discussion: """
            The sample reporting is invented and labelled as such (samples/README.md). The database is \
            created fresh each time; an existing file is replaced only if it is an earlier demo database.

            Examples:
              watchfloor demo
              watchfloor demo --no-serve --db /tmp/demo.sqlite
            """
    )

    @Option(help: "The demo database (replaced if it is an earlier demo database).")
    var db: String = "watchfloor-demo.sqlite"

    @Option(help: "The port for the dashboard.")
    var port: Int = 8080

    @Flag(help: "Only build the database; do not serve the dashboard.")
    var noServe = false

    @OptionGroup var packOption: PackOption

    func run() async throws {
        let store: SQLiteStore
        do { store = try Demo.freshStore(path: db) } catch let failure as Demo.Failure {
            throw ValidationError(failure.description)
        }
        let context = try packOption.context()
        let summary = try context.ingestor(store: store, options: IngestOptions()).run(
            paths: try Demo.reportingFolders().map(\.path),
            onRejection: { Terminal.error("rejected: \($0)") })
        Terminal.output(IngestCommand.describe(summary))
        let status = try store.status()
        Terminal.output("database \(db): \(status.documents) documents, \(status.events) events, \(status.sources) sources")
    }
}
