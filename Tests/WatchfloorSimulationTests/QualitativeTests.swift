import Foundation
import Testing
import Watchfloor
@testable import WatchfloorSimulation

/// The model's qualitative behaviour that the issue asks to hold, each against a counterfactual
/// run with the same seed.
@Suite("Qualitative behaviour")
struct QualitativeTests {
    @Test("with no gifts the strain horizon comes earlier than with gifts")
    func noGiftsStrainEarlier() throws {
        let withGifts = try Fixtures.smallBaseline()
        var noGifts = withGifts
        noGifts.budget.weekly = 0
        let early = Fixtures.medianStrainWeek(noGifts, seeds: 1...5)
        let late = Fixtures.medianStrainWeek(withGifts, seeds: 1...5)
        #expect(early < late)
        #expect(late - early >= 20, "gifts buy months, not days: \(early) vs \(late)")
    }

    @Test("a budget cut in a province shows in that province's truth before the national one")
    func provincialCutShowsFirstInProvince() throws {
        var scenario = try Fixtures.smallBaseline(families: 10_000)
        let counterfactual = scenario
        scenario.shifts = [ScenarioShift(kind: .budgetCut, provinces: [.northHamgyong], week: 30, factor: 0.2)]
        let cut = Fixtures.run(scenario, seed: 3)
        let base = Fixtures.run(counterfactual, seed: 3)

        // The first week from the cut in which the share of resentful bereaved families reaches
        // the strain threshold.
        let threshold = scenario.strain.threshold
        func crossing(_ series: [ProvinceWeek]) -> Int? {
            series.first { $0.week >= 30 && $0.bereaved > 0 && $0.resentfulShare >= threshold }?.week
        }
        let province = try #require(crossing(cut.series(for: .northHamgyong)))
        #expect(province < (crossing(cut.national) ?? Int.max), "the province strains before the nation")
        #expect(province < (crossing(base.series(for: .northHamgyong)) ?? Int.max), "and because of the cut")
        #expect(province <= 34, "within weeks of the cut: \(province)")
        // Gifts fall in the province at once; nationally by far less.
        let giftsCut = cut.series(for: .northHamgyong)[35].gifts
        let giftsBase = base.series(for: .northHamgyong)[35].gifts
        #expect(Double(giftsCut) < 0.5 * Double(giftsBase))
    }

    @Test("a crackdown delays public discontent while private grievance keeps rising")
    func crackdownSilencesButDoesNotAppease() throws {
        var crackdown = try Fixtures.scenario("crackdown")
        crackdown.families = 10_000
        var counterfactual = crackdown
        counterfactual.shifts = []
        let provinces: [Province] = [.northHamgyong, .ryanggang]
        func combined(_ truth: LatentSeries, week: Int) -> (discontent: Double, resentful: Double, bereaved: Int) {
            let rows = provinces.map { truth.series(for: $0)[week] }
            let bereaved = rows.map(\.bereaved).reduce(0, +)
            return (Double(rows.map(\.discontent).reduce(0, +)) / Double(bereaved),
                    Double(rows.map(\.resentful).reduce(0, +)) / Double(bereaved), bereaved)
        }
        for seed: UInt64 in 1...2 {
            let hard = Fixtures.run(crackdown, seed: seed)
            let soft = Fixtures.run(counterfactual, seed: seed)
            let window = 60..<crackdown.weeks
            let publicHard = window.map { combined(hard, week: $0).discontent }.reduce(0, +) / Double(window.count)
            let publicSoft = window.map { combined(soft, week: $0).discontent }.reduce(0, +) / Double(window.count)
            #expect(publicHard < 0.6 * publicSoft, "public discontent under the crackdown: \(publicHard) vs \(publicSoft)")

            let before = combined(hard, week: 59).resentful
            let after = combined(hard, week: crackdown.weeks - 1).resentful
            #expect(after > before + 0.1, "private resentment keeps rising: \(before) → \(after)")
            #expect(after >= combined(soft, week: crackdown.weeks - 1).resentful, "and is no lower than without the crackdown")
        }
    }

    @Test("withdrawing gifts at once sets off an outburst that withdrawing them in steps does not, under the floored rule only")
    func tipping() throws {
        let experiment = TippingExperiment(base: try Fixtures.scenario("baseline"))
        for seed: UInt64 in 1...2 {
            let floorSudden = experiment.outcome(rule: .floored, withdrawal: .sudden, seed: seed)
            let floorGradual = experiment.outcome(rule: .floored, withdrawal: .gradual, seed: seed)
            let printedSudden = experiment.outcome(rule: .asPrinted, withdrawal: .sudden, seed: seed)
            let printedGradual = experiment.outcome(rule: .asPrinted, withdrawal: .gradual, seed: seed)
            // Both withdrawals end in the same private resentment...
            #expect(abs(floorSudden.finalResentfulShare - floorGradual.finalResentfulShare) < 0.05)
            // ...but only the sudden one, under the floored rule, bursts into the open.
            #expect(floorSudden.peakDiscontentShare > 2 * floorGradual.peakDiscontentShare)
            #expect(floorSudden.peakDiscontentShare > 2 * printedSudden.peakDiscontentShare)
            #expect(printedSudden.peakDiscontentShare < 0.12)
            #expect(printedGradual.peakDiscontentShare < 0.12)
            // The outburst is fear collapsing where the discontented outnumber the agents.
            #expect(floorSudden.minimumFear < printedSudden.minimumFear - 0.05)
        }
    }
}
