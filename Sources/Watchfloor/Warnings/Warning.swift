/// The five warnings of the gift-politics subject (see DESIGN.md).
public enum WarningKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Gift-flow disruption: fewer gifts and visits, or more reports of support cut or delayed.
    case giftFlowDisruption = "W1"
    /// Hollow gratitude: public thanks increasingly reported as coerced; discontent rising.
    case hollowGratitude = "W2"
    /// Silence: a province that used to report unofficial aid stops altogether.
    case silence = "W3"
    /// Narrative gap: state media and provincial reporting diverge for the same place and period.
    case narrativeGap = "W4"
    /// Alliance-exchange shift: the flow of troops, munitions, technology or energy changes.
    case allianceShift = "W5"

    public var description: String { rawValue }

    public var title: String {
        switch self {
        case .giftFlowDisruption: "gift-flow disruption"
        case .hollowGratitude: "hollow gratitude"
        case .silence: "silence"
        case .narrativeGap: "narrative gap"
        case .allianceShift: "alliance-exchange shift"
        }
    }
}

/// A raised warning, with everything needed to explain it.
public struct Warning: Hashable, Codable, Sendable {
    public var id: Int64?
    public var kind: WarningKind
    /// `nil` for a national warning.
    public var province: Province?
    public var types: [EventType]
    /// The estimated start of the change.
    public var onset: Day
    /// The first day on which the reporting published up to and including that day was enough
    /// to raise the warning.
    public var detectedOn: Day
    /// 0...1: a posterior probability where the method gives one, otherwise a documented score.
    public var score: Double
    public var explanation: String
    /// The ids of the events that drove the warning.
    public var events: [Int64]
    /// Method-specific figures an analyst may want (expected and observed counts, rates before
    /// and after, interval bounds), by name.
    public var figures: [String: Double]

    public init(
        id: Int64? = nil, kind: WarningKind, province: Province?, types: [EventType], onset: Day, detectedOn: Day,
        score: Double, explanation: String, events: [Int64] = [], figures: [String: Double] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.province = province
        self.types = types
        self.onset = onset
        self.detectedOn = detectedOn
        self.score = score
        self.explanation = explanation
        self.events = events
        self.figures = figures
    }
}
