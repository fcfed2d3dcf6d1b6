import ArgumentParser
import Foundation

/// A benchmark corpus held in memory: one document per line, split once before timing, the way
/// the Python baselines time their matchers on an in-memory list of documents.
struct BenchCorpus {
    let path: String
    let bytes: [UInt8]
    /// Byte ranges of the documents (lines, without the newline).
    let documents: [Range<Int>]
    let readSeconds: Double

    init(path: String) throws {
        let start = ContinuousClock.now
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the corpus \(path)")
        }
        bytes = [UInt8](data)
        var documents: [Range<Int>] = []
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            documents.append(lineStart..<index)
            lineStart = index + 1
        }
        if lineStart < bytes.count { documents.append(lineStart..<bytes.count) }
        self.path = path
        self.documents = documents
        readSeconds = (ContinuousClock.now - start).seconds
    }

    /// The lines of a small text file (a lexicon).
    static func lines(of path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    func forEachDocument(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for range in documents {
                body(UnsafeBufferPointer(rebasing: all[range]))
            }
        }
    }

    /// Megabytes as the baselines count them: documents plus one newline each.
    var megabytes: Double { Double(documents.reduce(0) { $0 + $1.count + 1 }) / 1e6 }

    /// Runs `body` `reps` times and returns each duration in seconds.
    static func time(reps: Int, _ body: () -> Void) -> [Double] {
        (0..<max(1, reps)).map { _ in
            let start = ContinuousClock.now
            body()
            return (ContinuousClock.now - start).seconds
        }
    }

    enum Value {
        case int(Int)
        case number(Double)
        case seconds(Duration)
        case text(String)

        var json: String {
            switch self {
            case .int(let value): String(value)
            case .number(let value): String(format: "%.3f", value)
            case .seconds(let value): String(format: "%.3f", value.seconds)
            case .text(let value):
                "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            }
        }
    }

    /// Prints one JSON line in the shape of `bench_dict.py`'s records, plus `extra` fields.
    func report(tool: String, times: [Double], extra: KeyValuePairs<String, Value>) {
        let median = times.sorted()[times.count / 2]
        var fields: [(String, Value)] = [
            ("tool", .text(tool)), ("corpus", .text(URL(fileURLWithPath: path).lastPathComponent)),
            ("docs", .int(documents.count)), ("mb", .number(megabytes)), ("read_s", .number(readSeconds)),
        ]
        fields.append(contentsOf: extra.map { ($0.key, $0.value) })
        let timesJSON = "[" + times.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "]"
        var line = "{" + fields.map { "\"\($0.0)\": \($0.1.json)" }.joined(separator: ", ")
        line += ", \"times_s\": \(timesJSON), \"median_s\": \(String(format: "%.3f", median))"
        line += ", \"mb_per_s\": \(String(format: "%.2f", megabytes / median))"
        line += ", \"docs_per_s\": \(Int((Double(documents.count) / median).rounded()))}"
        print(line)
    }
}
