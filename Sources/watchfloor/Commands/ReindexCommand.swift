import ArgumentParser
import WatchfloorPipeline

struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the full-text search index from the stored documents.",
        discussion: "Needed only after an interrupted `ingest --defer-index`; `status` says when."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try Workspace.openExistingStore(path: store.databasePath).rebuildSearchIndex()
        Terminal.output("search index rebuilt")
    }
}
