import Foundation
import Testing
import WatchfloorPipeline
import WatchfloorTesting

/// Killing ingest with SIGKILL midway and rerunning it must leave exactly the database an
/// uninterrupted run leaves.
@Suite struct CrashSafetyTests {
    let tool = CommandLineTool()

    func writeInput(into folder: TemporaryDirectory) throws -> [String] {
        var paths: [String] = []
        for file in 0..<3 {
            var lines = ""
            for i in 0..<1000 {
                let n = file * 1000 + i
                let day = 1 + n % 28
                let place = ["Hyesan", "Chongjin", "Sinuiju", "Hamhung", "Kanggye"][n % 5]
                // Every seventh report is a syndicated copy of the one before it.
                let story = n % 7 == 0 && n > 0
                    ? "Reprint: report number \(n - 1) from \(["Hyesan", "Chongjin", "Sinuiju", "Hamhung", "Kanggye"][(n - 1) % 5]) says families of fallen soldiers received rice, oil and blankets this week from the local party committee."
                    : "Report number \(n) from \(place) says families of fallen soldiers received rice, oil and blankets this week from the local party committee."
                lines += "{\"id\": \"r\(n)\", \"outlet\": \"Outlet \(n % 4)\", \"published\": \"2025-10-\(day < 10 ? "0" : "")\(day)\", \"text\": \"\(story)\"}\n"
            }
            paths.append(try folder.write("part\(file).jsonl", text: lines).path)
        }
        return paths
    }

    func snapshot(_ path: String) throws -> [String] {
        let store = try SQLiteStore(path: path)
        var lines: [String] = []
        var cursor: Int64? = nil
        while true {
            let page = try store.documents(after: cursor, limit: 500)
            if page.isEmpty { break }
            for (seq, document, source) in page {
                let stored = try store.document(document.id.rawValue)
                lines.append(
                    "doc \(seq) \(document.id) \(document.externalID ?? "-") \(source.name) \(document.published?.description ?? "-") cluster=\(stored?.cluster.rawValue ?? "?") \(document.text)")
            }
            cursor = page.last?.cursor
        }
        for event in try store.events(EventFilter(order: .oldest)) {
            lines.append("event \(event.event.id ?? -1) \(event.event.document) \(event.event.type) \(event.event.province?.code ?? "-")")
        }
        for summary in try store.sources() {
            lines.append("source \(summary.source.name) \(summary.documents) \(summary.firstSeen?.description ?? "-") \(summary.lastSeen?.description ?? "-")")
        }
        for entry in try store.coverage() { lines.append("coverage \(entry.source) \(entry.day) \(entry.documents)") }
        let status = try store.status()
        lines.append("status \(status.documents) \(status.events) \(status.clusters) \(status.searchIndexCurrent)")
        return lines
    }

    @Test func aKilledIngestResumesToTheSameDatabase() async throws {
        let folder = try TemporaryDirectory()
        let input = try writeInput(into: folder)
        let reference = folder.file("reference.sqlite").path
        let referenceRun = try tool.run(["ingest"] + input + ["--db", reference, "--batch-size", "100"])
        #expect(referenceRun.status == 0, "\(referenceRun.standardError)")

        let interrupted = folder.file("interrupted.sqlite").path
        let complete = try SQLiteStore(path: reference).status().documents
        var killedMidway = false
        var partial = 0
        for _ in 0..<8 where !killedMidway {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: interrupted + suffix) }
            // The database is created (and migrated) before the ingest starts, so that progress can
            // be watched through one reader: readers never wait for the writer in WAL mode, where
            // opening a store afresh on every poll would wait for the write lock and could see
            // nothing until every batch was in.
            let watcher = try SQLiteStore(path: interrupted)
            let process = try tool.start(["ingest"] + input + ["--db", interrupted, "--batch-size", "100"])
            // Wait until some batches are committed, then kill without warning.
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(5))
                if let count = try? watcher.status().documents, count > 0 {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    partial = try watcher.status().documents
                    // Killed after the last batch (while coding or indexing) proves less: try again.
                    killedMidway = process.terminationReason == .uncaughtSignal && partial < complete
                    break
                }
            }
            process.waitUntilExit()
        }
        try #require(killedMidway, "every ingest stored all \(complete) documents before it could be killed")
        #expect(partial > 0 && partial < complete, "killed after \(partial) of \(complete) documents")

        let rerun = try tool.run(["ingest"] + input + ["--db", interrupted, "--batch-size", "100"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try snapshot(interrupted) == snapshot(reference))
    }
}
