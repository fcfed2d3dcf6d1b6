import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorStore

/// Re-runs coding over every stored document after a pack change, in batches, each batch one
/// transaction; analysts' reviews are kept (a reviewed event stays reviewed, see the store).
///
/// A recode that was stopped (SIGKILL, a power cut) resumes where its last batch ended when it is
/// run again with the same pack and batch size: each batch records, in its own transaction, the
/// last document it recoded. Starting over instead would recode those documents a second time and
/// give their events new ids, so the database would differ from an uninterrupted run's (the soak
/// found it: exports and warnings' event lists differed after a kill during recode).
public struct Recoder: Sendable {
    public struct Summary: Sendable, Codable {
        public var documents = 0
        public var eventsBefore = 0
        public var eventsAfter = 0
        public var seconds = 0.0
        /// Documents recoded by an earlier run that was stopped, and not recoded again.
        public var resumedAfter = 0

        enum CodingKeys: String, CodingKey {
            case documents, seconds
            case eventsBefore = "events_before"
            case eventsAfter = "events_after"
            case resumedAfter = "resumed_after"
        }
    }

    /// The `meta` key of an unfinished recode: `<pack digest> <batch size> <cursor> <documents done>`.
    static let progressKey = "recode_progress"

    public var store: any Store
    public var context: PipelineContext
    public var batchSize: Int

    public init(store: any Store, context: PipelineContext, batchSize: Int = 2000) {
        self.store = store
        self.context = context
        self.batchSize = batchSize
    }

    /// Recodes everything (or what a stopped run left); `progress(done, total)` after each batch.
    public func run(progress: ((Int, Int) throws -> Void)? = nil) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let status = try store.status()
        summary.eventsBefore = status.events
        let job = "\(Self.digest(of: context.pack.directory)) \(batchSize)"
        var cursor: Int64? = nil
        if let saved = try store.metadata(Self.progressKey)?.split(separator: " "), saved.count == 4,
            "\(saved[0]) \(saved[1])" == job, let last = Int64(saved[2]), let done = Int(saved[3])
        {
            cursor = last
            summary.resumedAfter = done
        }
        var done = summary.resumedAfter
        while true {
            let page = try store.documents(after: cursor, limit: batchSize)
            guard let last = page.last else { break }
            var events: [DocumentID: [Event]] = [:]
            for (_, document, source) in page { events[document.id] = context.code(document, source: source) }
            done += page.count
            try store.replaceMachineEvents(events, metadata: [Self.progressKey: "\(job) \(last.cursor) \(done)"])
            summary.documents += page.count
            cursor = last.cursor
            try progress?(done, status.documents)
        }
        try store.setMetadata(Self.progressKey, nil)
        summary.eventsAfter = try store.status().events
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// A digest of every file of the pack (names and contents), so that a recode stopped under one
    /// pack is not resumed under another.
    static func digest(of directory: URL) -> String {
        let manager = FileManager.default
        let names = (manager.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        var bytes: [UInt8] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            bytes += Array(name.utf8) + [0]
            bytes += Array(SHA256.hex((try? Data(contentsOf: url)) ?? Data()).utf8)
        }
        return String(SHA256.hex(bytes).prefix(16))
    }
}
