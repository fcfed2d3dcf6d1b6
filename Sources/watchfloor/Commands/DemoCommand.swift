import ArgumentParser
import Foundation
import WatchfloorPipeline
import WatchfloorWeb

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled sample reporting into a fresh database, analyse it, serve the dashboard.",
        discussion: """
            The sample reporting is simulated or invented, and labelled so: two years of reporting written \
            by the simulated outlets of scenarios/demo.yaml (seed 1), and a handful of illustrative \
            documents in every format ingest reads (samples/illustrative). The database is created fresh \
            each time; an existing file is replaced only if it is an earlier demo database. The \
            simulation's reporting and truth are kept beside the database (<db>.simulation/), so that the \
            warnings can be compared with what the scenario injected.

            Examples:
              watchfloor demo
              watchfloor demo --port 9000
              watchfloor demo --no-serve --db /tmp/demo.sqlite
              watchfloor demo --pack packs/gift-politics
            """
    )

    @Option(help: "The demo database (replaced if it is an earlier demo database).")
    var db: String = "watchfloor-demo.sqlite"

    @Option(help: "The port for the dashboard (on 127.0.0.1).")
    var port: Int = 8080

    @Flag(help: "Only build and analyse the database; do not serve the dashboard.")
    var noServe = false

    @OptionGroup var packOption: PackOption

    func run() async throws {
        let store: SQLiteStore
        do { store = try Demo.freshStore(path: db) } catch let failure as Demo.Failure {
            throw ValidationError(failure.description)
        }
        let context = try packOption.context()
        let simulation = URL(fileURLWithPath: db + ".simulation")
        try? FileManager.default.removeItem(at: simulation)
        Terminal.error("simulating two years of reporting (scenarios/demo.yaml, seed 1) into \(simulation.path)")
        let shifts = try await Demo.simulateReporting(into: simulation)

        let summary = try context.ingestor(store: store, options: IngestOptions()).run(
            paths: [try Demo.illustrativeReporting().path, simulation.appendingPathComponent("reporting.jsonl").path],
            onRejection: { Terminal.error("rejected: \($0)") })
        Terminal.output(IngestCommand.describe(summary))
        let warnings = try context.warnings(store: store).run(force: true)
        let status = try store.status()
        Terminal.output("""
            database \(db): \(status.documents) documents, \(status.events) events, \(status.sources) sources, \(warnings.count) warnings

            what the scenario changed (compare with the warnings):
            \(shifts.map { "  \($0.kind.rawValue) \($0.province?.code ?? "national") from \($0.onset): \($0.description)" }.joined(separator: "\n"))
            """)
        if noServe { return }
        try await WebServer.run(
            store: store, configuration: WebConfiguration(host: "127.0.0.1", port: port, analysis: context.analysis)
        ) { address in
            Terminal.output("\nWatchfloor dashboard: \(address)   (Ctrl-C to stop)")
        }
    }
}
