import Foundation
import Watchfloor
import WatchfloorPipeline
import WatchfloorStore

/// A request's query string, read as the dashboard and the API read it, and run against a real
/// SQLite store holding the bundled sample reporting: the events filter and its page, full-text
/// search, and the warnings list. A bad parameter is a `QueryProblem` (a 400); any other error,
/// or a filter that does not survive its own link, is a bug.
struct QueryHarness: Harness {
    let store: SQLiteStore

    init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watchfloor-fuzz-\(getpid()).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        store = try Workspace.openStore(path: path)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/illustrative")
        let context = try PipelineContext.load()
        _ = try context.ingestor(store: store, options: IngestOptions()).run(paths: [samples.path])
        _ = try context.warnings(store: store).run()
    }

    func run(_ bytes: [UInt8]) {
        let parameters = QueryParameters(query: String(decoding: bytes, as: UTF8.self))
        do {
            let query = try EventQuery(parameters)
            let again = try EventQuery(query.parameters)
            if again != query { violated("the events filter changed through its own link: \(query) → \(again)") }
            let page = try parameters.int("page", in: 1...100_000) ?? 1
            _ = try EventListing.load(from: store, query: query, page: page)
        } catch is QueryProblem {
        } catch {
            violated("the events query failed with \(error)")
        }
        do {
            _ = try SearchResults.load(from: store, parameters: parameters)
        } catch is QueryProblem {
        } catch {
            violated("search failed with \(error)")
        }
        do {
            _ = try WarningList.load(from: store, parameters: parameters)
        } catch is QueryProblem {
        } catch {
            violated("the warnings list failed with \(error)")
        }
    }
}
