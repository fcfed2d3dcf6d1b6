import Foundation
import Watchfloor

/// A gold file (DESIGN.md, "Gold format"): JSON Lines of reporting records, each with the
/// `events` a careful analyst codes in it. Blank lines are skipped.
public struct GoldFile: Sendable {
    public struct Line: Sendable {
        /// 1-based line number in the file.
        public var number: Int
        public var record: GoldRecord
        /// The file the line is in (files can be pooled, see ``pooled(_:)``).
        public var file: String
    }

    public var path: String
    public var lines: [Line]

    /// Reads and checks every line; the first malformed one is an error naming the file and line.
    public static func read(_ url: URL) throws(GoldFileError) -> GoldFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GoldFileError(file: url.path, line: nil, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GoldFileError(file: url.path, line: nil, message: "expected UTF-8 text")
        }
        let decoder = JSONDecoder()
        var lines: [Line] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            do {
                let record = try decoder.decode(GoldRecord.self, from: Data(trimmed.utf8))
                lines.append(Line(number: index + 1, record: record, file: url.path))
            } catch {
                throw GoldFileError(file: url.path, line: index + 1, message: Self.explain(error))
            }
        }
        return GoldFile(path: url.path, lines: lines)
    }

    /// Several gold files scored as one (each line keeps its file).
    public static func pooled(_ files: [GoldFile]) -> GoldFile {
        GoldFile(path: files.map(\.path).joined(separator: ", "), lines: files.flatMap(\.lines))
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "expected a JSON object: \(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "expected a key \"\(key.stringValue)\"" + (parent.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            return (at.isEmpty ? "expected a JSON object" : "unexpected value at \(at)") + ": \(context.debugDescription)"
        @unknown default:
            return "expected a gold record: \(error)"
        }
    }
}

/// A gold file that cannot be read: the file, the line and what was expected.
public struct GoldFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
