import Foundation
import Testing
import WatchfloorPipeline
import WatchfloorTesting

@Suite struct IngestCommandTests {
    let tool = CommandLineTool()

    @Test func ingestsAMixedFolderAndSaysWhatItRejected() throws {
        let folder = try TemporaryDirectory()
        try SampleInputs.writeMixedFolder(into: folder.file("inbox"))
        let db = folder.file("w.sqlite").path
        let first = try tool.run(["ingest", folder.file("inbox").path, "--db", db])
        #expect(first.status == 1, "exit code 1 says something was rejected")
        #expect(first.standardOutput.contains("new: \(SampleInputs.goodDocuments)"))
        for expected in SampleInputs.expectedRejections {
            #expect(first.standardError.contains(expected.message), "stderr lacks: \(expected.message)")
        }
        // One line per rejection, each naming its file.
        let rejectionLines = first.standardError.split(separator: "\n").filter { $0.hasPrefix("rejected: ") }
        #expect(rejectionLines.count == SampleInputs.expectedRejections.count)
        #expect(!first.standardError.contains("\r"), "no progress bar when stderr is not a terminal")

        let second = try tool.run(["ingest", folder.file("inbox").path, "--db", db, "--summary", "json"])
        let summary = try JSONDecoder().decode([String: Double].self, from: Data(second.standardOutput.utf8).filteringNumbers())
        #expect(summary["new"] == 0)
        #expect(summary["duplicates"] == Double(SampleInputs.goodDocuments))

        let status = try tool.run(["status", "--db", db, "--format", "json"])
        let counts = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [String: Any]
        #expect(counts?["documents"] as? Int == SampleInputs.goodDocuments)
        for key in ["documents", "events", "sources", "warnings"] { #expect(counts?[key] != nil, "status lacks \(key)") }
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNotGiven() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.txt", text: "Families in Kanggye received fuel.")
        let db = folder.file("env.sqlite").path
        #expect(try tool.run(["ingest", folder.file("a.txt").path], environment: ["WATCHFLOOR_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        let missing = try tool.run(["status", "--db", folder.file("none.sqlite").path])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("none.sqlite: no database here"))
    }

    /// `--db postgresql://…` created a SQLite file called `postgresql:` in the working folder.
    @Test func aDatabaseURLIsRefusedNotTakenForAFileName() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.txt", text: "Families in Kanggye received fuel.")
        for arguments in [["ingest", "a.txt"], ["status"], ["serve"]] {
            let result = try tool.run(
                arguments + ["--db", "postgresql://analyst:s3cret@db.example/watchfloor"], directory: folder.url)
            #expect(result.status != 0)
            #expect(result.standardError.contains("postgresql:// is a URL"), "\(result.standardError)")
            #expect(!result.standardError.contains("s3cret"))
        }
        let environment = try tool.run(["status"], environment: ["WATCHFLOOR_DB": "postgres://db.example/w"], directory: folder.url)
        #expect(environment.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["a.txt"])
    }

    @Test func badArgumentsAreExplained() throws {
        let result = try tool.run(["ingest", "x", "--format", "pdf"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--format pdf: expected one of auto, text, markdown, html, rss, jsonl, csv"))
    }
}

extension Data {
    /// The summary JSON has one nested object (rejection reasons); keep the numbers only.
    fileprivate func filteringNumbers() throws -> Data {
        let object = try JSONSerialization.jsonObject(with: self) as? [String: Any] ?? [:]
        return try JSONSerialization.data(withJSONObject: object.filter { $0.value is NSNumber })
    }
}
