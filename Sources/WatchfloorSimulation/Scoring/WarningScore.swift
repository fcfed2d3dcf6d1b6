import Watchfloor

/// The result of ``WarningScorer/score(warnings:shifts:latent:period:)`` (`warnings` in `score.json`).
public struct WarningScore: Sendable, Encodable {
    /// A named (injected) shift and the earliest warning that found it.
    public struct Detection: Sendable, Encodable {
        public var shift: InjectedShift
        /// The index in the scored warnings of the earliest matching warning.
        @ExplicitNull public var warning: Int?
        @ExplicitNull public var detectedOn: Day?
        @ExplicitNull public var delayDays: Int?
        /// How much the shift moved what its kind watches (when the latent truth was given).
        @ExplicitNull public var magnitude: LatentTruth.Magnitude?

        enum CodingKeys: String, CodingKey {
            case shift, warning, magnitude
            case detectedOn = "detected_on"
            case delayDays = "delay_days"
        }
    }

    /// A latent change and the earliest warning that found it.
    public struct ChangeDetection: Sendable, Encodable {
        public var change: LatentChange
        @ExplicitNull public var warning: Int?
        @ExplicitNull public var detectedOn: Day?
        @ExplicitNull public var delayDays: Int?

        enum CodingKeys: String, CodingKey {
            case change, warning
            case detectedOn = "detected_on"
            case delayDays = "delay_days"
        }
    }

    public struct KindScore: Sendable, Encodable, Equatable {
        /// Named shifts of the kind, found, missed, found within the target delay.
        public var shifts: Int
        public var detected: Int
        public var missed: Int
        public var detectedWithinTarget: Int
        public var delaysDays: [Int]
        @ExplicitNull public var medianDelayDays: Double?
        @ExplicitNull public var meanDelayDays: Double?
        /// Latent changes the kind is expected to find (named or not), found, found within target.
        public var changes: Int
        public var changesDetected: Int
        public var changesDetectedWithinTarget: Int
        public var changeDelaysDays: [Int]
        /// The kind's warnings: on a named shift, on a real change nobody named, false.
        public var warnings: Int
        public var warningsOnNamedShifts: Int
        public var warningsOnUnnamedChanges: Int
        public var falseAlarms: Int
        @ExplicitNull public var falseAlarmsPerYear: Double?

        enum CodingKeys: String, CodingKey {
            case shifts, detected, missed, changes, warnings
            case detectedWithinTarget = "detected_within_target"
            case delaysDays = "delays_days"
            case medianDelayDays = "median_delay_days"
            case meanDelayDays = "mean_delay_days"
            case changesDetected = "changes_detected"
            case changesDetectedWithinTarget = "changes_detected_within_target"
            case changeDelaysDays = "change_delays_days"
            case warningsOnNamedShifts = "warnings_on_named_shifts"
            case warningsOnUnnamedChanges = "warnings_on_unnamed_changes"
            case falseAlarms = "false_alarms"
            case falseAlarmsPerYear = "false_alarms_per_year"
        }
    }

    public var detections: [Detection]
    /// Every latent change found in the truth (those a kind is not expected to find included:
    /// see ``LatentChange/expected``).
    public var changes: [ChangeDetection]
    /// Per warning kind that had a shift, a change to find, or a warning.
    public var kinds: [WarningKind: KindScore]
    /// Indices of the warnings that matched neither a named shift nor a latent change.
    public var falseAlarms: [Int]
    /// Indices of the warnings that matched a latent change but no named shift.
    public var unnamedChangeWarnings: [Int]
    public var targetDays: Int

    enum CodingKeys: String, CodingKey {
        case detections, changes, kinds
        case falseAlarms = "false_alarms"
        case unnamedChangeWarnings = "unnamed_change_warnings"
        case targetDays = "target_days"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(detections, forKey: .detections)
        try c.encode(changes, forKey: .changes)
        try c.encode(Dictionary(uniqueKeysWithValues: kinds.map { ($0.key.rawValue, $0.value) }), forKey: .kinds)
        try c.encode(falseAlarms, forKey: .falseAlarms)
        try c.encode(unnamedChangeWarnings, forKey: .unnamedChangeWarnings)
        try c.encode(targetDays, forKey: .targetDays)
    }
}
