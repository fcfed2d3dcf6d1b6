import Foundation
import GRDB
import Synchronization
import Testing
import Watchfloor
@testable import WatchfloorStore
import WatchfloorTesting

/// Reports and stories (`DESIGN.md`, "Reports, stories and identity"): a report is an outlet's
/// text on a day; a story is the reports that copy one another within the story window.
@Suite struct StoriesInTimeTests {
    let formula = "The bereaved families of the heroes expressed boundless gratitude to the respected General Secretary."
    let wire = Source(name: "Example Wire", kind: .wire, reliability: .b)

    @Test func theSameFormulaOnThreeDatesIsThreeStoriesAndASameDayCopyIsNotAFourth() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let january = document(formula, source: stateMedia, published: "2025-01-10")
        let march = document(formula, source: stateMedia, published: "2025-03-10")
        let june = document(formula, source: stateMedia, published: "2025-06-10")
        let copy = document(formula, source: wire, published: "2025-03-10")
        #expect(Set([january.id, march.id, june.id, copy.id]).count == 4)
        let outcomes = try store.write([
            item(january, source: stateMedia, band: 5), item(march, source: stateMedia, band: 5),
            item(june, source: stateMedia, band: 5), item(copy, source: wire, band: 5),
        ])
        #expect(outcomes == [.new, .new, .new, .nearDuplicate(of: march.id)])
        #expect(try store.status().clusters == 3)
        // Re-ingesting adds nothing.
        let again = try store.write([item(january, source: stateMedia, band: 5), item(copy, source: wire, band: 5)])
        #expect(again == [.duplicate, .duplicate])
        #expect(try store.status().documents == 4)
    }

    @Test func aCopyJoinsAStoryOnlyWithinTheWindow() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let first = document("A wire story about gifts delivered to bereaved families in Chongjin.", published: "2025-10-01")
        let soon = document("A wire story about gifts delivered to bereaved families in Chongjin. Reposted.", source: wire, published: "2025-10-07")
        let late = document("A wire story about gifts delivered to bereaved families in Chongjin. Reposted again.", source: wire, published: "2025-10-20")
        let outcomes = try store.write([item(first, band: 3), item(soon, source: wire, band: 3), item(late, source: wire, band: 3)])
        #expect(outcomes == [.new, .nearDuplicate(of: first.id), .new])
        // The window is a setting of the write.
        let other = try StoreFixture()
        var wide = item(late, source: wire, band: 3)
        wide.storyWindowDays = 30
        #expect(try other.store.write([item(first, band: 3), wide]) == [.new, .nearDuplicate(of: first.id)])
    }

    /// A templated feed: every record shares a band with every other, none is a copy. The exact
    /// check runs a bounded number of times per record, however long the feed.
    @Test func templatedRecordsCostABoundedNumberOfChecks() throws {
        let fixture = try StoreFixture()
        let calls = Mutex<[Int]>([])
        let items = (0..<3_000).map { n in
            DocumentToStore(
                document: document("Report \(n): gifts were delivered to families in Hyesan.", published: "2025-10-01"),
                source: insider, bandKeys: [11, 12, 13],
                isNearDuplicate: { _ in calls.withLock { $0.append(n) }; return false })
        }
        for start in stride(from: 0, to: items.count, by: 500) {
            try fixture.store.write(Array(items[start..<start + 500]))
        }
        let perRecord = Dictionary(grouping: calls.withLock { $0 }, by: { $0 }).values.map(\.count)
        #expect(try fixture.store.status().documents == 3_000)
        #expect(perRecord.max() ?? 0 <= 16)
    }

    /// A database written before reports and stories (schema v3): ids were the text's hash, and
    /// one cluster spanned five months. Opening it migrates: new ids, clusters split by the
    /// window, events moved to their story, indicator series counting each story once.
    @Test func migratesADatabaseWrittenBeforeStories() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Schema.migrator().migrate(old, upTo: "v3: documents by publication day")
        let texts = [
            (1, "2025-01-10", "State media honoured the fallen heroes at a ceremony in Pyongyang on Friday morning."),
            (2, "2025-01-12", "State media honoured the fallen heroes at a ceremony in Pyongyang on Friday morning, a wire said."),
            (3, "2025-03-10", "State media honoured the fallen heroes at a ceremony in Pyongyang on Friday morning again."),
            (4, "2025-06-10", "State media honoured the fallen heroes at a ceremony in Pyongyang on Friday morning once more."),
        ]
        try old.write { db in
            try db.execute(sql: "INSERT INTO sources(id, name, kind, reliability) VALUES (1, 'Example State Media', 'state_media', 'C')")
            for (seq, day, text) in texts {
                let oldID = SHA256.hex(text)
                try db.execute(
                    sql: """
                        INSERT INTO documents(seq, id, id_key, source_id, published, day, retrieved, language, text, cluster, bands)
                        VALUES (?, ?, ?, 1, ?, ?, '2025-07-01T00:00:00Z', 'en', ?, 1, ?)
                        """,
                    arguments: [seq, oldID, DocumentKey.key(oldID), day, day, text,
                                seq == 1 ? NearDuplicateIndex.encode([77]) : nil])
                try db.execute(
                    sql: """
                        INSERT INTO events(document_seq, type, province, confidence, sentence_start, sentence_end,
                            evidence_text, day, cluster, weight) VALUES (?, 'MEMORIAL_HONOR', 'KP-01', 0.9, 0, 10, 'x', ?, 1, 0.63)
                        """, arguments: [seq, day])
            }
        }
        let series = { (store: SQLiteStore) in
            try store.series(SeriesKey(type: .memorialHonor, province: .pyongyang), weighted: false).values.reduce(0, +)
        }
        try old.close()

        let store = try SQLiteStore(path: path)
        #expect(try series(store) == 3)
        #expect(try store.status().clusters == 3)
        let ids = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY seq") }
        #expect(ids == texts.map { DocumentID(outlet: "Example State Media", published: Day($0.1), normalizedText: $0.2).rawValue })
        let clusters = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT cluster FROM documents ORDER BY seq") }
        #expect(clusters == [1, 1, 3, 4])
        let eventClusters = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT cluster FROM events ORDER BY document_seq") }
        #expect(eventClusters == [1, 1, 3, 4])
        // The new stories' first reports have band keys, so later copies find them.
        let banded = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM documents WHERE bands IS NOT NULL ORDER BY seq") }
        #expect(banded == [1, 3, 4])
        // The indicator triggers are back: a new event counts.
        let next = document("A new memorial was unveiled in Pyongyang on Monday for the fallen heroes.", source: stateMedia, published: "2025-07-01")
        try store.write([item(next, source: stateMedia, events: [event(.memorialHonor, in: next, province: .pyongyang)])])
        #expect(try series(store) == 4)
    }
}
