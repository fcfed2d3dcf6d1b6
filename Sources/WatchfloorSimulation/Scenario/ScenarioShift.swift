import Watchfloor

/// A change injected into a run at a known week: the ground truth that the warnings are scored
/// against.
///
/// ```yaml
/// shifts:
///   - kind: budget_cut
///     provinces: [KP-09]
///     week: 60
///     factor: 0.3          # the province keeps 30% of its allocation
///     warnings: [W1]       # the warning this shift should raise (default by kind)
/// ```
public struct ScenarioShift: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The support budget (nationally, or a province's allocation) is multiplied by `factor`.
        case budgetCut = "budget_cut"
        /// Gifts and condolence visits stop in the provinces; central ceremonies go on.
        case giftsStopped = "gifts_stopped"
        /// Control agents are multiplied by `factor`.
        case crackdown
        /// The casualty rate is multiplied by `factor`.
        case casualtySurge = "casualty_surge"
        /// The deployment rate is multiplied by `factor`.
        case deploymentSurge = "deployment_surge"
        /// The exchange changes: arms and deployment multiplied by `factor`, technology and
        /// energy flowing back multiplied by `tech_factor`.
        case allianceShift = "alliance_shift"

        /// The warnings a shift of this kind should raise unless the scenario says otherwise.
        public var defaultWarnings: [WarningKind] {
            switch self {
            case .budgetCut: [.giftFlowDisruption]
            case .giftsStopped: [.silence, .giftFlowDisruption]
            case .crackdown: [.hollowGratitude, .narrativeGap]
            case .casualtySurge: [.hollowGratitude]
            case .deploymentSurge, .allianceShift: [.allianceShift]
            }
        }
    }

    public var kind: Kind
    /// Empty for a national shift.
    public var provinces: [Province]
    /// The week it starts (its first step, when ramped).
    public var week: Int
    /// The week it ends (exclusive), or `nil` for the rest of the run.
    public var untilWeek: Int?
    /// The multiplier reached at the end of the ramp.
    public var factor: Double
    /// For `alliance_shift`: the multiplier of technology and energy transfers.
    public var techFactor: Double
    /// 0 for a change at once; otherwise the factor is reached in ``steps`` equal steps over
    /// this many weeks.
    public var rampWeeks: Int
    public var steps: Int
    public var warnings: [WarningKind]
    public var note: String?

    public init(
        kind: Kind, provinces: [Province] = [], week: Int, untilWeek: Int? = nil, factor: Double,
        techFactor: Double = 1, rampWeeks: Int = 0, steps: Int = 1, warnings: [WarningKind]? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.provinces = provinces
        self.week = week
        self.untilWeek = untilWeek
        self.factor = factor
        self.techFactor = techFactor
        self.rampWeeks = rampWeeks
        self.steps = max(1, steps)
        self.warnings = warnings ?? kind.defaultWarnings
        self.note = note
    }

    public var isNational: Bool { provinces.isEmpty }

    public func applies(to province: Province) -> Bool { provinces.isEmpty || provinces.contains(province) }

    /// Whether the shift is in force in `week`.
    public func isActive(inWeek week: Int) -> Bool {
        week >= self.week && (untilWeek.map { week < $0 } ?? true)
    }

    /// The multiplier in force in `week`: 1 outside the shift, `target` at the end of the ramp,
    /// equal steps in between.
    public func multiplier(inWeek week: Int, target: Double? = nil) -> Double {
        let target = target ?? factor
        guard isActive(inWeek: week) else { return 1 }
        guard rampWeeks > 0 else { return target }
        let stepLength = max(1, rampWeeks / steps)
        let reached = min(steps, (week - self.week) / stepLength + 1)
        return 1 + (target - 1) * Double(reached) / Double(steps)
    }

    /// A one-line account for `shifts.json` and the summary.
    public var summary: String {
        let place = provinces.isEmpty ? "nationally" : "in " + provinces.map(\.code).joined(separator: ", ")
        let ramp = rampWeeks > 0 ? " in \(steps) steps over \(rampWeeks) weeks" : ""
        let until = untilWeek.map { " until week \($0)" } ?? ""
        let what: String
        switch kind {
        case .budgetCut: what = "support budget multiplied by \(factor)"
        case .giftsStopped: what = "gifts and condolence visits stopped"
        case .crackdown: what = "control agents multiplied by \(factor)"
        case .casualtySurge: what = "casualty rate multiplied by \(factor)"
        case .deploymentSurge: what = "deployment rate multiplied by \(factor)"
        case .allianceShift: what = "arms and deployment multiplied by \(factor), technology and energy by \(techFactor)"
        }
        return "\(what) \(place) from week \(week)\(ramp)\(until)" + (note.map { ": \($0)" } ?? "")
    }
}

extension Array where Element == ScenarioShift {
    /// The product of the multipliers of every shift of `kind` in force in `week` for `province`
    /// (or national shifts only, when `province` is nil).
    func multiplier(_ kind: ScenarioShift.Kind, week: Int, province: Province? = nil) -> Double {
        var value = 1.0
        for shift in self where shift.kind == kind {
            if let province {
                guard shift.applies(to: province) else { continue }
            } else {
                guard shift.isNational else { continue }
            }
            value *= shift.multiplier(inWeek: week)
        }
        return value
    }

    func giftsStopped(in province: Province, week: Int) -> Bool {
        contains { $0.kind == .giftsStopped && $0.applies(to: province) && $0.isActive(inWeek: week) }
    }
}
