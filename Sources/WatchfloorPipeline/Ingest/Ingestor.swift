import Foundation
import Watchfloor
import WatchfloorIngest
import WatchfloorStore

/// Codes one stored-ready document into events (the coding stage, wired in by the caller).
public typealias DocumentCoder = @Sendable (_ document: Document, _ source: Source) -> [Event]

/// Settings of an ingest run.
public struct IngestOptions: Sendable {
    public var format: InputFormat = .auto
    public var encoding: TextEncoding = .auto
    public var limits = IngestLimits()
    /// `--source NAME`: the outlet for documents that do not name their own.
    public var defaultSource: String?
    /// Documents per transaction: a killed run loses at most one batch of work, never consistency.
    public var batchSize = 5000
    /// Leave the full-text index to be rebuilt once at the end (faster bulk loads).
    public var deferSearchIndex = false
    /// Exact Jaccard similarity of word 3-shingles above which a document is a syndicated copy.
    public var nearDuplicateThreshold = 0.7
    /// A copy joins a story only when published within this many days of its first report.
    public var storyWindowDays = DocumentToStore.defaultStoryWindowDays

    public init() {}
}

/// Reads files into the store: decode, parse, normalise, deduplicate, code, write in batches.
///
/// Ingest is idempotent (a report's id is the hash of its outlet, publication day and normalised
/// text, so a second run adds nothing) and crash-safe (every batch is one transaction; a rerun after a kill completes the
/// job and, reading the same files in the same order, produces the same database).
public struct Ingestor: Sendable {
    public var store: any Store
    public var registry: SourceRegistry
    public var coder: DocumentCoder?
    public var options: IngestOptions

    public init(store: any Store, registry: SourceRegistry, coder: DocumentCoder? = nil, options: IngestOptions = IngestOptions()) {
        self.store = store
        self.registry = registry
        self.coder = coder
        self.options = options
    }

    /// Ingests every file under `paths`. Rejections and notices are reported as they happen;
    /// `progress` is called after every batch and file.
    public func run(
        paths: [String],
        onRejection: (Rejection) -> Void = { _ in },
        onNotice: (InputNotice) -> Void = { _ in },
        progress: ((IngestProgress) -> Void)? = nil,
        beforeIndexing: () -> Void = {}
    ) throws -> IngestSummary {
        let started = Date()
        var summary = IngestSummary()
        let (files, missing) = InputReader.files(in: paths)
        for rejection in missing {
            summary.record(rejection)
            onRejection(rejection)
        }
        summary.files = files.count
        let reader = InputReader(format: options.format, encoding: options.encoding, limits: options.limits)
        let builder = DocumentBuilder(registry: registry, defaultOutlet: options.defaultSource, retrieved: started)
        var batch = PendingBatch()
        var state = IngestProgress(
            bytesRead: 0, totalBytes: files.reduce(0) { $0 + $1.size }, documents: 0, currentFile: "")

        if options.deferSearchIndex { try store.setSearchIndexDeferred(true) }
        for file in files {
            state.currentFile = file.path
            let before = state.bytesRead
            try reader.read(file) { item in
                switch item {
                case .document(let parsed):
                    summary.read += 1
                    switch builder.build(parsed) {
                    case .success(let built):
                        for notice in built.notices {
                            summary.notices += 1
                            onNotice(notice)
                        }
                        batch.add(built, threshold: options.nearDuplicateThreshold, window: options.storyWindowDays)
                        if batch.count >= options.batchSize {
                            try flush(&batch, into: &summary)
                            state.documents = summary.read
                            progress?(state)
                        }
                    case .failure(let rejection):
                        summary.read -= 1
                        summary.record(rejection)
                        onRejection(rejection)
                    }
                case .rejection(let rejection):
                    summary.record(rejection)
                    onRejection(rejection)
                case .notice(let notice):
                    summary.notices += 1
                    onNotice(notice)
                case .progress(let bytes):
                    state.bytesRead += bytes
                }
            }
            state.bytesRead = before + file.size
            try flush(&batch, into: &summary)
            state.documents = summary.read
            progress?(state)
        }
        try flush(&batch, into: &summary)
        if try options.deferSearchIndex || !store.status().searchIndexCurrent {
            beforeIndexing()
            let indexing = Date()
            try store.setSearchIndexDeferred(false)
            summary.indexSeconds = Date().timeIntervalSince(indexing)
        }
        summary.bytes = state.totalBytes
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private func flush(_ batch: inout PendingBatch, into summary: inout IngestSummary) throws {
        guard !batch.items.isEmpty else { return }
        defer { batch = PendingBatch() }
        summary.duplicates += batch.repeats
        // Known documents are dropped before coding, which costs more than the lookup; without a
        // coder the store's own duplicate check suffices.
        let existing = coder == nil ? [] : try store.existingDocuments(batch.items.map(\.document.id))
        var toStore: [DocumentToStore] = []
        for var item in batch.items {
            if existing.contains(item.document.id) {
                summary.duplicates += 1
                continue
            }
            if let coder { item.events = coder(item.document, item.source) }
            toStore.append(item)
        }
        let outcomes = try store.write(toStore)
        for (item, outcome) in zip(toStore, outcomes) {
            switch outcome {
            case .new:
                summary.new += 1
                summary.events += item.events.count
            case .nearDuplicate:
                summary.nearDuplicates += 1
                summary.events += item.events.count
            case .duplicate:
                summary.duplicates += 1
            }
        }
    }
}

/// Documents waiting for the next transaction, with repeats inside the batch dropped early.
private struct PendingBatch {
    var items: [DocumentToStore] = []
    var ids = Set<DocumentID>()
    var repeats = 0

    var count: Int { items.count }

    mutating func add(_ built: DocumentBuilder.Built, threshold: Double, window: Int) {
        guard ids.insert(built.document.id).inserted else {
            repeats += 1
            return
        }
        let text = built.document.text
        items.append(DocumentToStore(
            document: built.document, source: built.source, bandKeys: built.fingerprint?.bandKeys ?? [],
            isNearDuplicate: { candidate in ShingleFingerprint.similarity(text, candidate) >= threshold },
            storyWindowDays: window))
    }
}
