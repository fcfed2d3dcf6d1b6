import Foundation
import Testing
import WatchfloorTesting

/// `watchfloor serve` as an operator runs it: it says when it is exposed, and SIGTERM stops it
/// within seconds.
@Suite struct ServeCommandTests {
    let tool = CommandLineTool()

    /// A database with a few documents, and the server started on it with `arguments`.
    func serve(_ arguments: [String], in folder: TemporaryDirectory) throws -> (Process, Pipe, Pipe) {
        let input = try folder.write(
            "reports.jsonl",
            text: "{\"id\": \"a\", \"outlet\": \"Daily NK\", \"published\": \"2025-10-01\", \"text\": \"Families in Hyesan received rice.\"}\n")
        let db = folder.file("serve.sqlite").path
        #expect(try tool.run(["ingest", input.path, "--db", db]).status == 0)
        let process = Process()
        process.executableURL = tool.executable
        process.arguments = ["serve", "--db", db, "--port", "0"] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return (process, output, error)
    }

    /// Reads from `pipe` until `marker` has been seen (or the pipe ends).
    func read(_ pipe: Pipe, until marker: String) -> String {
        var text = ""
        while !text.contains(marker) {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    func waitForExit(_ process: Process, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    @Test func sigtermStopsTheServerWithinSeconds() throws {
        let folder = try TemporaryDirectory()
        let (process, output, _) = try serve([], in: folder)
        defer { if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL) } }
        #expect(read(output, until: "http://").contains("Watchfloor dashboard for"))
        process.terminate()
        #expect(waitForExit(process, within: 8), "still running 8 s after SIGTERM")
    }

    @Test func bindingBeyondThisMachineIsSaidOutLoud() throws {
        let folder = try TemporaryDirectory()
        let (process, output, error) = try serve(["--host", "0.0.0.0"], in: folder)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        _ = read(output, until: "http://")
        process.terminate()
        _ = waitForExit(process, within: 8)
        let warning = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(warning.contains("warning: serving on 0.0.0.0"))
        #expect(warning.contains("there are no accounts"))
    }
}
