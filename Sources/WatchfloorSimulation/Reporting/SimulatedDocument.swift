import Watchfloor

/// One piece of simulated reporting, with the events it reports (its gold label) and what the
/// simulation knows about it that the text does not say.
public struct SimulatedDocument: Sendable, Hashable {
    /// The line written to `reporting.jsonl`.
    public var record: ReportingRecord
    /// The events the text reports, as a careful analyst would code them.
    public var events: [GoldEvent]
    /// The week of the model the document observed.
    public var week: Int
    /// What the outlet was reporting on.
    public var happening: Happening
    /// The province whose truth the outlet observed (the text may name another when misplaced).
    public var observedProvince: Province?
    /// The text reports something that did not happen that week in that province.
    public var falseReport: Bool
    /// The text names a neighbouring province instead of the one observed.
    public var misplaced: Bool
    /// The id of the story this one copies, for syndicated near-duplicates.
    public var syndicatedFrom: String?

    /// The document's line in the gold format (`truth/labels.jsonl`).
    public var gold: GoldRecord { GoldRecord(record: record, events: events) }

    public var published: Day { Day(record.published ?? "")! }
}

/// A line of `truth/labels.jsonl`: the gold record plus a `simulated` object that a gold reader
/// ignores and a scorer may use (false reports, syndicated copies, misplaced provinces).
struct LabelLine: Encodable {
    struct Simulated: Encodable {
        var week: Int
        var happening: String
        @ExplicitNull var observedProvince: Province?
        var falseReport: Bool
        var misplaced: Bool
        @ExplicitNull var syndicatedFrom: String?

        enum CodingKeys: String, CodingKey {
            case week, happening
            case observedProvince = "observed_province"
            case falseReport = "false_report"
            case misplaced
            case syndicatedFrom = "syndicated_from"
        }
    }

    var document: SimulatedDocument

    enum CodingKeys: String, CodingKey { case simulated }

    func encode(to encoder: any Encoder) throws {
        try document.gold.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            Simulated(
                week: document.week, happening: document.happening.rawValue, observedProvince: document.observedProvince,
                falseReport: document.falseReport, misplaced: document.misplaced, syndicatedFrom: document.syndicatedFrom),
            forKey: .simulated)
    }
}
