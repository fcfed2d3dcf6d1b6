import ArgumentParser
import WatchfloorPipeline

struct WarningsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings",
        abstract: "List the warnings (W1–W5) the reporting raises, newest detection first.",
        discussion: """
            Warnings are recomputed when the stored events have changed since the last analysis. Each \
            has its onset (the estimated start of the change), the day it was first detectable from the \
            reporting published up to then, a score, a plain-English explanation and the ids of the \
            events behind it (see `watchfloor events` and `watchfloor explain`).

            The analysis date is the last publication day in the database unless --as-of says otherwise.

            Examples:
              watchfloor warnings
              watchfloor warnings --format json
              watchfloor warnings --as-of 2025-12-31 --kind W3
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Option(help: "Analyse as of this day (YYYY-MM-DD): later reporting is ignored.")
    var asOf: String?

    @Option(help: "Only warnings of this kind (W1…W5; repeatable).")
    var kind: [String] = []

    @Flag(help: "Recompute even if nothing changed.")
    var refresh = false

    func run() async throws {
        try require(format, in: [.table, .json])
        let kinds = try kind.map { value in
            guard let kind = WarningKind(rawValue: value.uppercased()) else {
                throw ValidationError("--kind \(value): expected one of W1, W2, W3, W4, W5")
            }
            return kind
        }
        let store = try Workspace.openExistingStore(path: self.store.databasePath)
        let day = try parseDay(asOf, option: "--as-of")
        var warnings = try packOption.context().warnings(store: store).run(asOf: day, force: refresh || day != nil)
        if !kinds.isEmpty { warnings = warnings.filter { kinds.contains($0.kind) } }
        if format == .json {
            return Terminal.output(try JSONOutput.string(warnings.map(WarningRecord.init)))
        }
        guard !warnings.isEmpty else { return Terminal.output("no warnings") }
        for warning in warnings {
            Terminal.output("""
                #\(warning.id ?? 0) \(warning.kind.rawValue) \(warning.kind.title) — \(warning.province.map { "\($0.name) (\($0.code))" } ?? "national")
                  onset \(warning.onset)  detected \(warning.detectedOn)  score \(String(format: "%.2f", warning.score))  types \(warning.types.map(\.rawValue).joined(separator: ", "))
                  \(warning.explanation)
                  events: \(warning.events.prefix(12).map { "#\($0)" }.joined(separator: " "))\(warning.events.count > 12 ? " … (\(warning.events.count))" : "")

                """)
        }
    }
}
