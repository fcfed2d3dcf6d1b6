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
            offline. The JSON API is described at /api/v1/openapi.yaml. Stop with Ctrl-C or SIGTERM: \
            requests in flight get 3 seconds, then are stopped.

            Limits: a request's reads stop after --request-deadline seconds (answered 503); a search \
            takes at most 16 words and 500 characters (400 otherwise); requests made by pages of other \
            sites are refused, except a link followed to a page (403). Bound beyond this machine \
            (--host 0.0.0.0), requests are answered when addressed by IP address, by this machine's \
            host name, or by a name given with --allowed-host.

            The series pages run the analysis with the pack's settings (its analysis.yaml), so that they \
            show the change points and silences the warnings were raised from: serve with the pack the \
            warnings were computed with.

            Examples:
              watchfloor serve
              watchfloor serve --db reports.sqlite --port 8090
              watchfloor serve --pack packs/gift-politics
              watchfloor serve --host 0.0.0.0 --port 8080      # reachable from other machines: think first
              watchfloor serve --host 0.0.0.0 --allowed-host watch.example.org
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Option(help: "The address to bind.")
    var host: String = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port: Int = 8080

    @Option(help: ArgumentHelp("A host name requests may be addressed to when bound beyond this machine (repeatable).", valueName: "NAME"))
    var allowedHost: [String] = []

    @Option(help: ArgumentHelp("Seconds a request's reads may run before it is answered 503.", valueName: "SECONDS"))
    var requestDeadline: Double = 10

    @Flag(help: "Render every page afresh instead of keeping pages until the database changes (for measuring).")
    var noCache = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
        guard (0.1...3600).contains(requestDeadline) else {
            throw ValidationError("--request-deadline \(requestDeadline): expected 0.1 to 3600 seconds")
        }
    }

    func run() async throws {
        let opened = try Workspace.openExistingStore(path: store.databasePath)
        let context = try packOption.context()
        var configuration = WebConfiguration(
            host: host, port: port, cachePages: !noCache, analysis: context.analysis,
            requestDeadline: .milliseconds(Int(requestDeadline * 1000)))
        configuration.allowedHosts = allowedHost
        if !configuration.isLocalOnly {
            Terminal.warning(
                "serving on \(host): anyone who can reach this machine on port \(port) can read the dashboard and "
                    + "review events (there are no accounts). Bind 127.0.0.1 unless that is what you want.")
        }
        try await WebServer.run(store: opened, configuration: configuration) { address in
            Terminal.output("Watchfloor dashboard for \(opened.location): \(address)")
        }
    }
}
