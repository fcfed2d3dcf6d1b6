import Testing
import Watchfloor
import WatchfloorTesting

@testable import WatchfloorAnalysis

@Suite struct WarningEngineTests {
    let engine = WarningEngine(settings: .default)
    let province = Province.northHamgyong

    /// Gifts and visits in one province at `rate` a day, falling to `rate * factor` on `onset`.
    func giftReporting(days: Int, rate: Double, onset: Int, factor: Double, seed: UInt64 = 3) -> SyntheticReporting {
        var reporting = SyntheticReporting(start: Fixtures.start)
        let gifts = LabelledSeries.step(days: days, onset: onset, before: rate, after: rate * factor, seed: seed)
        reporting.add(counts: gifts.counts, type: .giftDelivery, province: province, outlet: Fixtures.stateMedia)
        reporting.addCoverage(outlet: Fixtures.stateMedia, days: 0..<days, background: 5, seed: seed + 1)
        return reporting
    }

    @Test func aFallInGiftsIsAGiftFlowWarningWithItsReasons() throws {
        let reporting = giftReporting(days: 500, rate: 4, onset: 400, factor: 0.4)
        let asOf = Fixtures.start.adding(days: 499)
        let warnings = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: asOf)
        let onset = Fixtures.start.adding(days: 400)
        // Over 400 stable days a series may raise a chance alarm (about one in four series-years at
        // the shipped alarm probability): the warning about this fall is the one dated near it.
        let near = warnings.filter { $0.kind == .giftFlowDisruption && $0.province == province && abs($0.onset - onset) <= 30 }
        let w1 = try #require(near.first)
        #expect(abs(w1.onset - onset) <= 7)
        #expect(w1.detectedOn >= w1.onset && w1.detectedOn - onset <= 21)
        #expect(w1.score >= 0.8 && w1.score <= 1)
        #expect(w1.figures["rate_before"]! > 3 && w1.figures["rate_after"]! < 2.5)
        #expect(w1.explanation.contains("fell from"))
        #expect(w1.explanation.contains("North Hamgyong (KP-09)"))
        #expect(w1.explanation.contains("none started, stopped or went quiet"))
        // The supporting events are the reports around the onset, and they exist.
        let ids = Set(reporting.facts.map(\.id))
        #expect(!w1.events.isEmpty && w1.events.allSatisfy(ids.contains))
        let days = Dictionary(uniqueKeysWithValues: reporting.facts.map { ($0.id, $0.day) })
        #expect(w1.events.allSatisfy { days[$0]! >= onset.adding(days: -60) && days[$0]! <= w1.detectedOn })
        // One warning per episode: the national series falls too, but no second KP-09 W1 about it.
        #expect(near.count == 1)
    }

    @Test func detectionDayIsCausal() throws {
        let reporting = giftReporting(days: 500, rate: 4, onset: 400, factor: 0.4)
        let full = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: 499))
        let w1 = try #require(full.first { $0.kind == .giftFlowDisruption && $0.province == province })
        // Run as if on the detection day, and on the day before: raised on the first, not the second.
        let onTheDay = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: w1.detectedOn)
        let dayBefore = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: w1.detectedOn.adding(days: -1))
        #expect(onTheDay.contains { $0.kind == .giftFlowDisruption && $0.province == province && $0.detectedOn == w1.detectedOn })
        #expect(!dayBefore.contains { $0.kind == .giftFlowDisruption && $0.province == province })
    }

    @Test func aNewOutletMidSeriesRaisesNoWarning() {
        // Disruption reported by one insider outlet; a second one starts on day 365 and reports at
        // the same rate, so the count doubles because more people are watching.
        var reporting = SyntheticReporting(start: Fixtures.start)
        let days = 730
        let first = LabelledSeries.stable(days: days, rate: 2, seed: 21)
        let second = LabelledSeries.stable(days: days - 365, rate: 2, seed: 22)
        reporting.add(counts: first.counts, type: .aidDisruption, province: province, outlet: Fixtures.insider)
        reporting.add(counts: second.counts, type: .aidDisruption, province: province, outlet: Fixtures.newInsider, offset: 365)
        reporting.addCoverage(outlet: Fixtures.insider, days: 0..<days, background: 4, seed: 23)
        reporting.addCoverage(outlet: Fixtures.newInsider, days: 365..<days, background: 4, seed: 24)
        let asOf = Fixtures.start.adding(days: days - 1)

        let warnings = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: asOf)
        #expect(warnings.isEmpty, "\(warnings.map(\.explanation))")
        // The same reporting without its coverage log reads as a rise: the test can fail.
        let blind = engine.warnings(facts: reporting.facts, coverage: [], asOf: asOf)
        #expect(blind.contains { $0.kind == .giftFlowDisruption && $0.onset - Fixtures.start.adding(days: 365) < 15 })
    }

    @Test func anOutletGoingQuietIsNotASilence() {
        // The only outlet reporting gifts in the province stops publishing anything on day 400.
        var reporting = SyntheticReporting(start: Fixtures.start)
        let gifts = LabelledSeries.stable(days: 400, rate: 1.5, seed: 31)
        reporting.add(counts: gifts.counts, type: .giftDelivery, province: province, outlet: Fixtures.stateMedia)
        reporting.addCoverage(outlet: Fixtures.stateMedia, days: 0..<400, background: 5, seed: 32)
        let asOf = Fixtures.start.adding(days: 519)

        let warnings = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: asOf)
        #expect(warnings.isEmpty, "\(warnings.map(\.explanation))")
        let blind = engine.warnings(facts: reporting.facts, coverage: [], asOf: asOf)
        #expect(blind.contains { $0.kind == .silence })
    }

    @Test func aProvinceFallingSilentIsASilenceWithExpectedCounts() throws {
        // Gifts stop on day 300 while the outlet keeps publishing about everything else.
        let reporting = giftReporting(days: 400, rate: 1, onset: 300, factor: 0)
        let warnings = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: 399))
        let silence = try #require(warnings.first { $0.kind == .silence && $0.province == province })
        let lastReport = reporting.facts.filter { $0.day < Fixtures.start.adding(days: 300) }.map(\.day).max()!
        #expect(silence.onset == lastReport.adding(days: 1))
        #expect(silence.figures["observed"] == 0)
        #expect(silence.figures["expected_at_detection"]! >= 5)
        #expect(silence.figures["probability_at_detection"]! < 0.01)
        // At one report a day, 1 in 100 is passed after 5 empty days; the run must last 10.
        #expect(silence.detectedOn - silence.onset == 9)
        #expect(silence.explanation.contains("none came"))
        #expect(silence.explanation.contains("were publishing through it"))
    }

    @Test func fallsAndRisesOfOneEpisodeAreOneWarning() throws {
        var reporting = giftReporting(days: 500, rate: 4, onset: 380, factor: 0.4)
        let disruption = LabelledSeries.step(days: 500, onset: 385, before: 0.5, after: 3, seed: 41)
        reporting.add(counts: disruption.counts, type: .aidDisruption, province: province, outlet: Fixtures.insider)
        reporting.addCoverage(outlet: Fixtures.insider, days: 0..<500, background: 4, seed: 42)
        let warnings = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: 499))
        let onset = Fixtures.start.adding(days: 380)
        let w1 = warnings.filter { $0.kind == .giftFlowDisruption && $0.province == province && abs($0.onset - onset) <= 30 }
        #expect(w1.count == 1)
        let merged = try #require(w1.first)
        #expect(Set(merged.types) == [.giftDelivery, .condolenceVisit, .aidDisruption])
        #expect(merged.figures["signals"] == 2)
        #expect(merged.explanation.contains("rose from") && merged.explanation.contains("fell from"))
    }

    @Test func hollowGratitudeIsRaisedWhenCoercionDominates() throws {
        var reporting = SyntheticReporting(start: Fixtures.start)
        let days = 500
        let gratitude = LabelledSeries.stable(days: days, rate: 0.6, seed: 51)
        // Before day 380 one report in eight says coerced; after, three in four.
        reporting.add(counts: gratitude.counts, type: .gratitudeExpression, province: province, outlet: Fixtures.insider) { id in
            id % 8 == 0 ? .coerced : .sincere
        }
        let cut = reporting.facts.filter { $0.day < Fixtures.start.adding(days: 380) }.count
        var relabelled = SyntheticReporting(start: Fixtures.start)
        relabelled.add(counts: gratitude.counts, type: .gratitudeExpression, province: province, outlet: Fixtures.insider) { id in
            id <= cut ? (id % 8 == 0 ? .coerced : .sincere) : (id % 4 == 0 ? .sincere : .coerced)
        }
        relabelled.addCoverage(outlet: Fixtures.insider, days: 0..<days, background: 4, seed: 52)
        let warnings = engine.warnings(
            facts: relabelled.facts, coverage: relabelled.coverage, asOf: Fixtures.start.adding(days: days - 1))
        let w2 = try #require(warnings.first { $0.kind == .hollowGratitude && $0.province == province })
        #expect(abs(w2.onset - Fixtures.start.adding(days: 380)) <= 10)
        #expect(w2.detectedOn - Fixtures.start.adding(days: 380) <= 30)
        #expect(w2.figures["share_window_lower"]! > w2.figures["share_baseline_upper"]!)
        // The share test is sure; the shipped calibration reads that as about 0.95 (W2's top point).
        #expect(w2.figures["raw_score"]! > 0.95 && w2.score >= 0.9)
        #expect(w2.explanation.contains("coerced or staged"))
    }

    @Test func theNarrativeGapOpensWhenStrainRisesUnderSteadyHonours() throws {
        var reporting = SyntheticReporting(start: Fixtures.start)
        let days = 500
        let honours = LabelledSeries.stable(days: days, rate: 1, seed: 61)
        let strain = LabelledSeries.step(days: days, onset: 360, before: 0.1, after: 0.8, seed: 62)
        reporting.add(counts: honours.counts, type: .memorialHonor, province: province, outlet: Fixtures.stateMedia)
        reporting.add(counts: strain.counts, type: .controlMeasure, province: province, outlet: Fixtures.insider)
        reporting.addCoverage(outlet: Fixtures.stateMedia, days: 0..<days, background: 4, seed: 63)
        reporting.addCoverage(outlet: Fixtures.insider, days: 0..<days, background: 4, seed: 64)
        let warnings = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: days - 1))
        let w4 = try #require(warnings.first { $0.kind == .narrativeGap && $0.province == province })
        #expect(abs(w4.onset - Fixtures.start.adding(days: 360)) <= 10)
        #expect(w4.figures["narrative_window"]! >= 3)
        #expect(w4.explanation.contains("diverged from the central narrative"))
    }

    @Test func aSurgeOfStrainIsAGapOnlyWhileTheNarrativeRuns() throws {
        // Control measures in a province jump from 0.1 to 1 a day on day 300.
        func reporting(honoursPerDay: Double) -> SyntheticReporting {
            var reporting = SyntheticReporting(start: Fixtures.start)
            let strain = LabelledSeries.step(days: 420, onset: 300, before: 0.1, after: 1, seed: 91)
            reporting.add(counts: strain.counts, type: .controlMeasure, province: province, outlet: Fixtures.insider)
            reporting.addCoverage(outlet: Fixtures.insider, days: 0..<420, background: 4, seed: 92)
            if honoursPerDay > 0 {
                let honours = LabelledSeries.stable(days: 420, rate: honoursPerDay, seed: 93)
                reporting.add(counts: honours.counts, type: .memorialHonor, province: province, outlet: Fixtures.stateMedia)
            }
            reporting.addCoverage(outlet: Fixtures.stateMedia, days: 0..<420, background: 4, seed: 94)
            return reporting
        }
        let asOf = Fixtures.start.adding(days: 419)
        let running = reporting(honoursPerDay: 0.3)
        let gap = try #require(
            engine.warnings(facts: running.facts, coverage: running.coverage, asOf: asOf).first { $0.kind == .narrativeGap })
        #expect(abs(gap.onset - Fixtures.start.adding(days: 300)) <= 7)
        #expect(gap.detectedOn - Fixtures.start.adding(days: 300) <= 21)
        #expect((gap.figures["strain_window"] ?? 0) > 5)
        #expect(gap.explanation.hasPrefix("In North Hamgyong (KP-09), reported strain"))  // the surge, seen first
        #expect(gap.explanation.contains("while state media kept reporting"))
        // With state media silent about the province there is nothing to diverge from.
        let silent = reporting(honoursPerDay: 0)
        #expect(!engine.warnings(facts: silent.facts, coverage: silent.coverage, asOf: asOf).contains { $0.kind == .narrativeGap })
    }

    @Test func nothingToAnalyseMeansNoWarnings() {
        let asOf = Day("2025-06-01")!
        #expect(engine.warnings(facts: [], coverage: [], asOf: asOf).isEmpty)
        // A single event, and events dated after the analysis date, raise nothing.
        let reporting = giftReporting(days: 300, rate: 3, onset: 200, factor: 0.2)
        let one = Array(reporting.facts.prefix(1))
        #expect(engine.warnings(facts: one, coverage: [], asOf: asOf).isEmpty)
        let before = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: -1))
        #expect(before.isEmpty)
        let early = engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: 150))
        #expect(early.allSatisfy { $0.detectedOn <= Fixtures.start.adding(days: 150) })
        #expect(!early.contains { $0.kind == .giftFlowDisruption && $0.province == province })
    }

    @Test func stableReportingRaisesAtMostOneFalseWarningPerProvinceYear() {
        let provinces = Array(Province.allCases)
        let days = 3 * 365
        let reporting = Fixtures.stableReporting(provinces: provinces, days: days, seed: 900)
        let warnings = engine.warnings(
            facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: days - 1))
        // National warnings count as a thirteenth "province".
        let perProvinceYear = Double(warnings.count) / (Double(provinces.count + 1) * 3)
        #expect(perProvinceYear <= 1, "\(warnings.count) warnings: \(warnings.map { "\($0.kind) \($0.province?.code ?? "-") \($0.onset)" })")
    }

    /// Several independent three-year runs, counted by kind (prints, for docs/ANALYSIS.md; opt-in:
    /// WATCHFLOOR_EVAL_PRINT).
    @Test(.enabled(if: DetectionQualityTests.verbose)) func stableReportingAcrossSeeds() {
        let provinces = Array(Province.allCases)
        var byKind: [WarningKind: Int] = [:]
        let seeds: [UInt64] = [900, 1900, 2900, 3900, 4900]
        for seed in seeds {
            let reporting = Fixtures.stableReporting(provinces: provinces, days: 3 * 365, seed: seed)
            for warning in engine.warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: 3 * 365 - 1)) {
                byKind[warning.kind, default: 0] += 1
            }
        }
        let provinceYears = Double((provinces.count + 1) * 3 * seeds.count)
        let total = byKind.values.reduce(0, +)
        #expect(Double(total) / provinceYears <= 1)
        print("stable reporting: \(total) warnings in \(Int(provinceYears)) province-years = \(Double(total) / provinceYears) per province-year; by kind: \(byKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" })")
    }
}
