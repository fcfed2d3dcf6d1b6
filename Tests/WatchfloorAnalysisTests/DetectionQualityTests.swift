import Foundation
import Testing
import Watchfloor
import WatchfloorTesting

@testable import WatchfloorAnalysis

/// Detection quality of the warning detector on labelled series (the targets): for rate
/// shifts of at least 50%, detection within 21 days of onset in ≥ 90% of cases, and at most one
/// false warning per province-year on stable series. Set WATCHFLOOR_EVAL_SERIES for more series
/// per cell (the figures in docs/ANALYSIS.md use 200).
@Suite struct DetectionQualityTests {
    static let seriesPerCell = ProcessInfo.processInfo.environment["WATCHFLOOR_EVAL_SERIES"].flatMap(Int.init) ?? 40
    static let verbose = ProcessInfo.processInfo.environment["WATCHFLOOR_EVAL_PRINT"] != nil

    struct Cell {
        var detected21 = 0
        var detected = 0
        var series = 0
        var delays: [Int] = []
        var rate: Double { Double(detected21) / Double(series) }
    }

    /// One change at day 365 of 730; detected when an alarm in the right direction is raised on
    /// or after the onset, locating the change within 21 days of it.
    static func evaluate(before: Double, factor: Double, configuration: PoissonGammaBOCPD.Configuration, seed: UInt64)
        -> Cell
    {
        var cell = Cell()
        for k in 0..<seriesPerCell {
            let series = LabelledSeries.step(
                days: 730, onset: 365, before: before, after: before * factor, seed: seed &+ UInt64(k) &* 7919)
            let scan = ChangePointScan(counts: series.values, configuration: configuration)
            let direction: ChangeDirection = factor > 1 ? .rise : .drop
            cell.series += 1
            if let hit = scan.alarms.first(where: {
                $0.index >= 365 && $0.direction == direction && abs($0.location - 365) <= 21
            }) {
                cell.detected += 1
                cell.delays.append(hit.index - 365)
                if hit.index - 365 <= 21 { cell.detected21 += 1 }
            }
        }
        return cell
    }

    /// Alarms per series-year on stable series of two years (the first 90 days are a warm-up in
    /// which the detector learns the level and alarms are not counted).
    static func falseAlarms(rate: Double, configuration: PoissonGammaBOCPD.Configuration, seed: UInt64) -> Double {
        var alarms = 0
        for k in 0..<seriesPerCell {
            let series = LabelledSeries.stable(days: 820, rate: rate, seed: seed &+ UInt64(k) &* 104_729)
            alarms += ChangePointScan(counts: series.values, configuration: configuration).alarms.count { $0.index >= 90 }
        }
        return Double(alarms) / Double(seriesPerCell * 2)
    }

    /// The 21-day target holds where the reporting carries the information: a 50% shift in a
    /// series of 8 reports a day, a halving or doubling from 4 a day (see docs/ANALYSIS.md for
    /// the whole grid and why sparser series cannot meet it at this false-alarm rate).
    @Test(arguments: [(8.0, 1.5), (8.0, 0.5), (8.0, 2.0), (8.0, 1.0 / 3), (4.0, 2.0), (4.0, 3.0), (4.0, 1.0 / 3)])
    func shiftsOfHalfOrMoreAreFoundWithinThreeWeeks(rate: Double, factor: Double) {
        let cell = Self.evaluate(before: rate, factor: factor, configuration: AnalysisSettings.default.detector, seed: 101)
        #expect(cell.rate >= 0.9, "rate \(rate) × \(factor): \(cell.detected21) of \(cell.series) within 21 days")
    }

    /// At most one false warning per province-year: a province's watched series must each stay
    /// well under it.
    @Test(arguments: [0.5, 1, 2, 4, 8])
    func stableSeriesRaiseFewFalseAlarms(rate: Double) {
        let perYear = Self.falseAlarms(rate: rate, configuration: AnalysisSettings.default.detector, seed: 202)
        #expect(perYear <= 0.25, "rate \(rate): \(perYear) false alarms a series-year")
    }

