import Foundation

/// The tipping experiment run over several seeds, ready to write: `tipping.json` (one outcome
/// per arm and seed, and the medians per arm) and `tipping.csv` (the weekly national series of
/// every arm, for plotting as Epstein's Figs. 9–10).
public struct TippingReport: Sendable {
    public var experiment: TippingExperiment
    public var seeds: [UInt64]
    public var outcomes: [TippingExperiment.Outcome] = []
    /// Per arm ("floored/sudden", …), the weekly national records of each seed.
    var series: [(rule: ArrestRule, withdrawal: TippingExperiment.Withdrawal, seed: UInt64, weeks: [ProvinceWeek])] = []

    public init(experiment: TippingExperiment, seeds: [UInt64]) {
        self.experiment = experiment
        self.seeds = seeds
        for rule in ArrestRule.allCases {
            for withdrawal in TippingExperiment.Withdrawal.allCases {
                for seed in seeds {
                    let weeks = experiment.series(rule: rule, withdrawal: withdrawal, seed: seed)
                    series.append((rule, withdrawal, seed, weeks))
                    outcomes.append(experiment.outcome(rule: rule, withdrawal: withdrawal, seed: seed, national: weeks))
                }
            }
        }
    }

    /// The median peak share publicly discontent of one arm over the seeds.
    public func medianPeak(rule: ArrestRule, withdrawal: TippingExperiment.Withdrawal) -> Double {
        let peaks = outcomes.filter { $0.rule == rule && $0.withdrawal == withdrawal }.map(\.peakDiscontentShare).sorted()
        return peaks[peaks.count / 2]
    }

    public func csv() -> String {
        var lines = ["rule,withdrawal,seed,week,bereaved,resentful_share,discontent_share,punished,silenced,mean_fear,gifts"]
        for arm in series {
            for r in arm.weeks {
                lines.append(
                    [
                        arm.rule.rawValue, arm.withdrawal.rawValue, String(arm.seed), String(r.week), String(r.bereaved),
                        fixed(r.resentfulShare), fixed(r.discontentShare), String(r.punished), String(r.silenced),
                        fixed(r.meanFear), String(r.gifts),
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> Data {
        var arms: [[String: Any]] = []
        for rule in ArrestRule.allCases {
            for withdrawal in TippingExperiment.Withdrawal.allCases {
                let mine = outcomes.filter { $0.rule == rule && $0.withdrawal == withdrawal }
                arms.append([
                    "rule": rule.rawValue, "withdrawal": withdrawal.rawValue,
                    "median_peak_discontent_share": medianPeak(rule: rule, withdrawal: withdrawal),
                    "peak_discontent_share": mine.map(\.peakDiscontentShare),
                    "peak_week": mine.map(\.peakWeek), "peak_punished": mine.map(\.peakPunished),
                    "minimum_mean_fear": mine.map(\.minimumFear),
                    "final_resentful_share": mine.map(\.finalResentfulShare),
                ])
            }
        }
        let object: [String: Any] = [
            "scenario": experiment.base.name, "seeds": seeds.map { Int($0) },
            "withdrawal_week": experiment.withdrawalWeek, "gradual_weeks": experiment.gradualWeeks,
            "gradual_steps": experiment.gradualSteps, "weeks_after": experiment.weeksAfter,
            "ample_budget": experiment.ampleBudget, "families": experiment.base.families, "arms": arms,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
