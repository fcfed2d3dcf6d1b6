import Foundation
import Watchfloor
import WatchfloorSimulation
import WatchfloorStore

/// `watchfloor demo`: a fresh database filled with the bundled sample reporting.
public enum Demo {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates a fresh demo database at `path`. A file already there is replaced only if it is an
    /// earlier demo database: the demo never overwrites an analyst's own data.
    public static func freshStore(path: String) throws -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try? SQLiteStore(path: path)
            guard (try? existing?.metadata("demo")) == "true" else {
                throw Failure(description: "\(path) exists and is not a demo database; choose another --db or remove it")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try SQLiteStore(path: path)
        try store.setMetadata("demo", "true")
        return store
    }

    /// The illustrative reporting in every format (invented, labelled so).
    public static func illustrativeReporting() throws -> URL {
        guard let samples = BundledData.folder("samples", containing: "illustrative") else {
            throw Failure(description: "cannot find the bundled samples/ folder; run from the repository or set WATCHFLOOR_HOME")
        }
        return samples.appendingPathComponent("illustrative")
    }

    /// Simulates the demo scenario (`scenarios/demo.yaml`, seed 1: the same reporting every time)
    /// and writes its reporting and truth into `folder`. Returns the injected shifts, so that the
    /// demo can say what an analyst should find.
    public static func simulateReporting(into folder: URL, scenario name: String = "demo", seed: UInt64 = 1) async throws
        -> [InjectedShift]
    {
        let scenario = try Scenario.load(from: try ScenarioLocator.locate(name))
        let writer = try scenario.reporting.writer.load(scenario.reporting)
        let run = await Simulation.run(scenario, seed: seed, runs: 1, writer: writer)
        try SimulationOutput.write(run, to: folder)
        return try InjectedShift.load(contentsOf: folder.appendingPathComponent("truth/shifts.json"))
    }
}