    /// The whole grid, printed as the table in docs/ANALYSIS.md (opt-in: WATCHFLOOR_EVAL_PRINT).
    @Test(.enabled(if: verbose)) func explore() {
        var configuration = AnalysisSettings.default.detector
        let environment = ProcessInfo.processInfo.environment
        if let v = environment["WATCHFLOOR_EVAL_HAZARD_DAYS"].flatMap(Double.init) { configuration.hazard = 1 / v }
        if let v = environment["WATCHFLOOR_EVAL_ALARM"].flatMap(Double.init) { configuration.alarmProbability = v }
        if let v = environment["WATCHFLOOR_EVAL_SHAPE"].flatMap(Double.init) { configuration.prior = .empirical(shape: v) }
        if let v = environment["WATCHFLOOR_EVAL_RECENT"].flatMap(Int.init) { configuration.recentDays = v }
        if let v = environment["WATCHFLOOR_EVAL_CONFIRM"].flatMap(Int.init) { configuration.confirmationDays = v }
        if let v = environment["WATCHFLOOR_EVAL_PRUNE"].flatMap(Double.init) { configuration.pruneMass = v }
        print("| reports a day | ÷2 | ÷3 | ×1.5 | ×2 | ×3 | false alarms a series-year |")
        print("|---|---|---|---|---|---|---|")
        var allDelays: [Int] = []
        for rate in [0.5, 1, 2, 4, 8] {
            var line = "| \(rate) |"
            for factor in [0.5, 1.0 / 3, 1.5, 2, 3] {
                let cell = Self.evaluate(before: rate, factor: factor, configuration: configuration, seed: 11)
                let sorted = cell.delays.sorted()
                allDelays += cell.delays
                let median = sorted.isEmpty ? -1 : sorted[sorted.count / 2]
                let p90 = sorted.isEmpty ? -1 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.9))]
                line += String(format: " %.0f%% (%d, %d) |", cell.rate * 100, median, p90)
            }
            let falseAlarms = Self.falseAlarms(rate: rate, configuration: configuration, seed: 5)
            line += String(format: " %.3f |", falseAlarms)
            print(line)
            // 0.16–0.30 a series-year at the shipped alarm probability (0.6), 200 series a cell.
            #expect(falseAlarms <= 0.35)
        }
        let sorted = allDelays.sorted()
        print("delays of detected changes (days): p10 \(sorted[sorted.count / 10]) p25 \(sorted[sorted.count / 4]) median \(sorted[sorted.count / 2]) p75 \(sorted[sorted.count * 3 / 4]) p90 \(sorted[sorted.count * 9 / 10])")
    }
}

extension DetectionQualityTests {
    /// Successes and failures per day: `rate` reports a day, each a success with probability
    /// `before` until `onset`, `after` from then on.
    static func shareStream(days: Int, onset: Int, rate: Double, before: Double, after: Double, seed: UInt64)
        -> (successes: [Double], failures: [Double])
    {
        var random = SeededRandom(seed: seed)
        var successes: [Double] = []
        var failures: [Double] = []
        for day in 0..<days {
            let reports = random.poisson(rate)
            let p = day < onset ? before : after
            var s = 0.0
            for _ in 0..<reports where random.uniform() < p { s += 1 }
            successes.append(s)
            failures.append(Double(reports) - s)
        }
        return (successes, failures)
    }

    /// Power and false alarms of the share test (W2, W4), printed (opt-in: WATCHFLOOR_EVAL_PRINT).
    @Test(.enabled(if: verbose)) func exploreShares() {
        let environment = ProcessInfo.processInfo.environment
        var settings = GratitudeMonitor.Settings.default.share
        if let v = environment["WATCHFLOOR_EVAL_INTERVAL"].flatMap(Double.init) { settings.interval = v }
        if let v = environment["WATCHFLOOR_EVAL_WINDOW"].flatMap(Int.init) { settings.windowDays = v }
        let test = ShareShiftTest(settings: settings)
        for rate in [0.2, 0.5, 1.0] {
            var line = "share rate \(rate):"
            for after in [0.3, 0.5, 0.7] {
                var within30 = 0
                var delays: [Int] = []
                for k in 0..<Self.seriesPerCell {
                    let stream = Self.shareStream(days: 730, onset: 365, rate: rate, before: 0.15, after: after, seed: UInt64(k) &* 31 &+ 7)
                    if let hit = test.scan(successes: stream.successes, failures: stream.failures).first(where: { $0.detected >= 365 }) {
                        delays.append(hit.detected - 365)
                        if hit.detected - 365 <= 30 { within30 += 1 }
                    }
                }
                let sorted = delays.sorted()
                line += String(format: " p→%.1f: %.2f≤30d (med %d)", after, Double(within30) / Double(Self.seriesPerCell), sorted.isEmpty ? -1 : sorted[sorted.count / 2])
            }
            var falseAlarms = 0
            for k in 0..<Self.seriesPerCell {
                let stream = Self.shareStream(days: 3 * 365, onset: 10_000, rate: rate, before: 0.15, after: 0.15, seed: UInt64(k) &* 53 &+ 3)
                falseAlarms += test.scan(successes: stream.successes, failures: stream.failures).count
            }
            let perYear = Double(falseAlarms) / Double(Self.seriesPerCell * 3)
            line += String(format: " | false/yr %.3f", perYear)
            print(line)
            #expect(perYear <= 0.25)
        }
    }
}
