import ArgumentParser
import WatchfloorPipeline

struct RecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recode",
        abstract: "Re-run coding over every stored document (after a pack change).",
        discussion: """
            Documents are recoded in batches, each one transaction; events an analyst has reviewed are \
            kept. Warnings are recomputed afterwards. A recode that was stopped resumes where it \
            stopped when run again with the same pack and batch size.

            Examples:
              watchfloor recode
              watchfloor recode --pack ~/packs/gift-politics-test --db team.sqlite
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Option(help: "Documents per transaction.")
    var batchSize: Int = 2000

    func run() async throws {
        let store = try Workspace.openExistingStore(path: self.store.databasePath)
        let context = try packOption.context()
        let bar = ProgressBar()
        let summary = try Recoder(store: store, context: context, batchSize: max(batchSize, 1)).run { done, total in
            bar.update(fraction: total > 0 ? Double(done) / Double(total) : 1, detail: "\(done) of \(total) documents")
        }
        bar.finish()
        let warnings = try context.warnings(store: store).run()
        let resumed = summary.resumedAfter > 0 ? " (resumed after \(summary.resumedAfter) recoded by a stopped run)" : ""
        Terminal.output(
            "recoded \(summary.documents) documents\(resumed) in \(String(format: "%.1f", summary.seconds)) s: "
                + "\(summary.eventsBefore) events before, \(summary.eventsAfter) after; \(warnings.count) warnings")
    }
}
