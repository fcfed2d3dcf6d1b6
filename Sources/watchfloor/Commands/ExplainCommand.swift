import ArgumentParser
import WatchfloorPipeline

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a document with its events and the cues that produced each.",
        discussion: """
            DOC_ID is a document's id or a unique prefix of at least six characters (as `events` and \
            `search` print them).

            Examples:
              watchfloor explain 3f9a1c2b7d40
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Argument(help: "The document's id, or a unique prefix of it.")
    var documentID: String

    func run() async throws {
        let store = try Workspace.openExistingStore(path: self.store.databasePath)
        guard let document = try store.document(documentID) else {
            throw ValidationError("no single document has an id starting with \"\(documentID)\" in \(store.location)")
        }
        let events = try store.events(EventFilter(document: document.document.id, order: .documentOrder))
        Terminal.output(Explanation.render(document, events: events, context: try packOption.context()))
    }
}
