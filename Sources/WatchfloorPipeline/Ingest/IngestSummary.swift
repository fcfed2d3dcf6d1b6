import WatchfloorIngest

/// What an ingest run did, for the summary line and `--format json`.
public struct IngestSummary: Sendable, Codable {
    public var files = 0
    /// Documents read from the input (before deduplication), rejected records not included.
    public var read = 0
    public var new = 0
    public var duplicates = 0
    public var nearDuplicates = 0
    public var rejected = 0
    public var events = 0
    public var notices = 0
    public var bytes = 0
    public var seconds = 0.0
    /// Of ``seconds``, the time spent rebuilding a deferred full-text index at the end.
    public var indexSeconds = 0.0
    /// Rejections by reason (the message without its location), most frequent first when printed.
    public var rejectionReasons: [String: Int] = [:]

    public init() {}

    public var documentsPerSecond: Double { seconds > 0 ? Double(read) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }

    mutating func record(_ rejection: Rejection) {
        rejected += 1
        rejectionReasons[Self.reason(rejection.problem), default: 0] += 1
    }

    /// The kind of problem, without record-specific detail, for grouping.
    static func reason(_ problem: InputProblem) -> String {
        switch problem {
        case .unreadable: "unreadable file"
        case .empty: "empty file"
        case .noText: "no text"
        case .binary: "binary file"
        case .invalidUTF8, .invalidText: "invalid text encoding"
        case .unsupportedEncoding: "unsupported encoding"
        case .truncated: "truncated record"
        case .malformed: "malformed record"
        case .tooLarge: "too large"
        }
    }

    enum CodingKeys: String, CodingKey {
        case files, read, new, duplicates, notices, bytes, seconds, rejected, events
        case nearDuplicates = "near_duplicates"
        case indexSeconds = "index_seconds"
        case rejectionReasons = "rejection_reasons"
    }
}

/// How far an ingest has got, for a progress display.
public struct IngestProgress: Sendable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var documents: Int
    public var currentFile: String

    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0 }
}
