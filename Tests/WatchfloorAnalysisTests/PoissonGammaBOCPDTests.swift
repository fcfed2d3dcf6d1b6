import Testing
import Watchfloor

@testable import WatchfloorAnalysis

@Suite struct PoissonGammaBOCPDTests {
    /// Gamma(1, 1) prior, hazard 0.1, counts 0 then 3, worked by hand:
    /// - after 0: the run from day 0 keeps 1 − H = 0.9, the newborn run gets H = 0.1;
    /// - the predictive of 3 under Gamma(1, 2) (the run from day 0, having seen one empty day) is
    ///   NB: (2/3)·(1/3)³ = 2/81; under the untouched prior Gamma(1, 1) it is (1/2)·(1/2)³ = 1/16;
    /// - so P(r = 2) = 0.9 · (0.9·2/81) / (0.9·2/81 + 0.1/16) = 0.9 · 32/41 and P(r = 1) = 0.9 · 9/41.
    @Test func posteriorOnATinySeriesMatchesTheHandComputation() {
        let configuration = PoissonGammaBOCPD.Configuration(
            hazard: 0.1, prior: .fixed(shape: 1, rate: 1), recentDays: 21, confirmationDays: 1, pruneMass: 1e-12)
        var detector = PoissonGammaBOCPD(configuration: configuration)
        let first = detector.update(count: 0)
        #expect(first.changeProbability == 0)  // a run from day 0 is no change
        expectPosterior(detector, [1: 0.9, 0: 0.1])

        let second = detector.update(count: 3)
        expectPosterior(detector, [2: 0.9 * 32 / 41, 1: 0.9 * 9 / 41, 0: 0.1])
        #expect(abs(second.changeProbability - 0.9 * 9 / 41) < 1e-12)
        #expect(second.runLength == 2)
        // The most probable run has seen 0 and 3 under Gamma(1, 1): Gamma(4, 3), mean 4/3.
        #expect(abs(second.rate - 4.0 / 3) < 1e-12)
    }

    @Test func exposureScalesThePredictive() {
        // With exposure 2 the run's posterior is Gamma(1 + x, 1 + 2): after a count of 4, mean 5/3.
        let configuration = PoissonGammaBOCPD.Configuration(hazard: 0.01, prior: .fixed(shape: 1, rate: 1))
        var detector = PoissonGammaBOCPD(configuration: configuration)
        let step = detector.update(count: 4, exposure: 2)
        #expect(abs(step.rate - 5.0 / 3) < 1e-12)
    }

    @Test func daysWithoutCoverageAddNoHypotheses() {
        var detector = PoissonGammaBOCPD(configuration: .default)
        for _ in 0..<500 { _ = detector.update(count: 0, exposure: 0) }
        #expect(detector.hypothesisCount == 1)
        #expect(detector.runLengthPosterior.first?.runLength == 500)
    }

    @Test func pruningBoundsTheHypotheses() {
        var configuration = PoissonGammaBOCPD.Configuration.default
        configuration.maxHypotheses = 50
        configuration.pruneMass = 1e-12
        var detector = PoissonGammaBOCPD(configuration: configuration)
        var most = 0
        for day in 0..<2_000 {
            _ = detector.update(count: Double(day % 5))
            most = max(most, detector.hypothesisCount)
        }
        #expect(most <= 50)
        let total = detector.runLengthPosterior.reduce(0) { $0 + $1.probability }
        #expect(abs(total - 1) < 1e-9)
    }

    @Test func aClearDropIsFoundAsADropNearItsStart() {
        let before: [Double] = [6, 4, 5, 7, 3, 5, 6, 4]
        let after: [Double] = [1, 0, 2, 0, 1]
        let counts = (0..<300).map { $0 < 200 ? before[$0 % 8] : after[$0 % 5] }
        let scan = ChangePointScan(counts: counts, configuration: .default)
        let alarm = try! #require(scan.alarms.first)
        #expect(scan.alarms.count == 1)
        #expect(alarm.direction == .drop)
        #expect(abs(alarm.location - 200) <= 3)
        #expect(alarm.index >= 200 && alarm.index <= 210)
        #expect(alarm.rateBefore > 4 && alarm.rateAfter < 1.5)
    }

    @Test func aRiseIsToldFromADrop() {
        let counts: [Double] = (0..<200).map { day in
            if day < 120 { return day % 3 == 0 ? 1 : 0 }
            return Double(3 + day % 3)
        }
        let scan = ChangePointScan(counts: counts, configuration: .default)
        #expect(scan.alarms.map(\ChangeAlarm.direction) == [ChangeDirection.rise])
    }

    @Test func anEmptySeriesHasNoAlarms() {
        let scan = ChangePointScan(counts: [], configuration: .default, trace: true)
        #expect(scan.alarms.isEmpty && scan.runLengths.isEmpty && scan.meanHypotheses == 0)
        let zeros = ChangePointScan(counts: Array(repeating: 0, count: 400), configuration: .default)
        #expect(zeros.alarms.isEmpty)
        let single = ChangePointScan(counts: [0, 0, 0, 1, 0, 0, 0], configuration: .default)
        #expect(single.alarms.isEmpty)
    }

    private func expectPosterior(
        _ detector: PoissonGammaBOCPD, _ expected: [Int: Double], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let posterior = Dictionary(uniqueKeysWithValues: detector.runLengthPosterior.map { ($0.runLength, $0.probability) })
        #expect(posterior.count == expected.count, sourceLocation: sourceLocation)
        for (runLength, probability) in expected {
            #expect(abs((posterior[runLength] ?? -1) - probability) < 1e-12, "P(r = \(runLength))", sourceLocation: sourceLocation)
        }
    }
}
