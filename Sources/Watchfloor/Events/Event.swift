/// Whether public gratitude is reported as heartfelt, coerced or staged, or cannot be told.
public enum Sincerity: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case sincere
    case coerced
    case unclear

    public var description: String { rawValue }
}

/// Where an event stands in analyst review. Machine-coded events start as `machine`.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case machine
    case accepted
    case rejected
    case edited

    public var description: String { rawValue }
}

/// A half-open range of Unicode scalar offsets into a document's normalised text.
///
/// Offsets count Unicode scalars (code points), as Python's `str` does, so that a consumer of the
/// JSON export can slice the document text with them directly.
public struct TextSpan: Hashable, Codable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a text span runs forwards: \(start) > \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// One cue that matched in the evidence sentence, and the role it played.
public struct CueMatch: Hashable, Codable, Sendable {
    /// The role in the codebook rule (`trigger`, `item`, `recipient`, `negation`, `place`, ...).
    public var role: String
    /// The cue as written in the pack.
    public var cue: String
    public var span: TextSpan
    /// The language file of the pack the cue came from (`ru`, `ja`, …); `nil` for the pack's own
    /// files (English and Korean).
    public var language: Language?

    public init(role: String, cue: String, span: TextSpan, language: Language? = nil) {
        self.role = role
        self.cue = cue
        self.span = span
        self.language = language
    }

    /// `trigger "погиб*" [ru]`, for listings.
    public var label: String {
        "\(role) \"\(cue)\"" + (language.map { " [\($0)]" } ?? "")
    }
}

/// Why an event was coded: the sentence it came from and the cues that matched in it.
public struct Evidence: Hashable, Codable, Sendable {
    public var sentence: TextSpan
    public var text: String
    public var cues: [CueMatch]
    /// The codebook rule that fired, e.g. `GIFT_DELIVERY/delivery`.
    public var rule: String?

    public init(sentence: TextSpan, text: String, cues: [CueMatch] = [], rule: String? = nil) {
        self.sentence = sentence
        self.text = text
        self.cues = cues
        self.rule = rule
    }
}

/// Attributes an event carries besides its type, place and date, as named by the codebook:
/// `item` (food, necessities, housing, cash, privilege), `occasion`, `actor_level` (leader,
/// central, provincial, local), `sincerity` (for gratitude).
public struct EventAttributes: Hashable, Codable, Sendable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    public var sincerity: Sincerity? {
        get { values["sincerity"].flatMap(Sincerity.init(rawValue:)) }
        set { values["sincerity"] = newValue?.rawValue }
    }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

/// A coded, sourced event: something the reporting says happened, where and when, with the
/// sentence that says it.
public struct Event: Hashable, Codable, Sendable {
    /// The store's id; `nil` until stored.
    public var id: Int64?
    public var document: DocumentID
    public var type: EventType
    public var province: Province?
    public var date: EventDate?
    public var attributes: EventAttributes
    /// 0...1, from the strength of the cues and their context.
    public var confidence: Double
    public var evidence: Evidence
    public var status: ReviewStatus
    public var reviewer: String?

    public init(
        id: Int64? = nil, document: DocumentID, type: EventType, province: Province? = nil, date: EventDate? = nil,
        attributes: EventAttributes = EventAttributes(), confidence: Double, evidence: Evidence,
        status: ReviewStatus = .machine, reviewer: String? = nil
    ) {
        self.id = id
        self.document = document
        self.type = type
        self.province = province
        self.date = date
        self.attributes = attributes
        self.confidence = confidence
        self.evidence = evidence
        self.status = status
        self.reviewer = reviewer
    }

    public var sincerity: Sincerity? { attributes.sincerity }
}
