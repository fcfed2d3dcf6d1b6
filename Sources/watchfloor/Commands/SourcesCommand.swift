import ArgumentParser
import WatchfloorPipeline

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the sources with their kind, Admiralty reliability grade and coverage.",
        discussion: """
            Examples:
              watchfloor sources
              watchfloor sources --format csv
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func run() async throws {
        try require(format, in: [.table, .json, .csv])
        let sources = try Workspace.openExistingStore(path: store.databasePath).sources()
        struct Row: Encodable {
            var name: String, kind: String, reliability: String, documents: Int, events: Int
            var firstSeen: String?, lastSeen: String?
            enum CodingKeys: String, CodingKey {
                case name, kind, reliability, documents, events
                case firstSeen = "first_seen", lastSeen = "last_seen"
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(name, forKey: .name)
                try c.encode(kind, forKey: .kind)
                try c.encode(reliability, forKey: .reliability)
                try c.encode(documents, forKey: .documents)
                try c.encode(events, forKey: .events)
                try c.encode(firstSeen, forKey: .firstSeen)
                try c.encode(lastSeen, forKey: .lastSeen)
            }
        }
        let rows = sources.map {
            Row(name: $0.source.name, kind: $0.source.kind.rawValue, reliability: $0.source.reliability.rawValue,
                documents: $0.documents, events: $0.events, firstSeen: $0.firstSeen?.description, lastSeen: $0.lastSeen?.description)
        }
        switch format {
        case .json: Terminal.output(try JSONOutput.string(rows))
        case .csv:
            var out = CSVOutput.row(["name", "kind", "reliability", "documents", "events", "first_seen", "last_seen"])
            for r in rows {
                out += CSVOutput.row([r.name, r.kind, r.reliability, String(r.documents), String(r.events), r.firstSeen ?? "", r.lastSeen ?? ""])
            }
            Terminal.output(out)
        default:
            var table = Table(["source", "kind", "grade", "documents", "events", "first seen", "last seen"], maxWidths: [0: 40])
            for r in rows {
                table.add([r.name, r.kind, r.reliability, String(r.documents), String(r.events), r.firstSeen ?? "", r.lastSeen ?? ""])
            }
            Terminal.output(table.render())
        }
    }
}
