import Foundation
import Testing
import Watchfloor
import WatchfloorTesting

@testable import WatchfloorAnalysis

@Suite struct SilenceDetectorTests {
    @Test func theProbabilityOfAnEmptyRunMatchesTheHandComputation() throws {
        // 30 days of one report a day, then nothing. Baseline: 30 reports in 30 days, prior shape
        // 0.5, so the rate is Gamma(30.5, 30) and P(no report in L days) = (30 / (30 + L))^30.5.
        // At one independent story a day a gap that improbable turns up p · 365 times a year; with
        // π = 0.2 real stops a year the silence is real with probability 0.2 / (0.2 + 365 p), which
        // reaches 0.8 when 365 p ≤ 0.05, p ≤ 1.37e-4: L = 10 gives 1.55e-4, L = 11 gives 7.3e-5.
        let counts = Array(repeating: 1.0, count: 30) + Array(repeating: 0.0, count: 20)
        let detector = SilenceDetector(
            settings: .init(baselineDays: 90, minimumBaselineEvents: 6, minimumRunDays: 5, priorStopsPerYear: 0.2,
                alarmProbability: 0.8))
        let silence = try #require(detector.scan(counts: counts).first)
        #expect(silence.first == 30 && silence.detected == 40 && silence.last == 49 && silence.ongoing)
        let p = pow(30.0 / 41, 30.5)
        #expect(abs(silence.probabilityAtDetection - p) < 1e-12)
        #expect(abs(silence.chancePerYearAtDetection - 365 * p) < 1e-9)
        #expect(abs(silence.scoreAtDetection - 0.2 / (0.2 + 365 * p)) < 1e-12)
        #expect(abs(silence.expectedAtDetection - 30.5 / 30 * 11) < 1e-12)
        #expect(abs(silence.probability - pow(30.0 / 50, 30.5)) < 1e-12)
        #expect(silence.score > silence.scoreAtDetection)
        #expect(abs(GammaPoisson(shape: 30.5, rate: 30).probabilityOfNone(exposure: 10) - 1.55e-4) < 1e-6)
    }

    /// Gaps between independent reports are exponential: over years, some are long by chance.
    /// Silences judged against how often such gaps happen in the series itself stay within the
    /// stated budget, π (1 − s) / s = 0.05 a series-year (here at most twice that, for noise).
    @Test func aSilenceThatIsOnlyChanceGetsNoWarning() {
        var random = SeededRandom(seed: 11)
        var silences = 0
        for _ in 0..<20 {
            let counts = (0..<730).map { _ in Double(random.poisson(0.3)) }
            silences += SilenceDetector().scan(counts: counts).count
        }
        #expect(Double(silences) / 40 <= 0.1)
    }

    @Test func daysWithoutCoverageDoNotCount() {
        // The same run, but the series' outlets were quiet on everything from day 30: no silence.
        let counts = Array(repeating: 1.0, count: 30) + Array(repeating: 0.0, count: 20)
        let exposures = Array(repeating: 1.0, count: 30) + Array(repeating: 0.0, count: 20)
        #expect(SilenceDetector().scan(counts: counts, exposures: exposures).isEmpty)
    }

    @Test func aSeriesThatNeverReportedRegularlyCannotFallSilent() {
        let sparse = [1.0, 0, 0, 1, 0, 0, 0, 0, 1] + Array(repeating: 0.0, count: 200)
        #expect(SilenceDetector().scan(counts: sparse).isEmpty)
        #expect(SilenceDetector().scan(counts: []).isEmpty)
    }

    /// A stray report inside a silence (a late story of an earlier gift) does not end it; reports
    /// coming back do. With no report tolerated, the first one ends it.
    @Test func aSilenceEndsWhenReportsComeBack() throws {
        let counts = Array(repeating: 2.0, count: 60) + Array(repeating: 0.0, count: 30) + [1] + Array(repeating: 2.0, count: 10)
        let silences = SilenceDetector().scan(counts: counts)
        let silence = try #require(silences.first)
        #expect(silence.first == 60 && silence.last == 90 && !silence.ongoing, "\(silences.map { ($0.first, $0.detected, $0.last, $0.ongoing) })")
        let strict = try #require(SilenceDetector(settings: .init(toleratedReports: 0)).scan(counts: counts).first)
        #expect(strict.first == 60 && strict.last == 89 && !strict.ongoing)
    }

    /// A programme that stops, with one late report on the 8th day after: the silence is found
    /// from the stop, not from the late report.
    @Test func aLateReportDoesNotHideTheStop() throws {
        let counts = Array(repeating: 1.0, count: 90) + Array(repeating: 0.0, count: 7) + [1] + Array(repeating: 0.0, count: 40)
        let silence = try #require(SilenceDetector().scan(counts: counts).first)
        #expect(silence.first == 90 && silence.ongoing)
        #expect(try #require(SilenceDetector(settings: .init(toleratedReports: 0)).scan(counts: counts).first).first == 98)
    }
}

@Suite struct ShareShiftTestTests {
    let settings = ShareShiftTest.Settings(windowDays: 10, baselineDays: 20, interval: 0.9, minimumWindow: 5, minimumBaseline: 5)

    @Test func aShareThatJumpsIsFoundOnceWithItsIntervals() throws {
        // One report a day: a success every tenth day for 40 days, then every day.
        let successes = (0..<70).map { $0 < 40 ? ($0 % 10 == 0 ? 1.0 : 0) : 1 }
        let failures = successes.map { 1 - $0 }
        let shifts = ShareShiftTest(settings: settings).scan(successes: successes, failures: failures)
        let shift = try #require(shifts.first)
        #expect(shifts.count == 1)
        #expect(shift.onset == 40)
        #expect(shift.detected > 40 && shift.detected <= 45)
        // Hand-check the posteriors on the detection day from the counts they stand for.
        #expect(shift.window == BetaDistribution(alpha: 1 + shift.windowSuccesses, beta: 1 + shift.windowTotal - shift.windowSuccesses))
        #expect(shift.window.quantile(0.05) > shift.baseline.quantile(0.95))
        #expect(shift.probability > 0.99 && shift.peakProbability >= shift.probability)
    }

    @Test func aSteadyShareRaisesNothing() {
        let successes = (0..<200).map { $0 % 4 == 0 ? 1.0 : 0 }
        #expect(ShareShiftTest(settings: settings).scan(successes: successes, failures: successes.map { 1 - $0 }).isEmpty)
        #expect(ShareShiftTest(settings: settings).scan(successes: [], failures: []).isEmpty)
    }

    @Test func readingsCarryTheirInterval() {
        let period = DayInterval(first: Day("2025-01-01")!, last: Day("2025-01-31")!)
        let reading = ShareReading(period: period, successes: 7, failures: 3, settings: settings)
        #expect(abs(reading.mean - 8.0 / 12) < 1e-12)
        #expect(abs(reading.lower - 0.435_625_812) < 1e-6 && abs(reading.upper - 0.864_924_527) < 1e-6)
    }
}
