import Foundation
import Testing
import Watchfloor
import WatchfloorTesting
import WatchfloorYAML

@testable import WatchfloorAnalysis

/// A warning's score is the probability that its change is real: the detector's output read
/// through the kind's calibration, and said in words.
@Suite struct CalibrationTests {
    let province = Province.northHamgyong

    /// Gifts in one province at 4 a day, falling to 1.6 on day 400 of 500.
    var reporting: SyntheticReporting {
        var reporting = SyntheticReporting(start: Fixtures.start)
        let gifts = LabelledSeries.step(days: 500, onset: 400, before: 4, after: 1.6, seed: 3)
        reporting.add(counts: gifts.counts, type: .giftDelivery, province: province, outlet: Fixtures.stateMedia)
        reporting.addCoverage(outlet: Fixtures.stateMedia, days: 0..<500, background: 5, seed: 4)
        return reporting
    }

    func fall(_ settings: AnalysisSettings) -> Warning? {
        let onset = Fixtures.start.adding(days: 400)
        return WarningEngine(settings: settings)
            .warnings(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: 499))
            .first { $0.kind == .giftFlowDisruption && $0.province == province && abs($0.onset - onset) <= 30 }
    }

    @Test func theMapIsLinearBetweenItsPointsAndFlatBeyond() {
        let calibration = ScoreCalibration(points: [(0.6, 0.35), (0.9, 0.6), (1.0, 0.85)])
        #expect(abs(calibration.probability(raw: 0.75) - 0.475) < 1e-12)
        #expect(calibration.probability(raw: 0.2) == 0.35)
        #expect(calibration.probability(raw: 1.0) == 0.85)
        #expect(ScoreCalibration.identity.probability(raw: 0.42) == 0.42)
    }

    @Test func aCalibratedScoreIsTheMappedProbabilityAndSaysSo() throws {
        var settings = AnalysisSettings.default
        settings.minimumProbability = 0
        settings.calibration = [:]
        let raw = try #require(fall(settings))
        #expect(raw.explanation.contains("has not been checked against known outcomes"))
        #expect(raw.figures["raw_score"] == raw.score)

        settings.calibration = [.giftFlowDisruption: ScoreCalibration(points: [(0, 0.1), (1, 0.5)])]
        let calibrated = try #require(fall(settings))
        #expect(calibrated.figures["raw_score"] == raw.score)
        #expect(abs(calibrated.score - (0.1 + 0.4 * raw.score)) < 1e-3)
        #expect(calibrated.explanation.contains("as measured on simulated reporting with known truth"))
        #expect(calibrated.explanation.contains("Score \(Int((calibrated.score * 100).rounded()))%"))
    }

    @Test func warningsBelowTheMinimumProbabilityAreNotRaised() throws {
        var settings = AnalysisSettings.default
        settings.calibration = [.giftFlowDisruption: ScoreCalibration(points: [(0, 0.1), (1, 0.5)])]
        settings.minimumProbability = 0
        #expect(fall(settings) != nil)
        settings.minimumProbability = 0.55
        #expect(fall(settings) == nil)
    }

    @Test func aMapThatFallsIsAnErrorWithItsLine() {
        let text = """
            calibration:
              W1: [[0.5, 0.4], [0.8, 0.3]]
            """
        let error = #expect(throws: ConfigurationError.self) { try AnalysisSettings.parse(text, file: "analysis.yaml") }
        #expect(error?.description.contains("analysis.yaml:2") == true)
        #expect(error?.description.contains("probabilities not decreasing") == true)
    }
}
