import ArgumentParser
import WatchfloorPipeline

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List coded events, newest reporting first.",
        discussion: """
            JSON follows the contract in DESIGN.md ("Events JSON"); CSV has one row per event; GeoJSON puts \
            each event with a province at that province's centroid.

            Examples:
              watchfloor events --type GIFT_DELIVERY --province KP-09
              watchfloor events --since 2025-09-01 --format csv > events.csv
              watchfloor events --province none --format json
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Only events of this type (repeatable), e.g. GIFT_DELIVERY.")
    var type: [String] = []

    @Option(help: "Only events in this province (KP-01…KP-14), or none for events with no province.")
    var province: String?

    @Option(help: "Only events reported on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only events reported on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(help: "Only events from this kind of source.")
    var sourceKind: String?

    @Option(help: "Only events from documents in this language (ISO 639-1: en, ko, ru, uk, ja, zh, de, es …).")
    var language: String?

    @Option(help: "Only events with this review status (machine, accepted, rejected, edited).")
    var status: String?

    @Option(help: "At most this many events.")
    var limit: Int?

    @Option(help: "table, json, jsonl, csv or geojson.")
    var format: OutputFormat = .table

    func run() async throws {
        var filter = EventFilter(
            types: type.isEmpty ? nil : type.map(EventType.init(rawValue:)), province: try parseProvince(province),
            nationalOnly: province?.lowercased() == "none", since: try parseDay(since, option: "--since"),
            until: try parseDay(until, option: "--until"), sourceKind: try parseSourceKind(sourceKind),
            language: language.map(Language.init(rawValue:)), limit: limit)
        if let status {
            guard let parsed = ReviewStatus(rawValue: status) else {
                throw ValidationError("--status \(status): expected machine, accepted, rejected or edited")
            }
            filter.status = parsed
        }
        let events = try Workspace.openExistingStore(path: store.databasePath).events(filter)
        switch format {
        case .json: Terminal.output(try EventExport.json(events))
        case .jsonl: Terminal.output(try EventExport.jsonLines(events))
        case .csv: Terminal.output(EventExport.csv(events))
        case .geojson: Terminal.output(try EventExport.geoJSON(events))
        case .table:
            guard !events.isEmpty else { return Terminal.output("no events") }
            var table = Table(["id", "published", "type", "province", "conf", "source", "evidence"], maxWidths: [5: 22, 6: 90])
            for stored in events {
                let e = stored.event
                table.add([
                    e.id.map(String.init) ?? "", stored.day.description, e.type.rawValue, e.province?.code ?? "-",
                    String(format: "%.2f", e.confidence), stored.source.name, e.evidence.text,
                ])
            }
            Terminal.output(table.render())
        }
    }
}
