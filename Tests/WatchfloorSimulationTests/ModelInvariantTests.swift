import Foundation
import Testing
import Watchfloor
@testable import WatchfloorSimulation

@Suite("Model invariants")
struct ModelInvariantTests {
    @Test("every family is in exactly one status, in every province and week", arguments: ["baseline", "casualty-surge", "alliance-shift"])
    func conservationOfFamilies(name: String) throws {
        var scenario = try Fixtures.scenario(name)
        scenario.families = 5003  // not a multiple of anything: the split must still add up
        let truth = Fixtures.run(scenario)
        var bereavedBefore = [Int](repeating: 0, count: 12)
        var newlyBereavedTotal = 0
        for week in truth.weeks {
            #expect(week.provinces.map(\.families).reduce(0, +) == scenario.families)
            for (p, r) in week.provinces.enumerated() {
                #expect(r.reserve + r.deployed + r.bereaved + r.returned == r.families)
                // Bereavement is for good, and only the newly bereaved join.
                #expect(r.bereaved == bereavedBefore[p] + r.newlyBereaved)
                bereavedBefore[p] = r.bereaved
                #expect(r.resentful <= r.bereaved && r.discontent + r.falsifying <= r.bereaved)
            }
            let n = week.national
            #expect(n.families == scenario.families)
            #expect(n.reserve + n.deployed + n.bereaved + n.returned == scenario.families)
            newlyBereavedTotal += n.newlyBereaved
        }
        #expect(truth.national.last?.bereaved == newlyBereavedTotal)
        #expect(newlyBereavedTotal > 0)
    }

    @Test("the budget is never overspent, nationally or in any province", arguments: ["baseline", "budget-squeeze", "stopped-gifts"])
    func budgetNeverOverspent(name: String) throws {
        var scenario = try Fixtures.scenario(name)
        scenario.families = 8000
        scenario.budget.weekly = 180  // small enough to bind for a smaller population
        scenario.budget.policy = .pyongyangFirst  // the policy with the most arithmetic
        let truth = Fixtures.run(scenario)
        for week in truth.weeks {
            let budget = scenario.budget.weekly * scenario.shifts.multiplier(.budgetCut, week: week.week)
            var allocated = 0.0
            for r in week.provinces {
                #expect(r.budgetSpent <= r.budgetAllocated + 1e-9)
                let costs = Double(r.gifts) * scenario.budget.giftCost + Double(r.visits) * scenario.budget.visitCost
                    + Double(r.honours) * scenario.budget.honourCost
                #expect(abs(costs - r.budgetSpent) < 1e-6, "spending is exactly what was bought")
                allocated += r.budgetAllocated
            }
            #expect(allocated <= budget + 1e-6)
        }
        // The budget binds somewhere: the check above is not vacuous.
        #expect(truth.weeks.contains { week in
            week.provinces.contains { $0.budgetAllocated > 10 && $0.budgetSpent > 0.95 * $0.budgetAllocated }
        })
    }

    @Test("every policy allocates at most the budget")
    func policiesAllocateAtMostTheBudget() {
        let bereaved = [120, 300, 0, 45, 80, 80, 60, 150, 140, 70, 5, 40]
        let visibility = [1.0, 0.6, 0.5, 0.35, 0.4, 0.4, 0.35, 0.45, 0.35, 0.25, 0.3, 0.5]
        for policy in TargetingPolicy.allCases {
            for budget in [0.0, 10, 500, 1e6] {
                let shares = policy.allocate(
                    budget: budget, bereaved: bereaved, visibility: visibility, fullNeed: bereaved.map { Double($0) / 4 })
                #expect(shares.reduce(0, +) <= budget + 1e-9)
                #expect(shares.allSatisfy { $0 >= 0 })
                #expect(shares[2] == 0, "\(policy): no bereaved, no money")
            }
        }
        let first = TargetingPolicy.pyongyangFirst.allocate(
            budget: 100, bereaved: bereaved, visibility: visibility, fullNeed: bereaved.map { Double($0) / 4 })
        #expect(first[0] == 30, "Pyongyang's full need (120 / 4) comes first")
    }

    @Test("a run is determined by its seed")
    func determinism() throws {
        let scenario = try Fixtures.smallBaseline()
        let library = try Fixtures.library()
        let a = Fixtures.run(scenario, seed: 42)
        let b = Fixtures.run(scenario, seed: 42)
        let c = Fixtures.run(scenario, seed: 43)
        #expect(a.latentCSV() == b.latentCSV())
        #expect(a.exchangeCSV() == b.exchangeCSV())
        #expect(a.latentCSV() != c.latentCSV())
        let reportingA = ReportingGenerator(library: library, truth: a).documents()
        let reportingB = ReportingGenerator(library: library, truth: b).documents()
        #expect(reportingA == reportingB)
        #expect(reportingA != ReportingGenerator(library: library, truth: c).documents())
    }

    @Test("stepping week by week is the same as running")
    func stepsEqualRun() throws {
        let scenario = try Fixtures.smallBaseline(weeks: 30)
        var stepped = GiftPoliticsModel(scenario: scenario, seed: 5)
        var records: [WeekRecord] = []
        for _ in 0..<30 { records.append(stepped.step()) }
        #expect(records == Fixtures.run(scenario, seed: 5).weeks)
        #expect(stepped.week == 30)
    }

    @Test("the generator's draws do not depend on the platform")
    func generatorIsFixed() {
        var random = SeededGenerator(seed: 0)
        // xoshiro256** seeded by SplitMix64(0): the reference implementation's first outputs.
        #expect(random.next() == 0x99EC_5F36_CB75_F2B4)
        #expect(random.next() == 0xBF6E_1F78_4956_452A)
        var poisson = SeededGenerator(seed: 9)
        let mean = (0..<20_000).map { _ in Double(poisson.poisson(mean: 3.5)) }.reduce(0, +) / 20_000
        #expect(abs(mean - 3.5) < 0.05)
    }
}
