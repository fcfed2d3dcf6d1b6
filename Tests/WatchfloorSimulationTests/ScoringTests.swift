import Foundation
import Testing
import Watchfloor
@testable import WatchfloorSimulation

@Suite("Scoring warnings against injected shifts")
struct ScoringTests {
    let onset = Day("2026-03-02")!

    func shift(_ kind: WarningKind, _ province: Province?, days: Int = 0) -> InjectedShift {
        InjectedShift(kind: kind, province: province, onset: onset.adding(days: days), week: 60, shift: "test", description: "")
    }

    func warning(_ kind: WarningKind, _ province: Province?, detected days: Int) -> Warning {
        Warning(
            kind: kind, province: province, types: [], onset: onset, detectedOn: onset.adding(days: days), score: 0.9,
            explanation: "")
    }

    @Test("detections, delays and false alarms per kind, by hand")
    func handComputed() {
        let shifts = [
            shift(.giftFlowDisruption, .northHamgyong),
            shift(.silence, .ryanggang),
            shift(.allianceShift, nil),
        ]
        let warnings = [
            warning(.giftFlowDisruption, .northHamgyong, detected: 30),  // detects shift 0 after 30 days
            warning(.giftFlowDisruption, .northHamgyong, detected: 12),  // ...but this one is earlier: 12
            warning(.giftFlowDisruption, .ryanggang, detected: 20),  // no W1 shift in KP-10: false alarm
            warning(.silence, .ryanggang, detected: 200),  // too late for the silence shift: false alarm
            warning(.allianceShift, .rason, detected: -5),  // a provincial warning detects a national shift
            warning(.narrativeGap, nil, detected: 3),  // no W4 shift at all: false alarm
        ]
        let score = WarningScorer().score(
            warnings: warnings, shifts: shifts, period: DayInterval(first: onset, last: onset.adding(days: 365)))
        #expect(score.detections.map(\.delayDays) == [12, nil, -5])
        #expect(score.detections.map(\.warning) == [1, nil, 4])
        #expect(score.falseAlarms == [2, 3, 5])
        let w1 = score.kinds[.giftFlowDisruption]
        #expect(w1?.shifts == 1 && w1?.detected == 1 && w1?.falseAlarms == 1 && w1?.medianDelayDays == 12)
        let w3 = score.kinds[.silence]
        #expect(w3?.detected == 0 && w3?.missed == 1 && w3?.falseAlarms == 1 && w3?.medianDelayDays == nil)
        #expect(score.kinds[.narrativeGap]?.shifts == 0 && score.kinds[.narrativeGap]?.falseAlarms == 1)
        #expect(score.kinds[.hollowGratitude] == nil, "no shift and no warning of the kind")
        let perYear = try? #require(score.kinds[.narrativeGap]?.falseAlarmsPerYear)
        #expect(abs((perYear ?? 0) - 365.25 / 366) < 1e-9)
    }

    @Test("a national warning does not detect a provincial shift; detection before the tolerance does not count")
    func boundaries() {
        let scorer = WarningScorer(earlyToleranceDays: 14, maximumDelayDays: 120)
        #expect(!scorer.matches(warning(.giftFlowDisruption, nil, detected: 5), shift(.giftFlowDisruption, .northHamgyong)))
        #expect(scorer.matches(warning(.giftFlowDisruption, .northHamgyong, detected: -14), shift(.giftFlowDisruption, .northHamgyong)))
        #expect(!scorer.matches(warning(.giftFlowDisruption, .northHamgyong, detected: -15), shift(.giftFlowDisruption, .northHamgyong)))
        #expect(scorer.matches(warning(.giftFlowDisruption, .northHamgyong, detected: 120), shift(.giftFlowDisruption, .northHamgyong)))
        #expect(!scorer.matches(warning(.giftFlowDisruption, .northHamgyong, detected: 121), shift(.giftFlowDisruption, .northHamgyong)))
    }

    @Test("the strain horizon's percentiles, with runs that never crossed")
    func strainHorizonPercentiles() {
        let all = StrainHorizon(weeks: [60, 70, 50, 80, 90], threshold: 0.25)
        #expect(all.median == 70)
        #expect(all.p10 == 54)  // 50 + 0.4 × (60 − 50)
        #expect(all.p90 == 86)
        let some = StrainHorizon(weeks: [60, nil, 50, nil, nil], threshold: 0.25)
        #expect(some.crossed == 2)
        #expect(some.p10 == 54)
        #expect(some.median == nil, "the median run never crossed")
        #expect(some.p90 == nil)
        #expect(StrainHorizon(weeks: [nil], threshold: 0.25).median == nil)
    }
}

@Suite("Truth files write unknowns as null")
struct ExplicitNullTests {
    @Test("a horizon never crossed and a national shift are written as null, and read back")
    func nulls() async throws {
        var scenario = try Fixtures.smallBaseline(weeks: 8)
        scenario.shifts = [ScenarioShift(kind: .allianceShift, week: 4, factor: 2, techFactor: 3)]
        let run = await Simulation.run(scenario, seed: 1, runs: 2, writer: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let summary = String(decoding: try encoder.encode(SimulationSummary(run)), as: UTF8.self)
        #expect(summary.contains("\"median\":null") && summary.contains("\"p90\":null") && summary.contains("\"weeks_by_run\":[null,null]"))
        let shifts = String(decoding: try encoder.encode(run.shifts), as: UTF8.self)
        #expect(shifts.contains("\"province\":null"))
        #expect(try JSONDecoder().decode([InjectedShift].self, from: Data(shifts.utf8)) == run.shifts)
        let missingKey = #"{"kind":"W5","onset":"2025-02-03","week":4,"shift":"alliance_shift","description":""}"#
        #expect(try JSONDecoder().decode(InjectedShift.self, from: Data(missingKey.utf8)).province == nil)
    }
}
