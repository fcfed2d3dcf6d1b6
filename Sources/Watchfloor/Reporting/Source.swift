/// What kind of outlet a source is. State media carries the *central narrative*; insider outlets
/// with in-country sources carry *provincial reporting*; the narrative-gap warning (W4) compares
/// the two.
public enum SourceKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case stateMedia = "state_media"
    case insider
    case wire
    case government
    case thinkTank = "think_tank"
    case other

    public var description: String { rawValue }

    /// State media: what the regime says about itself.
    public var isCentralNarrative: Bool { self == .stateMedia }

    /// Insider and defector outlets with provincial sources.
    public var isProvincialReporting: Bool { self == .insider }
}

/// The Admiralty (NATO STANAG 2511) grade of a source's reliability.
public enum Reliability: String, Codable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// Completely reliable.
    case a = "A"
    /// Usually reliable.
    case b = "B"
    /// Fairly reliable.
    case c = "C"
    /// Not usually reliable.
    case d = "D"
    /// Unreliable.
    case e = "E"
    /// Reliability cannot be judged.
    case f = "F"

    public init?(grade: some StringProtocol) {
        self.init(rawValue: grade.uppercased())
    }

    public var description: String { rawValue }

    /// The weight a report from a source of this grade carries in reliability-weighted indicators.
    /// "Cannot be judged" (F) sits between fairly and not usually reliable: an unknown outlet is
    /// neither trusted nor discounted as if known to be bad.
    public var weight: Double {
        switch self {
        case .a: 1.0
        case .b: 0.85
        case .c: 0.7
        case .d: 0.45
        case .e: 0.25
        case .f: 0.55
        }
    }

    public var meaning: String {
        switch self {
        case .a: "completely reliable"
        case .b: "usually reliable"
        case .c: "fairly reliable"
        case .d: "not usually reliable"
        case .e: "unreliable"
        case .f: "reliability cannot be judged"
        }
    }

    public static func < (lhs: Reliability, rhs: Reliability) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An outlet that publishes reporting.
public struct Source: Hashable, Codable, Sendable {
    public var name: String
    public var kind: SourceKind
    public var reliability: Reliability
    public var language: Language?

    public init(name: String, kind: SourceKind, reliability: Reliability = .f, language: Language? = nil) {
        self.name = name
        self.kind = kind
        self.reliability = reliability
        self.language = language
    }

    /// The source that documents with no named outlet are filed under.
    public static let unknown = Source(name: "unknown", kind: .other, reliability: .f)
}
