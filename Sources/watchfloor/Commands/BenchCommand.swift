import ArgumentParser

/// `watchfloor bench …`: measurements run on a release build (`swift build -c release`), printed as
/// one JSON object per line so that scripts under `Benchmarks/` can put them beside their peers.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a stage's speed (run on a release build).",
        subcommands: [
            // One type per benchmark, in Commands/Bench/.
            BenchIngestCommand.self,
            BenchMatchCommand.self,
            BenchCodeCommand.self,
            BenchSimulateCommand.self,
            BenchChangePointsCommand.self,
            BenchServeCommand.self,
        ]
    )
}
