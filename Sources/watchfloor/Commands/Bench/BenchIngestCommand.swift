import ArgumentParser
import Foundation
import WatchfloorPipeline

/// Measures ingest + store throughput, stage by stage, on real files.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Measure ingest throughput (MB/s, documents/s) and where the time goes.",
        discussion: """
            Runs three passes over the same files: reading and parsing only; reading, normalising, hashing \
            and fingerprinting; and a full ingest into a fresh database (with the full-text index built as \
            documents arrive, or deferred and built once with --defer-index, timed apart). Each pass prints \
            one JSON line. Build with `swift build -c release` first; debug builds are several times slower.

            Examples:
              watchfloor bench ingest --input /tmp/corpus.jsonl
              watchfloor bench ingest --input /tmp/corpus.jsonl --defer-index --passes store
            """
    )

    @Option(help: "Input files (repeatable).")
    var input: [String]

    @Option(help: "The database to fill (default: a temporary file, removed after).")
    var db: String?

    @Flag(help: "Defer the full-text index to one rebuild at the end (reported as index_seconds).")
    var deferIndex = false

    @Option(help: "Which passes to run: read, build, store (comma-separated).")
    var passes: String = "read,build,store"

    func run() async throws {
        let files = InputReader.files(in: input).files
        let bytes = files.reduce(0) { $0 + $1.size }
        let wanted = Set(passes.split(separator: ",").map(String.init))

        if wanted.contains("read") {
            let start = Date()
            let cpu = Self.cpuSeconds()
            var documents = 0
            for file in files {
                try InputReader().read(file) { if case .document = $0 { documents += 1 } }
            }
            report("read+parse", seconds: Date().timeIntervalSince(start), cpu: Self.cpuSeconds() - cpu, bytes: bytes, documents: documents)
        }
        if wanted.contains("build") {
            let start = Date()
            let cpu = Self.cpuSeconds()
            var documents = 0
            let builder = DocumentBuilder()
            for file in files {
                try InputReader().read(file) { item in
                    if case .document(let parsed) = item, case .success = builder.build(parsed) { documents += 1 }
                }
            }
            report(
                "read+parse+normalise+hash+fingerprint", seconds: Date().timeIntervalSince(start),
                cpu: Self.cpuSeconds() - cpu, bytes: bytes, documents: documents)
        }
        if wanted.contains("store") {
            let path = db ?? NSTemporaryDirectory() + "watchfloor-bench-\(UUID().uuidString).sqlite"
            defer {
                if db == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            }
            var options = IngestOptions()
            options.deferSearchIndex = deferIndex
            let store = try Workspace.openStore(path: path)
            let cpu = Self.cpuSeconds()
            var indexCPU = 0.0
            var indexStart = 0.0
            // Time the deferred index rebuild apart: the ingest's own share is what the target is about.
            let summary = try Ingestor(store: store, registry: SourceRegistry(), options: options)
                .run(paths: files.map(\.path), progress: nil, beforeIndexing: { indexStart = Self.cpuSeconds() })
            if deferIndex { indexCPU = Self.cpuSeconds() - indexStart }
            report(
                deferIndex ? "ingest+store (index deferred)" : "ingest+store (index as documents arrive)",
                seconds: summary.seconds - summary.indexSeconds, cpu: Self.cpuSeconds() - cpu - indexCPU, bytes: bytes,
                documents: summary.read,
                extra: [
                    "index_seconds": (summary.indexSeconds * 1000).rounded() / 1000,
                    "index_cpu_seconds": (indexCPU * 1000).rounded() / 1000, "new": Double(summary.new),
                    "near_duplicates": Double(summary.nearDuplicates),
                ])
        }
    }

    /// `cpu` is the process's CPU time for the pass (user + system, every thread): on a shared
    /// machine it says what one quiet core would take, where the wall clock says what this one did.
    private func report(_ pass: String, seconds: Double, cpu: Double, bytes: Int, documents: Int, extra: [String: Double] = [:]) {
        var record: [String: Any] = [
            "bench": "ingest", "pass": pass, "seconds": (seconds * 1000).rounded() / 1000, "mb": Double(bytes) / 1e6,
            "cpu_seconds": (cpu * 1000).rounded() / 1000, "cpu_mb_per_s": (Double(bytes) / 1e6 / cpu * 10).rounded() / 10,
            "documents": documents, "mb_per_s": (Double(bytes) / 1e6 / seconds * 10).rounded() / 10,
            "docs_per_s": (Double(documents) / seconds).rounded(), "max_rss_mb": Self.maxResidentMegabytes(),
        ]
        for (key, value) in extra { record[key] = value }
        if let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) {
            Terminal.output(String(decoding: data, as: UTF8.self))
        }
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of this process so far.
    static func maxResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (Double(usage.ru_maxrss) / 1024 * 10).rounded() / 10  // ru_maxrss is in KiB on Linux
    }
}
