import Watchfloor

/// A document as a reader found it: raw text and whatever metadata the format carried, before
/// normalisation, hashing and source resolution (see ``DocumentBuilder``).
public struct ParsedDocument: Sendable, Hashable {
    public var text: String
    public var title: String?
    public var url: String?
    /// The input's own id for the document (a JSON Lines `id`, a feed item's guid).
    public var externalID: String?
    /// The outlet named by the record itself (JSON Lines `outlet`, a CSV column).
    public var outlet: String?
    /// The outlet implied by the container (a feed's channel title, a page's `og:site_name`);
    /// weaker than ``outlet`` and than `--source`.
    public var containerOutlet: String?
    public var sourceKind: SourceKind?
    public var language: Language?
    /// The publication date as written in the input.
    public var published: String?
    public var location: InputLocation

    public init(
        text: String, location: InputLocation, title: String? = nil, url: String? = nil, externalID: String? = nil,
        outlet: String? = nil, containerOutlet: String? = nil, sourceKind: SourceKind? = nil,
        language: Language? = nil, published: String? = nil
    ) {
        self.text = text
        self.location = location
        self.title = title
        self.url = url
        self.externalID = externalID
        self.outlet = outlet
        self.containerOutlet = containerOutlet
        self.sourceKind = sourceKind
        self.language = language
        self.published = published
    }
}

/// What a reader reports while it reads a file.
public enum ReadItem: Sendable {
    case document(ParsedDocument)
    case rejection(Rejection)
    case notice(InputNotice)
    /// `bytes` more of the file have been read (for progress display).
    case progress(bytes: Int)
}

/// Limits that keep one hostile input from exhausting memory.
public struct IngestLimits: Sendable, Hashable {
    /// The largest file read whole (text, Markdown, HTML, feeds). JSON Lines and CSV stream and
    /// have no file limit.
    public var maxFileBytes: Int
    /// The largest document text (UTF-8 bytes, after extraction) stored.
    public var maxDocumentBytes: Int
    /// The longest JSON Lines line or CSV record.
    public var maxRecordBytes: Int

    public init(maxFileBytes: Int = 16 << 20, maxDocumentBytes: Int = 4 << 20, maxRecordBytes: Int = 16 << 20) {
        self.maxFileBytes = maxFileBytes
        self.maxDocumentBytes = maxDocumentBytes
        self.maxRecordBytes = maxRecordBytes
    }
}

/// A byte count for people: `1.5 MB`.
func formatBytes(_ count: Int) -> String {
    let units = ["bytes", "KB", "MB", "GB"]
    var value = Double(count)
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
        value /= 1000
        unit += 1
    }
    if unit == 0 { return "\(count) bytes" }
    let rounded = (value * 10).rounded() / 10
    return "\(rounded) \(units[unit])"
}
