import ArgumentParser
import Foundation
import WatchfloorPipeline
import WatchfloorWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard: warnings, province map, series, evidence, review queue, search and JSON API.",
        discussion: """
            Binds 127.0.0.1 (this machine only) unless --host says otherwise: the dashboard has no accounts, \
            and whoever can reach it can review events. Nothing is loaded from the network; the pages work \
            offline. The JSON API is described at /api/v1/openapi.yaml. Stop with Ctrl-C.

            The series pages run the analysis with the pack's settings (its analysis.yaml), so that they \
            show the change points and silences the warnings were raised from: serve with the pack the \
            warnings were computed with.

            Examples:
              watchfloor serve
              watchfloor serve --db reports.sqlite --port 8090
              watchfloor serve --pack packs/gift-politics
              watchfloor serve --host 0.0.0.0 --port 8080      # reachable from other machines: think first
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Option(help: "The address to bind.")
    var host: String = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port: Int = 8080

    @Flag(help: "Render every page afresh instead of keeping pages until the database changes (for measuring).")
    var noCache = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
    }

    func run() async throws {
        let opened = try Workspace.openExistingStore(path: store.databasePath)
        let context = try packOption.context()
        try await WebServer.run(
            store: opened, host: host, port: port, cachePages: !noCache, analysis: context.analysis
        ) { address in
            Terminal.output("Watchfloor dashboard for \(opened.location): \(address)")
        }
    }
}
