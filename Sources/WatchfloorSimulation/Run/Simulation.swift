import Watchfloor

/// One simulation as `watchfloor simulate` runs it: the first run's truth and reporting, and the
/// strain horizon over every run.
public struct SimulationRun: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    /// The first run's latent series.
    public var truth: LatentSeries
    /// The first run's reporting, in publication order (empty when reporting was not asked for).
    public var documents: [SimulatedDocument]
    /// The stories the outlets were expected to publish: the latent rate of every indicator
    /// series (`nil` when reporting was not asked for).
    public var expected: ExpectedReporting?
    /// Original stories that could not be worded apart from an earlier one.
    public var similarOriginals: Int = 0
    public var shifts: [InjectedShift]
    public var horizon: StrainHorizon
}

public enum Simulation {
    /// Runs `scenario` `runs` times with seeds `seed`, `seed + 1`, …; keeps the truth of the
    /// first run and has `writer` write its reporting (none when `writer` is nil). The other runs
    /// only contribute their strain week to the horizon, and run concurrently.
    ///
    /// ```swift
    /// let scenario = try Scenario.load(from: URL(fileURLWithPath: "scenarios/baseline.yaml"))
    /// let writer = try scenario.reporting.writer.load(scenario.reporting)
    /// let run = await Simulation.run(scenario, seed: 1, runs: 20, writer: writer)
    /// run.horizon.median   // weeks, or nil
    /// ```
    public static func run(_ scenario: Scenario, seed: UInt64, runs: Int = 1, writer: (any ReportingWriter)?) async -> SimulationRun {
        precondition(runs >= 1, "a simulation needs at least one run")
        let first = Task { () -> (LatentSeries, SimulatedReporting?) in
            var model = GiftPoliticsModel(scenario: scenario, seed: seed)
            let truth = model.run()
            return (truth, writer?.reporting(of: truth))
        }
        var weeks = [Int?](repeating: nil, count: runs)
        await withTaskGroup(of: (Int, Int?).self) { group in
            for index in 1..<runs {
                group.addTask {
                    var model = GiftPoliticsModel(scenario: scenario, seed: seed &+ UInt64(index))
                    return (index, model.run().strainWeek())
                }
            }
            for await (index, week) in group { weeks[index] = week }
        }
        let (truth, reporting) = await first.value
        weeks[0] = truth.strainWeek()
        return SimulationRun(
            scenario: scenario, seed: seed, truth: truth, documents: reporting?.documents ?? [],
            expected: reporting?.expected, similarOriginals: reporting?.similarOriginals ?? 0,
            shifts: scenario.injectedShifts, horizon: StrainHorizon(weeks: weeks, threshold: scenario.strain.threshold))
    }
}
