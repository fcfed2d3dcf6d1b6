import ArgumentParser
import Foundation
import WatchfloorPipeline

/// Load-tests the dashboard: fills a database with synthetic coded reporting (once), serves it
/// in this process, and runs `wrk` against the overview, a province page and a filtered events
/// page, printing one JSON line per page.
struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Measure the dashboard's latency and throughput under load (needs wrk).",
        discussion: """
            The database is filled only when it does not exist yet (a million events take a few minutes); \
            keep it under /tmp between runs. Each page is loaded for --duration seconds by --connections \
            connections (wrk --latency), with the page cache on, off, or both. Build with \
            `swift build -c release` first: a debug server is many times slower.

            Examples:
              watchfloor bench serve --db /tmp/web-1m.sqlite --events 1000000
              watchfloor bench serve --db /tmp/web-1m.sqlite --cache both --duration 30 --connections 50
              watchfloor bench serve --db /tmp/screens.sqlite --events 6000 --seed-only
            """
    )

    @Option(help: "The database (filled with synthetic reporting when it does not exist).")
    var db: String

    @Option(help: "Events to generate when filling the database.")
    var events: Int = 1_000_000

    @Flag(help: "Only fill the database; do not run the load test.")
    var seedOnly = false

    @Option(help: "Seconds per page.")
    var duration: Int = 30

    @Option(help: "Concurrent connections.")
    var connections: Int = 50

    @Option(help: "wrk threads.")
    var threads: Int = 2

    @Option(help: "Page cache: on, off or both.")
    var cache: String = "both"

    @Option(help: "Pages to load (repeatable); default: the overview, a province page and a filtered events page.")
    var page: [String] = []

    func run() async throws {
        if !FileManager.default.fileExists(atPath: db) {
            let store = try Workspace.openStore(path: db)
            let summary = try SyntheticReporting(events: events).write(into: store)
            print(json(["bench": "serve", "phase": "seed", "documents": summary.documents, "events": summary.events,
                        "warnings": summary.warnings, "seconds": (summary.seconds * 10).rounded() / 10]))
        }
        guard !seedOnly else { return }
        let modes: [Bool] = switch cache {
        case "on": [true]
        case "off": [false]
        default: [true, false]
        }
        let totals = try Workspace.openExistingStore(path: db).totals()
        let pages = page.isEmpty ? ["/", "/provinces/KP-09", "/events?type=GIFT_DELIVERY&province=KP-09&since=2025-06-01"] : page
        for cachePages in modes {
            // The server runs as its own process, as `watchfloor serve` does, and is stopped with SIGTERM.
            let port = 18_000 + Int.random(in: 0..<2000)
            let server = Process()
            server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            server.arguments = ["serve", "--db", db, "--port", String(port)] + (cachePages ? [] : ["--no-cache"])
            server.standardOutput = FileHandle.nullDevice
            try server.run()
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            try await waitForServer(port: port)
            for path in pages {
                let url = "http://127.0.0.1:\(port)\(path)"
                _ = try runProcess("/usr/bin/env", ["curl", "-s", "-o", "/dev/null", url])  // warm up
                let output = try runProcess(
                    "/usr/bin/env", ["wrk", "-t\(threads)", "-c\(connections)", "-d\(duration)s", "--latency", url])
                var record = WrkOutput(output).record
                record["bench"] = "serve"
                record["page"] = path
                record["cache"] = cachePages
                record["events_in_store"] = totals.events
                record["connections"] = connections
                record["seconds"] = duration
                print(json(record))
            }
        }
    }

    private func waitForServer(port: Int) async throws {
        for _ in 0..<100 {
            if (try? runProcess("/usr/bin/env", ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/favicon.svg"])) == "200" {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("the server did not start on port \(port)")
    }

    private func runProcess(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func json(_ record: [String: Any]) -> String {
        (try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// The figures of a `wrk --latency` report.
struct WrkOutput {
    var record: [String: Any] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n").map({ $0.trimmingWhitespace() }) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if fields.count == 2, fields[0].hasSuffix("%"), let ms = Self.milliseconds(fields[1]) {
                record["p\(fields[0].dropLast())_ms"] = ms
            } else if line.hasPrefix("Requests/sec:"), let value = Double(fields.last ?? "") {
                record["requests_per_s"] = value
            } else if line.contains("requests in"), let count = Int(fields.first ?? "") {
                record["requests"] = count
            } else if line.hasPrefix("Non-2xx or 3xx responses:"), let count = Int(fields.last ?? "") {
                record["non_2xx"] = count
            } else if line.hasPrefix("Socket errors:") {
                record["socket_errors"] = line
            }
        }
    }

    static func milliseconds(_ text: String) -> Double? {
        for (suffix, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)) { return (value * scale * 1000).rounded() / 1000 }
        }
        return nil
    }
}
