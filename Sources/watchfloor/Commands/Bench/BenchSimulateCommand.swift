import ArgumentParser
import Foundation
import WatchfloorPipeline

/// `watchfloor bench simulate`: the model's speed in family-steps per second on one core, to be
/// set beside Mesa's Epstein model (Benchmarks/simulation/run.sh does both).
struct BenchSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Measure the gift-politics model's speed (family-steps per second, one core).",
        discussion: """
            Runs the scenario's model --reps times with the given families and weeks on one thread \
            (the budget scaled with the families) and prints one JSON object per line: the model \
            alone, then (unless --no-reporting) the outlets writing their reporting from its truth.

            Examples:
              watchfloor bench simulate                                  # 50,000 families, 520 weeks
              watchfloor bench simulate --families 10000 --weeks 104 --reps 5
              watchfloor bench simulate --scenario scenarios/crackdown.yaml --no-reporting
            """
    )

    @Option(name: .long, help: ArgumentHelp("A scenario file or name.", valueName: "FILE"))
    var scenario = "baseline"

    @Option(name: .long, help: "Families to simulate.")
    var families = 50_000

    @Option(name: .long, help: "Weekly steps to simulate.")
    var weeks = 520

    @Option(name: .long, help: "Repetitions (the median is reported).")
    var reps = 3

    @Option(name: .long, help: "The seed of the first repetition.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Skip the model-plus-reporting measurement.")
    var noReporting = false

    func run() async throws {
        var scenario: Scenario
        let library: TemplateLibrary
        do {
            scenario = try Scenario.load(from: try ScenarioLocator.locate(self.scenario))
            library = try TemplateLibrary.load(from: scenario.reporting.templates)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // The same world at another scale: the budget grows with the families it serves.
        scenario.budget.weekly *= Double(families) / Double(scenario.families)
        scenario.families = families
        scenario.weeks = weeks
        let steps = Double(families) * Double(weeks)

        var modelSeconds: [Double] = []
        var reportingSeconds: [Double] = []
        var documents: [Int] = []
        var strainWeeks: [Int?] = []
        for rep in 0..<reps {
            let clock = ContinuousClock()
            var model = GiftPoliticsModel(scenario: scenario, seed: seed &+ UInt64(rep))
            var truth: LatentSeries?
            let modelTime = clock.measure { truth = model.run() }
            modelSeconds.append(modelTime.seconds)
            strainWeeks.append(truth!.strainWeek())
            if !noReporting {
                var count = 0
                let reportingTime = clock.measure { count = ReportingGenerator(library: library, truth: truth!).documents().count }
                reportingSeconds.append(reportingTime.seconds)
                documents.append(count)
            }
        }
        emit(variant: "model", seconds: modelSeconds, steps: steps, extra: ["strain_weeks": strainWeeks.map { $0 ?? -1 }])
        if !noReporting {
            emit(variant: "reporting", seconds: reportingSeconds, steps: steps, extra: ["documents": documents])
        }
    }

    private func emit(variant: String, seconds: [Double], steps: Double, extra: [String: [Int]]) {
        let median = seconds.sorted()[seconds.count / 2]
        var fields: [String] = [
            "\"bench\": \"simulate\"", "\"variant\": \"\(variant)\"", "\"scenario\": \"\(scenario)\"",
            "\"families\": \(families)", "\"weeks\": \(weeks)", "\"family_steps\": \(Int(steps))",
            "\"threads\": 1", "\"reps\": \(reps)",
            "\"run_s\": [\(seconds.map { String(format: "%.4f", $0) }.joined(separator: ", "))]",
            "\"median_s\": \(String(format: "%.4f", median))",
        ]
        if variant == "model" {
            fields.append("\"family_steps_per_s\": \(Int(steps / median))")
        }
        for (key, values) in extra.sorted(by: { $0.key < $1.key }) {
            fields.append("\"\(key)\": [\(values.map(String.init).joined(separator: ", "))]")
        }
        print("{" + fields.joined(separator: ", ") + "}")
    }
}
