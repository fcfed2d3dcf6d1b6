/// One line of the JSON Lines reporting format (DESIGN.md): only `text` is required.
///
/// ```json
/// {"id": "r-17", "url": "https://…", "title": "…", "outlet": "Daily NK", "source_kind": "insider",
///  "language": "en", "published": "2025-10-24", "text": "…"}
/// ```
public struct ReportingRecord: Hashable, Codable, Sendable {
    public var id: String?
    public var url: String?
    public var title: String?
    public var outlet: String?
    public var sourceKind: SourceKind?
    public var language: Language?
    /// As written: `YYYY-MM-DD` or a longer ISO 8601 timestamp.
    public var published: String?
    public var text: String

    public init(
        id: String? = nil, url: String? = nil, title: String? = nil, outlet: String? = nil,
        sourceKind: SourceKind? = nil, language: Language? = nil, published: String? = nil, text: String
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.outlet = outlet
        self.sourceKind = sourceKind
        self.language = language
        self.published = published
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, url, title, outlet, language, published, text
        case sourceKind = "source_kind"
    }
}

/// A labelled event in the gold format: type, province and sincerity.
public struct GoldEvent: Hashable, Codable, Sendable {
    public var type: EventType
    public var province: Province?
    public var sincerity: Sincerity?

    public init(type: EventType, province: Province? = nil, sincerity: Sincerity? = nil) {
        self.type = type
        self.province = province
        self.sincerity = sincerity
    }

    // Gold files write `null` explicitly; keep those keys when encoding.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(province, forKey: .province)
        try container.encode(sincerity, forKey: .sincerity)
    }
}

/// A line of a gold file: a reporting record plus the events a careful analyst codes in it.
/// An empty `events` list means the passage reports no codable event.
public struct GoldRecord: Hashable, Codable, Sendable {
    public var record: ReportingRecord
    public var events: [GoldEvent]

    public init(record: ReportingRecord, events: [GoldEvent]) {
        self.record = record
        self.events = events
    }

    enum CodingKeys: String, CodingKey { case events }

    public init(from decoder: any Decoder) throws {
        record = try ReportingRecord(from: decoder)
        events = try decoder.container(keyedBy: CodingKeys.self).decode([GoldEvent].self, forKey: .events)
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
    }
}
