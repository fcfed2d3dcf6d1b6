import Watchfloor

/// A warning as the contract in DESIGN.md writes it ("Warnings JSON"), with its id, title and
/// figures besides.
public struct WarningRecord: Encodable, Sendable {
    public var warning: Warning

    public init(_ warning: Warning) { self.warning = warning }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, province, types, onset, score, explanation, events, figures
        case detectedOn = "detected_on"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(warning.id, forKey: .id)
        try c.encode(warning.kind.rawValue, forKey: .kind)
        try c.encode(warning.kind.title, forKey: .title)
        try c.encode(warning.province?.code, forKey: .province)
        try c.encode(warning.types.map(\.rawValue), forKey: .types)
        try c.encode(warning.onset.description, forKey: .onset)
        try c.encode(warning.detectedOn.description, forKey: .detectedOn)
        try c.encode((warning.score * 1000).rounded() / 1000, forKey: .score)
        try c.encode(warning.explanation, forKey: .explanation)
        try c.encode(warning.events, forKey: .events)
        try c.encode(warning.figures, forKey: .figures)
    }
}
