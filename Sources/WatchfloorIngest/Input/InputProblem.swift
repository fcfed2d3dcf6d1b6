/// Why a file, or one record in it, could not be ingested. Paired with an ``InputLocation`` in a
/// ``Rejection`` so that the message names the file, the record and what was expected.
public enum InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case empty
    case noText
    case binary(String)
    case invalidUTF8(line: Int, byteOffset: Int)
    case invalidText(String)
    case unsupportedEncoding(String)
    case truncated(String)
    case malformed(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .empty: "empty file (0 bytes); expected reporting text"
        case .noText: "no text; expected reporting text"
        case .binary(let what): "\(what), not text; expected a text, HTML, feed, JSON Lines or CSV file"
        case .invalidUTF8(let line, let offset):
            "invalid UTF-8 at line \(line) (byte offset \(offset)); expected UTF-8, or name the encoding with --encoding"
        case .invalidText(let message), .unsupportedEncoding(let message), .truncated(let message),
            .malformed(let message), .tooLarge(let message):
            message
        }
    }
}

/// Where in the input something was found: a file and, within it, a line, a record or an item.
public struct InputLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the record's start, when the format has lines.
    public var line: Int?
    /// A record's name within the file: `item 3`, `row 12`, `entry "tag:…"`.
    public var record: String?

    public init(file: String, line: Int? = nil, record: String? = nil) {
        self.file = file
        self.line = line
        self.record = record
    }

    public var description: String {
        var parts = [file]
        if let line { parts.append("line \(line)") }
        if let record { parts.append(record) }
        return parts.joined(separator: ": ")
    }
}

/// A file or record that was not ingested, and why.
public struct Rejection: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: InputLocation
    public var problem: InputProblem

    public init(_ location: InputLocation, _ problem: InputProblem) {
        self.location = location
        self.problem = problem
    }

    public var description: String { "\(location): \(problem)" }
}

extension InputProblem: Hashable {}

/// Something worth telling the user that did not stop a document from being stored (a date that
/// could not be read, a column that was ignored).
public struct InputNotice: Hashable, Sendable, CustomStringConvertible {
    public var location: InputLocation
    public var message: String

    public init(_ location: InputLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
