import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorStore

/// Re-runs coding over every stored document after a pack change, in batches, each batch one
/// transaction; analysts' reviews are kept (a reviewed event stays reviewed, see the store).
public struct Recoder: Sendable {
    public struct Summary: Sendable, Codable {
        public var documents = 0
        public var eventsBefore = 0
        public var eventsAfter = 0
        public var seconds = 0.0

        enum CodingKeys: String, CodingKey {
            case documents, seconds
            case eventsBefore = "events_before"
            case eventsAfter = "events_after"
        }
    }

    public var store: any Store
    public var context: PipelineContext
    public var batchSize: Int

    public init(store: any Store, context: PipelineContext, batchSize: Int = 2000) {
        self.store = store
        self.context = context
        self.batchSize = batchSize
    }

    /// Recodes everything; `progress(done, total)` after each batch.
    public func run(progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let status = try store.status()
        summary.eventsBefore = status.events
        var cursor: Int64? = nil
        while true {
            let page = try store.documents(after: cursor, limit: batchSize)
            guard let last = page.last else { break }
            var events: [DocumentID: [Event]] = [:]
            for (_, document, source) in page { events[document.id] = context.code(document, source: source) }
            try store.replaceMachineEvents(events)
            summary.documents += page.count
            cursor = last.cursor
            progress?(summary.documents, status.documents)
        }
        summary.eventsAfter = try store.status().events
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
