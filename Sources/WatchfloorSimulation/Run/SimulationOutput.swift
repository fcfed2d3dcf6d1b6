import Foundation
import Watchfloor

/// Writes a ``SimulationRun`` to a folder:
///
/// ```
/// DIR/reporting.jsonl        the documents, one JSON object per line (DESIGN.md's reporting format)
/// DIR/summary.json           the scenario, counts and the strain horizon
/// DIR/truth/latent.csv       the latent series per province and week, and nationally
/// DIR/truth/exchange.csv     the DPRK–Russia exchange per week
/// DIR/truth/shifts.json      the injected shifts, named by the warning each should raise
/// DIR/truth/expected.csv     the stories the outlets were expected to publish (with reporting)
/// DIR/truth/labels.jsonl     each document in the gold format, with the events it reports
/// ```
public enum SimulationOutput {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes every file and returns their URLs.
    @discardableResult
    public static func write(_ run: SimulationRun, to directory: URL) throws -> [URL] {
        let truthFolder = directory.appendingPathComponent("truth", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: truthFolder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: truthFolder.path, reason: error.localizedDescription)
        }
        let lines = JSONEncoder()
        lines.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]

        var written: [URL] = []
        func save(_ data: Data, _ url: URL) throws {
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw WriteError(path: url.path, reason: error.localizedDescription)
            }
            written.append(url)
        }
        func jsonLines(_ items: [some Encodable]) throws -> Data {
            var data = Data()
            for item in items {
                data.append(try lines.encode(item))
                data.append(0x0A)
            }
            return data
        }
        try save(jsonLines(run.documents.map(\.record)), directory.appendingPathComponent("reporting.jsonl"))
        try save(jsonLines(run.documents.map(LabelLine.init)), truthFolder.appendingPathComponent("labels.jsonl"))
        try save(Data(run.truth.latentCSV().utf8), truthFolder.appendingPathComponent("latent.csv"))
        try save(Data(run.truth.exchangeCSV().utf8), truthFolder.appendingPathComponent("exchange.csv"))
        try save(try pretty.encode(run.shifts), truthFolder.appendingPathComponent("shifts.json"))
        if let expected = run.expected {
            try save(Data(expected.csv().utf8), truthFolder.appendingPathComponent("expected.csv"))
        }
        try save(try pretty.encode(SimulationSummary(run)), directory.appendingPathComponent("summary.json"))
        return written
    }
}
