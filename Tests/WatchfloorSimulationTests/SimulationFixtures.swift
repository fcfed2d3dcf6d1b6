import Foundation
import Watchfloor
import WatchfloorTesting
@testable import WatchfloorSimulation

/// The shipped scenarios and templates, loaded once for all tests.
enum Fixtures {
    static func scenario(_ name: String) throws -> Scenario {
        try Scenario.load(from: RepositoryPaths.scenarios.appendingPathComponent("\(name).yaml"))
    }

    static func library() throws -> TemplateLibrary {
        try TemplateLibrary.load(from: RepositoryPaths.scenarios.appendingPathComponent("templates"))
    }

    /// The baseline, made smaller and shorter where a test needs many runs.
    static func smallBaseline(families: Int = 6000, weeks: Int = 104) throws -> Scenario {
        var scenario = try scenario("baseline")
        scenario.families = families
        scenario.weeks = weeks
        return scenario
    }

    static func run(_ scenario: Scenario, seed: UInt64 = 1) -> LatentSeries {
        var model = GiftPoliticsModel(scenario: scenario, seed: seed)
        return model.run()
    }

    /// The median of the strain weeks over `seeds`, never-crossed counted as after the end.
    static func medianStrainWeek(_ scenario: Scenario, seeds: ClosedRange<UInt64>) -> Double {
        let weeks = seeds.map { Double(run(scenario, seed: $0).strainWeek() ?? scenario.weeks + 1) }.sorted()
        return weeks[weeks.count / 2]
    }

    static let shippedScenarios = ["baseline", "budget-squeeze", "casualty-surge", "stopped-gifts", "crackdown", "alliance-shift"]
}
