import Foundation
import Testing
import Watchfloor
import WatchfloorTesting
import WatchfloorYAML

@testable import WatchfloorAnalysis

@Suite struct AnalysisSettingsTests {
    @Test func theShippedSettingsAreTheDefaults() throws {
        let url = RepositoryPaths.packs.appendingPathComponent("gift-politics/analysis.yaml")
        let settings = try AnalysisSettings.load(from: url)
        #expect(settings == AnalysisSettings.default)
    }

    @Test func aMissingKeyKeepsItsDefault() throws {
        let settings = try AnalysisSettings.parse("detector:\n  alarm_probability: 0.9\n", file: "analysis.yaml")
        #expect(settings.detector.alarmProbability == 0.9)
        #expect(settings.detector.recentDays == AnalysisSettings.default.detector.recentDays)
        #expect(settings.monitors == AnalysisSettings.default.monitors)
    }

    @Test func errorsNameTheLineAndWhatWasExpected() {
        let outOfRange = #expect(throws: ConfigurationError.self) {
            try AnalysisSettings.parse("detector:\n  alarm_probability: 1.5\n", file: "analysis.yaml")
        }
        #expect(outOfRange?.description == "analysis.yaml:2:22: expected a number from 0.01 to 1.0 for \"detector.alarm_probability\", found 1.5")
        let misspelt = #expect(throws: ConfigurationError.self) {
            try AnalysisSettings.parse("silence:\n  minimum_run_day: 10\n", file: "analysis.yaml")
        }
        #expect(misspelt?.line == 2)
        #expect(misspelt?.message.contains("unknown key \"minimum_run_day\"") == true)
        let badKind = #expect(throws: ConfigurationError.self) {
            try AnalysisSettings.parse("monitors:\n  - kind: W9\n    types: [DEPLOYMENT]\n    directions: [rise]\n", file: "a.yaml")
        }
        #expect(badKind?.description.hasPrefix("a.yaml:2:11: expected one of W1, W2, W3, W4, W5") == true)
        let inconsistent = #expect(throws: ConfigurationError.self) {
            try AnalysisSettings.parse("detector:\n  recent_days: 5\n  confirmation_days: 9\n", file: "a.yaml")
        }
        #expect(inconsistent?.line == 3)
    }

    @Test func aFixedPriorNeedsItsRate() throws {
        let settings = try AnalysisSettings.parse("detector:\n  prior_shape: 2\n  prior_rate: 0.5\n", file: "a.yaml")
        #expect(settings.detector.prior == .fixed(shape: 2, rate: 0.5))
    }
}
