import ArgumentParser
import Foundation
import WatchfloorPipeline

/// `watchfloor bench changepoints`: the Poisson–Gamma BOCPD over count series read from files,
/// timed, with its alarms written out so that `Benchmarks/changepoints/` can score them with the
/// same Python code that scores the baselines.
struct BenchChangePointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changepoints",
        abstract: "Time the change detector over count series and write its alarms.",
        discussion: """
            Each input holds one count per line (numpy's savetxt format is fine). For each input the \
            command prints one JSON object: the series' length, the wall time of each repetition (the \
            detector only, on one core; reading the file is not timed), the median, points per second, \
            the number of alarms and the run-length hypotheses kept per day.

            With --alarms DIR it also writes DIR/<input name>.alarms: one alarm per line, \
            "t_alarm location direction probability", with 0-based indices (t_alarm is the last \
            observation the detector had seen, location the first observation of the new regime).

            Examples:
              watchfloor bench changepoints --input /tmp/cp/poisson_1000000.txt --reps 5
              watchfloor bench changepoints --input q_0.txt --input q_1.txt \\
                  --hazard-days 200 --alarms /tmp/cp/alarms
              Benchmarks/changepoints/run.sh    # beside the Python baselines
            """
    )

    @Option(name: .long, help: ArgumentHelp("A file of counts, one per line (repeatable).", valueName: "FILE"))
    var input: [String] = []

    @Option(name: .long, help: "Timed repetitions per input; the median is reported.")
    var reps: Int = 3

    @Option(name: .long, help: "Expected days between changes (the hazard is its inverse).")
    var hazardDays: Double = 365

    @Option(name: .long, help: ArgumentHelp(
        "The prior on a new regime's rate: empirical:SHAPE or fixed:SHAPE,RATE.", valueName: "PRIOR"))
    var prior: String = "empirical:1"

    @Option(name: .long, help: "An alarm is about a change within this many days.")
    var recentDays: Int = PoissonGammaBOCPD.Configuration.default.recentDays

    @Option(name: .long, help: "Posterior probability of a recent change that raises an alarm.")
    var alarmProbability: Double = PoissonGammaBOCPD.Configuration.default.alarmProbability

    @Option(name: .long, help: "A new regime must have lasted this many days to raise an alarm.")
    var confirmationDays: Int = PoissonGammaBOCPD.Configuration.default.confirmationDays

    @Option(name: .long, help: "Runs starting within this many days after an alarmed change are that change.")
    var separationDays: Int = PoissonGammaBOCPD.Configuration.default.separationDays

    @Option(name: .long, help: "Run-length hypotheses below this posterior probability are dropped.")
    var pruneMass: Double = PoissonGammaBOCPD.Configuration.default.pruneMass

    @Option(name: .long, help: "At most this many run-length hypotheses are kept.")
    var maxHypotheses: Int = PoissonGammaBOCPD.Configuration.default.maxHypotheses

    @Option(name: .long, help: ArgumentHelp("Write each input's alarms into this folder.", valueName: "DIR"))
    var alarms: String?

    func validate() throws {
        guard !input.isEmpty else { throw ValidationError("give at least one --input FILE") }
        guard reps >= 1 else { throw ValidationError("--reps must be at least 1") }
        guard hazardDays > 1 else { throw ValidationError("--hazard-days must be more than 1") }
        _ = try parsePrior()
    }

    func parsePrior() throws -> GammaPrior {
        let parts = prior.split(separator: ":", maxSplits: 1).map(String.init)
        let numbers = parts.count == 2 ? parts[1].split(separator: ",").compactMap { Double($0) } : []
        switch (parts.first, numbers.count) {
        case ("empirical", 1) where numbers[0] > 0: return .empirical(shape: numbers[0])
        case ("fixed", 2) where numbers[0] > 0 && numbers[1] > 0: return .fixed(shape: numbers[0], rate: numbers[1])
        default:
            throw ValidationError("--prior: expected empirical:SHAPE or fixed:SHAPE,RATE with positive numbers, found \"\(prior)\"")
        }
    }

    func run() async throws {
        let configuration = PoissonGammaBOCPD.Configuration(
            hazard: 1 / hazardDays, prior: try parsePrior(), recentDays: recentDays,
            alarmProbability: alarmProbability, confirmationDays: confirmationDays,
            separationDays: separationDays, pruneMass: pruneMass,
            maxHypotheses: maxHypotheses)
        if let alarms {
            try FileManager.default.createDirectory(atPath: alarms, withIntermediateDirectories: true)
        }
        for path in input {
            let counts = try Self.readCounts(path)
            var times: [Double] = []
            var scan: ChangePointScan?
            for _ in 0..<reps {
                let clock = ContinuousClock()
                let started = clock.now
                let result = ChangePointScan(counts: counts, configuration: configuration)
                let elapsed = clock.now - started
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                scan = result
            }
            guard let scan else { continue }
            let median = times.sorted()[times.count / 2]
            if let alarms {
                let name = URL(fileURLWithPath: path).lastPathComponent + ".alarms"
                let lines = scan.alarms.map { "\($0.index) \($0.location) \($0.direction) \($0.probability)\n" }
                try lines.joined().write(toFile: alarms + "/" + name, atomically: true, encoding: .utf8)
            }
            let record: [String: Any] = [
                "bench": "changepoints", "method": "watchfloor_bocpd", "input": path, "n": counts.count,
                "reps": reps, "times_s": times.map { ($0 * 1e4).rounded() / 1e4 },
                "median_s": (median * 1e4).rounded() / 1e4,
                "points_per_s": median > 0 ? (Double(counts.count) / median).rounded() : 0,
                "alarms": scan.alarms.count,
                "mean_hypotheses": (scan.meanHypotheses * 100).rounded() / 100, "max_hypotheses": scan.maxHypotheses,
                "hazard_days": hazardDays, "prior": configuration.prior.description, "recent_days": recentDays,
                "alarm_probability": alarmProbability, "separation_days": separationDays, "confirmation_days": confirmationDays,
                "prune_mass": pruneMass,
            ]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// One number per line; blank lines and `#` comments are skipped.
    static func readCounts(_ path: String) throws -> [Double] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot read the file")
        }
        var counts: [Double] = []
        var line = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let value = Double(text), value >= 0, value.isFinite else {
                throw ValidationError("\(path):\(line): expected a count (a number ≥ 0), found \"\(text)\"")
            }
            counts.append(value)
        }
        return counts
    }
}
