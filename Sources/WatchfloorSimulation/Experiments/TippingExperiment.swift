import Watchfloor

/// Epstein's (2002, Figs. 9–10) experiment on the gift-politics model: does withdrawing gifts
/// all at once set off an outburst of public discontent that withdrawing them in small steps
/// does not — and under which arrest rule?
///
/// The base scenario is run with a budget ample enough to serve every bereaved family on time
/// until ``withdrawalWeek``; then the budget is cut to nothing either at once or in
/// ``gradualSteps`` equal steps over ``gradualWeeks``. The outcome records the peak share of
/// bereaved families publicly discontent after the withdrawal began, and the share privately
/// resentful at the end (which both withdrawals drive to the same level).
///
/// ```swift
/// let outcomes = TippingExperiment(base: baseline).run(seeds: [1, 2, 3])
/// for o in outcomes { print(o.rule, o.withdrawal, o.peakDiscontentShare) }
/// ```
public struct TippingExperiment: Sendable {
    public enum Withdrawal: String, Sendable, CaseIterable {
        case sudden
        case gradual
    }

    public struct Outcome: Sendable, Equatable {
        public var rule: ArrestRule
        public var withdrawal: Withdrawal
        public var seed: UInt64
        /// The highest weekly share of bereaved families publicly discontent after withdrawal began.
        public var peakDiscontentShare: Double
        public var peakWeek: Int
        /// The highest weekly count of families punished after withdrawal began.
        public var peakPunished: Int
        /// The lowest mean fear (R · P) of bereaved families after withdrawal began: under the
        /// floored rule, fear collapses where the discontented outnumber the agents.
        public var minimumFear: Double
        /// Shares at the end of the run.
        public var finalResentfulShare: Double
        public var finalDiscontentShare: Double
    }

    public var base: Scenario
    public var withdrawalWeek: Int
    public var gradualWeeks: Int
    public var gradualSteps: Int
    public var weeksAfter: Int
    /// The weekly budget before withdrawal, as a multiple of what serving every bereaved family
    /// on time would cost at the withdrawal week.
    public var ampleBudget: Double

    public init(
        base: Scenario, withdrawalWeek: Int = 104, gradualWeeks: Int = 104, gradualSteps: Int = 26,
        weeksAfter: Int = 156, ampleBudget: Double = 4000
    ) {
        self.base = base
        self.withdrawalWeek = withdrawalWeek
        self.gradualWeeks = gradualWeeks
        self.gradualSteps = gradualSteps
        self.weeksAfter = weeksAfter
        self.ampleBudget = ampleBudget
    }

    /// The scenario of one arm of the experiment.
    public func scenario(rule: ArrestRule, withdrawal: Withdrawal) -> Scenario {
        var scenario = base
        scenario.name = "\(base.name)-tipping-\(rule.rawValue)-\(withdrawal.rawValue)"
        scenario.weeks = withdrawalWeek + weeksAfter
        scenario.control.arrestRule = rule
        scenario.budget.weekly = ampleBudget
        let ramp = withdrawal == .sudden ? 0 : gradualWeeks
        let steps = withdrawal == .sudden ? 1 : gradualSteps
        // Casualties stop when the withdrawal begins, so that the number of bereaved families is
        // the same in both arms and only the pace of the withdrawal differs.
        scenario.shifts = [
            ScenarioShift(kind: .budgetCut, week: withdrawalWeek, factor: 0, rampWeeks: ramp, steps: steps),
            ScenarioShift(kind: .casualtySurge, week: withdrawalWeek, factor: 0),
        ]
        return scenario
    }

    /// Runs every arm (both rules × both withdrawals) for every seed.
    public func run(seeds: [UInt64]) -> [Outcome] {
        var outcomes: [Outcome] = []
        for rule in ArrestRule.allCases {
            for withdrawal in Withdrawal.allCases {
                for seed in seeds {
                    outcomes.append(outcome(rule: rule, withdrawal: withdrawal, seed: seed))
                }
            }
        }
        return outcomes
    }

    /// The national weekly records of one arm.
    public func series(rule: ArrestRule, withdrawal: Withdrawal, seed: UInt64) -> [ProvinceWeek] {
        var model = GiftPoliticsModel(scenario: scenario(rule: rule, withdrawal: withdrawal), seed: seed)
        return model.run().national
    }

    public func outcome(rule: ArrestRule, withdrawal: Withdrawal, seed: UInt64) -> Outcome {
        outcome(rule: rule, withdrawal: withdrawal, seed: seed, national: series(rule: rule, withdrawal: withdrawal, seed: seed))
    }

    func outcome(rule: ArrestRule, withdrawal: Withdrawal, seed: UInt64, national: [ProvinceWeek]) -> Outcome {
        let after = national.filter { $0.week >= withdrawalWeek }
        let peak = after.max { $0.discontentShare < $1.discontentShare }!
        let last = national.last!
        return Outcome(
            rule: rule, withdrawal: withdrawal, seed: seed, peakDiscontentShare: peak.discontentShare,
            peakWeek: peak.week, peakPunished: after.map(\.punished).max() ?? 0,
            minimumFear: after.map(\.meanFear).min() ?? 0,
            finalResentfulShare: last.resentfulShare, finalDiscontentShare: last.discontentShare)
    }
}
