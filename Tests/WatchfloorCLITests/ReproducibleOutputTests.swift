import Foundation
import Testing
import WatchfloorTesting

/// The same stored reporting and settings give the same outputs, byte for byte, whichever process
/// computes them: analysts diff exports, and a threshold must not flip on the order of a sum (Swift
/// seeds its hashing afresh in every process, so anything summed in a dictionary's order differs).
@Suite struct ReproducibleOutputTests {
    let tool = CommandLineTool()

    func outputs(_ db: String) throws -> [String: String] {
        let commands: [String: [String]] = [
            "warnings": ["warnings", "--db", db, "--format", "json", "--refresh"],
            "events": ["events", "--db", db, "--format", "jsonl", "--limit", "100000"],
            "series": ["series", "--db", db, "--type", "GIFT_DELIVERY", "--type", "CONDOLENCE_VISIT", "--format", "csv"],
            "province": ["series", "--db", db, "--type", "DISCONTENT", "--province", "KP-09", "--format", "json"],
            "sources": ["sources", "--db", db, "--format", "json"],
        ]
        var outputs: [String: String] = [:]
        for (name, arguments) in commands {
            let result = try tool.run(arguments)
            #expect(result.status == 0, "\(name): \(result.standardError)")
            outputs[name] = result.standardOutput
        }
        return outputs
    }

    @Test func twoIngestsOfTheSameReportingGiveTheSameOutputs() throws {
        let folder = try TemporaryDirectory()
        let simulated = folder.file("sim")
        let simulation = try tool.run(["simulate", "--scenario", "demo", "--seed", "2", "--out", simulated.path])
        #expect(simulation.status == 0, "\(simulation.standardError)")
        let reporting = simulated.appendingPathComponent("reporting.jsonl").path
        var runs: [[String: String]] = []
        for name in ["first", "second"] {
            let db = folder.file("\(name).sqlite").path
            let ingest = try tool.run(["ingest", reporting, "--db", db])
            #expect(ingest.status == 0, "\(ingest.standardError)")
            runs.append(try outputs(db))
        }
        #expect(runs[0]["warnings"]?.contains("\"kind\"") == true, "the scenario raises warnings")
        for (name, first) in runs[0] {
            #expect(first == runs[1][name], "\(name) differs between two ingests of the same reporting")
        }
        // And a second refresh over the same database.
        #expect(try outputs(folder.file("first.sqlite").path) == runs[0])
    }
}
