import ArgumentParser
import Foundation
import Watchfloor
import WatchfloorPipeline

/// `watchfloor simulate`: runs the gift-politics model on a scenario and writes the simulated
/// reporting, the truth behind it and the strain horizon.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the gift-politics model: simulated reporting with ground truth, and the strain horizon.",
        discussion: """
            Runs the agent-based model of a scenario (scenarios/*.yaml: every parameter an assumption, \
            with its unit and range) and writes to --out:

              reporting.jsonl       simulated documents in the JSON Lines reporting format (for `watchfloor ingest`)
              truth/latent.csv      the latent series per province and week (and nationally)
              truth/exchange.csv    the DPRK–Russia exchange per week
              truth/shifts.json     the injected shifts, each with the warning (W1–W5) it should raise
              truth/labels.jsonl    every document in the gold format, with the events it reports
              summary.json          counts and the strain horizon (median, p10, p90 over --runs)

            The strain horizon is the first week in which the scenario's threshold share of bereaved \
            families is privately resentful; it is null where no run crossed it.

            Examples:
              watchfloor simulate --scenario baseline --out /tmp/sim
              watchfloor simulate --scenario scenarios/budget-squeeze.yaml --out /tmp/squeeze --seed 7 --runs 20
              watchfloor simulate --scenario crackdown --out /tmp/c --start 2025-06-02 --no-reporting --format json
              watchfloor simulate --scenario demo --out /tmp/h --writer house-styles --score

            --writer chooses who words the reporting: phrase-books (the project's own, scenarios/templates) \
            or house-styles (scenarios/house-styles: written by someone who had read neither the coder's \
            pack nor the phrase books, with reposts, syndication bursts, rumours later denied, outlets that \
            start late or stop). The scenario's `reporting.writer` is the default.

            --tipping runs Epstein's (2002, Figs. 9–10) experiment on the scenario instead: gifts \
            withdrawn all at once or in small steps, under the floored and the as-printed arrest \
            rule, over --runs seeds; it writes tipping.json and tipping.csv (weekly series per arm):
              watchfloor simulate --scenario baseline --out /tmp/tipping --tipping --runs 5
            """
    )

    @Option(name: .long, help: ArgumentHelp("A scenario file, or the name of one in scenarios/ (e.g. baseline).", valueName: "FILE"))
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "DIR"))
    var out: String

    @Option(name: .long, help: "The seed of the first run; run k uses seed + k.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Runs for the strain horizon's distribution (reporting and truth come from the first).")
    var runs: Int = 1

    @Option(name: .long, help: ArgumentHelp("The first day of week 0, overriding the scenario's.", valueName: "YYYY-MM-DD"))
    var start: String?

    @Option(name: .long, help: "Run length in weeks, overriding the scenario's.")
    var weeks: Int?

    @Option(name: .long, help: "Who words the reporting: phrase-books or house-styles (default: the scenario's).")
    var writer: ReportingWriterKind?

    @Flag(name: .long, help: "Write the truth and summary only, no reporting.")
    var noReporting = false

    @Flag(name: .long, help: "Then ingest the reporting into a fresh database, code it, raise warnings, and score both against the truth.")
    var score = false

    @OptionGroup var packOption: PackOption

    @Flag(name: .long, help: "Run the tipping experiment (sudden versus stepwise withdrawal of gifts) instead.")
    var tipping = false

    @Option(name: .long, help: "How to print the summary: table or json.")
    var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        if score && (noReporting || tipping) { throw ValidationError("--score needs the reporting: drop --no-reporting and --tipping") }
        if let weeks, !(1...5200).contains(weeks) { throw ValidationError("--weeks must be from 1 to 5200") }
        if let start, Day(start)?.description != start { throw ValidationError("--start must be a date as YYYY-MM-DD, found \"\(start)\"") }
    }

    func run() async throws {
        var scenario: Scenario
        let reportingWriter: (any ReportingWriter)?
        do {
            scenario = try Scenario.load(from: try ScenarioLocator.locate(self.scenario))
            if let writer { scenario.reporting.writer = writer }
            reportingWriter = noReporting || tipping ? nil : try scenario.reporting.writer.load(scenario.reporting)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if let start { scenario.start = Day(start)! }
        if let weeks { scenario.weeks = weeks }

        let folder = URL(fileURLWithPath: out, isDirectory: true)
        if tipping {
            try runTipping(scenario, folder: folder)
            return
        }
        let run = await Simulation.run(scenario, seed: seed, runs: runs, writer: reportingWriter)
        try SimulationOutput.write(run, to: folder)
        let summary = SimulationSummary(run)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        case .table:
            printTable(summary, folder: folder)
        }
        if score { try runScore(folder: folder) }
    }

    private func runScore(folder: URL) throws {
        let result = try SimulationScoring(context: try packOption.context()).run(folder: folder)
        try Data(try result.json().utf8).write(to: folder.appendingPathComponent("score.json"))
        let report = result.coding.report
        print("")
        print("score           ingested \(result.ingest.new + result.ingest.nearDuplicates) documents into \(result.database)")
        print(String(format: "  coding        macro F1 %.3f, micro F1 %.3f, province accuracy %.3f, sincerity accuracy %.3f",
            report.macroF1, report.micro.f1, report.provinceAccuracy, report.sincerityAccuracy))
        print("  warnings      \(result.warnings.count) raised; per kind (shifts detected, median delay, false alarms per year):")
        for kind in WarningKind.allCases {
            guard let k = result.warningScore.kinds[kind] else { continue }
            let delay = k.medianDelayDays.map { String(format: "%.0f days", $0) } ?? "–"
            let perYear = k.falseAlarmsPerYear.map { String(format: "%.2f", $0) } ?? "–"
            print("    \(kind.rawValue) \(kind.title.padding(toLength: 24, withPad: " ", startingAt: 0)) \(k.detected)/\(k.shifts) detected, median delay \(delay), \(k.falseAlarms) false alarms (\(perYear)/year)")
        }
        print("  written to    \(folder.appendingPathComponent("score.json").path)")
    }

    private func runTipping(_ scenario: Scenario, folder: URL) throws {
        let seeds = (0..<runs).map { seed &+ UInt64($0) }
        let report = TippingReport(experiment: TippingExperiment(base: scenario), seeds: seeds)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try report.json().write(to: folder.appendingPathComponent("tipping.json"))
        try Data(report.csv().utf8).write(to: folder.appendingPathComponent("tipping.csv"))
        if format == .json {
            print(String(decoding: try report.json(), as: UTF8.self))
            return
        }
        print("rule        withdrawal  median peak share publicly discontent (over \(seeds.count) seeds)")
        for rule in ArrestRule.allCases {
            for withdrawal in TippingExperiment.Withdrawal.allCases {
                let peak = report.medianPeak(rule: rule, withdrawal: withdrawal)
                print("\(rule.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(withdrawal.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(String(format: "%.3f", peak))")
            }
        }
        print("written to  \(folder.appendingPathComponent("tipping.json").path), tipping.csv")
    }

    private func printTable(_ s: SimulationSummary, folder: URL) {
        let h = s.strainHorizon
        func weeks(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "not crossed" }
        print("scenario        \(s.scenario) (seed \(s.seed), \(s.weeks) weeks from \(s.start), \(s.families) families)")
        print("documents       \(s.documents) (\(s.syndicatedCopies) syndicated copies, \(s.falseReports) false reports, \(s.labelledEvents) labelled events)")
        for (outlet, count) in s.documentsByOutlet.sorted(by: { $0.key < $1.key }) {
            print("  \(outlet.padding(toLength: 44, withPad: " ", startingAt: 0)) \(count)")
        }
        print("shifts          \(s.shifts) injected (truth/shifts.json)")
        print("strain horizon  median \(weeks(h.median)) weeks, p10 \(weeks(h.p10)), p90 \(weeks(h.p90)) (\(h.crossed) of \(h.runs) runs crossed \(h.threshold))")
        print("final week      \(s.final.bereaved) bereaved families, \(String(format: "%.1f", s.final.resentfulShare * 100))% privately resentful, \(String(format: "%.1f", s.final.discontentShare * 100))% publicly discontent")
        print("written to      \(folder.path)")
    }
}

extension ReportingWriterKind: ExpressibleByArgument {}
