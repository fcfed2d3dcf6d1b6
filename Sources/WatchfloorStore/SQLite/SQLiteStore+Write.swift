import Foundation
import GRDB
import Watchfloor

extension SQLiteStore {
    public func existingDocuments(_ ids: [DocumentID]) throws -> Set<DocumentID> {
        guard !ids.isEmpty else { return [] }
        return try read("look up documents") { db in
            var found = Set<DocumentID>()
            let wanted = Set(ids)
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let slice = ids[chunk..<min(chunk + 500, ids.count)]
                let placeholders = Array(repeating: "?", count: slice.count).joined(separator: ",")
                let rows = try String.fetchAll(
                    db, sql: "SELECT id FROM documents WHERE id_key IN (\(placeholders))",
                    arguments: StatementArguments(slice.map { DocumentKey.key($0.rawValue) }))
                found.formUnion(rows.map(DocumentID.init(rawValue:)).filter(wanted.contains))
            }
            return found
        }
    }

    @discardableResult
    public func write(_ batch: [DocumentToStore]) throws -> [WriteOutcome] {
        guard !batch.isEmpty else { return [] }
        // The in-memory near-duplicate index learns a batch's representatives only once the batch
        // is committed; a rolled-back batch leaves it as it was.
        return try nearDuplicates.withLock { index in
            var added: [(seq: Int64, day: Int, bands: [Int64])] = []
            let outcomes = try write("store \(batch.count) documents") { db in
                try index.catchUp(db)
                var writer = try BatchWriter(db: db, index: index)
                let outcomes = try batch.map { try writer.store($0) }
                added = writer.representatives
                return outcomes
            }
            for (seq, day, bands) in added { index.add(seq: seq, day: day, bandKeys: bands) }
            return outcomes
        }
    }

    public func replaceMachineEvents(_ events: [DocumentID: [Event]], metadata: [String: String?]) throws {
        guard !events.isEmpty || !metadata.isEmpty else { return }
        try write("replace coded events") { db in
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try MetadataTable.set(key, value, in: db)
            }
            let writer = try BatchWriter(db: db, index: NearDuplicateIndex())
            for (id, documentEvents) in events.sorted(by: { $0.key < $1.key }) {
                guard let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.seq, d.day, d.cluster, s.reliability FROM documents d
                        JOIN sources s ON s.id = d.source_id WHERE d.id_key = ? AND d.id = ?
                        """, arguments: [DocumentKey.key(id.rawValue), id.rawValue])
                else { throw StoreError(.notFound, "no document \(id.short) to recode", path: location) }
                try db.execute(sql: "DELETE FROM events WHERE document_seq = ? AND origin = 'machine'", arguments: [row["seq"]])
                let weight = Reliability(rawValue: row["reliability"])?.weight ?? Reliability.f.weight
                try writer.insertEvents(
                    documentEvents, documentSeq: row["seq"], day: row["day"], cluster: row["cluster"], weight: weight)
            }
            try ReviewOverlay.markSuperseded(db)
        }
    }

    public func setSearchIndexDeferred(_ deferred: Bool) throws {
        if deferred {
            try write("defer the search index") { db in
                try db.execute(sql: SearchIndexTriggers.drop)
                try db.execute(sql: "UPDATE meta SET value = 'stale' WHERE key = 'search_index'")
            }
        } else {
            try rebuildSearchIndex()
        }
    }

    public func rebuildSearchIndex() throws {
        try write("rebuild the search index") { db in
            try db.execute(sql: SearchIndexTriggers.rebuild)
            try db.execute(sql: SearchIndexTriggers.create)
            try db.execute(sql: "UPDATE meta SET value = 'current' WHERE key = 'search_index'")
        }
    }
}

/// Writes documents and events within one transaction, with prepared statements reused.
struct BatchWriter {
    let db: Database
    let index: NearDuplicateIndex
    /// Representatives written in this batch, for near-duplicates within the batch and, after the
    /// commit, for the index.
    private(set) var representatives: [(seq: Int64, day: Int, bands: [Int64])] = []
    /// This batch's representatives, looked up beside `index` (which learns them only once the
    /// batch is committed).
    private let pending = NearDuplicateIndex()
    private var nextSeq: Int64
    private var sourceIDs: [String: Int64] = [:]
    private let timestamps = ISO8601DateFormatter()
    /// Every document of a run shares its retrieval time: format it once.
    private var lastRetrieved: (date: Date, text: String)?
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(db: Database, index: NearDuplicateIndex) throws {
        self.db = db
        self.index = index
        nextSeq = (try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM documents") ?? 0) + 1
    }

    mutating func store(_ item: DocumentToStore) throws -> WriteOutcome {
        let document = item.document
        let idKey = DocumentKey.key(document.id.rawValue)
        if try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM documents WHERE id_key = ?"), arguments: [idKey])
            .contains(document.id.rawValue)
        {
            return .duplicate
        }
        let sourceID = try sourceID(for: item.source)
        let seq = nextSeq
        nextSeq += 1

        let day = item.day
        var cluster = seq
        var outcome = WriteOutcome.new
        if let representative = try nearDuplicateCluster(of: item, day: day) {
            cluster = representative.seq
            outcome = .nearDuplicate(of: representative.id)
        }
        try db.cachedStatement(sql: """
            INSERT INTO documents(seq, id, id_key, external_id, url, title, source_id, published, day, retrieved, language,
                text, cluster, origin, bands, hangul)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                seq, document.id.rawValue, idKey, document.externalID, document.url, document.title, sourceID,
                document.published?.description, day.description, retrievedText(document.retrieved),
                document.language.rawValue, document.text, cluster, document.origin,
                cluster == seq && !item.bandKeys.isEmpty ? NearDuplicateIndex.encode(item.bandKeys) : nil,
                Self.needsTrigramIndex(document.text),
            ])
        if cluster == seq, !item.bandKeys.isEmpty {
            representatives.append((seq, day.ordinal, item.bandKeys))
            pending.add(seq: seq, day: day.ordinal, bandKeys: item.bandKeys)
        }
        try insertEvents(item.events, documentSeq: seq, day: day.description, cluster: cluster, weight: item.source.reliability.weight)
        return outcome
    }

    private mutating func retrievedText(_ date: Date) -> String {
        if let last = lastRetrieved, last.date == date { return last.text }
        let text = timestamps.string(from: date)
        lastRetrieved = (date, text)
        return text
    }

    /// The first report of the story this one copies, if any: a representative published within
    /// the story window whose text is similar enough. At most a few candidates are read (see
    /// ``NearDuplicateIndex``), so the work per document is bounded.
    private func nearDuplicateCluster(of item: DocumentToStore, day: Day) throws -> (seq: Int64, id: DocumentID)? {
        guard !item.bandKeys.isEmpty else { return nil }
        let window = max(0, item.storyWindowDays)
        var candidates = index.candidates(item.bandKeys, day: day.ordinal, window: window)
        for seq in pending.candidates(item.bandKeys, day: day.ordinal, window: window) where !candidates.contains(seq) {
            candidates.append(seq)
        }
        for candidate in candidates {
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, text, cluster FROM documents WHERE seq = ?"), arguments: [candidate])
            else { continue }
            if item.isNearDuplicate(row["text"]) {
                let cluster: Int64 = row["cluster"]
                let id = cluster == candidate
                    ? DocumentID(rawValue: row["id"])
                    : DocumentID(rawValue: try String.fetchOne(db, sql: "SELECT id FROM documents WHERE seq = ?", arguments: [cluster]) ?? row["id"])
                return (cluster, id)
            }
        }
        return nil
    }

    private mutating func sourceID(for source: Source) throws -> Int64 {
        if let id = sourceIDs[source.name] { return id }
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, kind, reliability FROM sources WHERE name = ?"), arguments: [source.name])
        {
            let id: Int64 = row["id"]
            // A source first seen without registry information learns its kind and grade later.
            if row["kind"] == SourceKind.other.rawValue, row["reliability"] == Reliability.f.rawValue,
                source.kind != .other || source.reliability != .f
            {
                try db.execute(
                    sql: "UPDATE sources SET kind = ?, reliability = ?, language = ? WHERE id = ?",
                    arguments: [source.kind.rawValue, source.reliability.rawValue, source.language?.rawValue, id])
            }
            sourceIDs[source.name] = id
            return id
        }
        try db.execute(
            sql: "INSERT INTO sources(name, kind, reliability, language) VALUES (?, ?, ?, ?)",
            arguments: [source.name, source.kind.rawValue, source.reliability.rawValue, source.language?.rawValue])
        let id = db.lastInsertedRowID
        sourceIDs[source.name] = id
        return id
    }

    /// Inserts machine events; `weight` is the source's reliability weight (each event's is that
    /// times its confidence).
    func insertEvents(_ events: [Event], documentSeq: Int64, day: String, cluster: Int64, weight: Double) throws {
        guard !events.isEmpty else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO events(document_seq, type, province, date, date_precision, sincerity, attributes, confidence,
                sentence_start, sentence_end, evidence_text, cues, rule, status, reviewer, origin, counted, day, cluster, weight)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'machine', NULL, 'machine', 1, ?, ?, ?)
            """)
        for event in events {
            try insert.execute(arguments: [
                documentSeq, event.type.rawValue, event.province?.code, event.date?.day.description,
                event.date?.precision.rawValue, event.sincerity?.rawValue, try json(event.attributes), event.confidence,
                event.evidence.sentence.start, event.evidence.sentence.end, event.evidence.text,
                try json(event.evidence.cues), event.evidence.rule, day, cluster, weight * event.confidence,
            ])
        }
    }

    /// Whether the text has any Hangul, Han or kana: a script written without spaces between
    /// words (Korean eojeol carry particles), which the word index cannot search inside, so the
    /// document goes to the trigram index too. A UTF-8 lead byte 0xE3–0xED covers U+3000–U+DFFF:
    /// CJK punctuation, kana, Han, Hangul; 0xE1 0x84–0x87 the conjoining jamo.
    static func needsTrigramIndex(_ text: String) -> Bool {
        if text.isASCII { return false }
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte >= 0xE3 && byte <= 0xED { return true }
            if byte == 0xE1, let next = utf8.next(), next >= 0x84 && next <= 0x87 { return true }
        }
        return false
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Reviewed events are kept apart from machine output; a machine event that an analyst has
/// reviewed stops counting (the review counts instead).
///
/// A recode deletes the machine events and inserts new ones (the reviews' links to them are set
/// to NULL by the foreign key). This finds, for every review, the recoded machine events with the
/// same document, sentence, type and province — the same event, coded again — links the review
/// to it and stops them counting. It runs after every recode batch; the work is one indexed
/// lookup per review.
enum ReviewOverlay {
    static func markSuperseded(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE events SET counted = 0 WHERE counted AND origin = 'machine' AND id IN (
                SELECT e.id FROM reviews r JOIN events e
                    ON e.document_seq = r.document_seq AND e.sentence_start = r.sentence_start
                    AND e.sentence_end = r.sentence_end AND e.type = r.machine_type
                    AND e.province IS r.machine_province AND e.origin = 'machine');
            UPDATE reviews SET machine_event_id = (
                SELECT e.id FROM events e
                WHERE e.document_seq = reviews.document_seq AND e.sentence_start = reviews.sentence_start
                    AND e.sentence_end = reviews.sentence_end AND e.type = reviews.machine_type
                    AND e.province IS reviews.machine_province AND e.origin = 'machine'
                ORDER BY e.id LIMIT 1)
            WHERE machine_event_id IS NULL;
            """)
    }
}
