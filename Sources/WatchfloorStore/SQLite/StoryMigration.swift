import Foundation
import GRDB
import Watchfloor

/// Brings a database written before reports and stories were defined (`DESIGN.md`, "Reports,
/// stories and identity") up to date: migration v4.
///
/// - **Identity.** A document's id was the hash of its text alone; it becomes the hash of outlet,
///   publication day and text (``DocumentID/init(outlet:published:normalizedText:)``). Reports
///   dropped as duplicates of an earlier day's identical text were never stored and cannot be
///   recovered: re-ingest their files to add them.
/// - **Stories in time.** Near-duplicate clusters had no time window, so a report from October
///   could join a story that began in March. Every cluster is split, in publication order, into
///   stories that each span at most ``DocumentToStore/defaultStoryWindowDays`` from their first
///   report. Members of one old cluster were all similar to its first document, so splitting
///   needs no new similarity check; each new story's first report becomes its representative and
///   gets band keys, so that later copies find it.
/// - Events take their document's new story, and the indicator tables are recomputed.
enum StoryMigration {
    static func migrate(_ db: Database, windowDays: Int = DocumentToStore.defaultStoryWindowDays) throws {
        try reidentify(db)
        try db.execute(sql: IndicatorTriggers.drop)
        try recluster(db, windowDays: windowDays)
        try db.execute(sql: """
            UPDATE events SET cluster = (SELECT d.cluster FROM documents d WHERE d.seq = events.document_seq)
            WHERE cluster != (SELECT d.cluster FROM documents d WHERE d.seq = events.document_seq);
            """)
        try db.execute(sql: IndicatorTriggers.rebuild)
        try db.execute(sql: IndicatorTriggers.create)
    }

    private static func reidentify(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE documents SET id = ?, id_key = ? WHERE seq = ?")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.seq, d.published, d.text, s.name FROM documents d JOIN sources s ON s.id = d.source_id
            """)
        var updates: [(seq: Int64, id: String)] = []
        while let row = try rows.next() {
            let published = (row["published"] as String?).flatMap { Day($0) }
            let id = DocumentID(outlet: row["name"], published: published, normalizedText: row["text"]).rawValue
            updates.append((row["seq"], id))
        }
        for (seq, id) in updates { try update.execute(arguments: [id, DocumentKey.key(id), seq]) }
    }

    private static func recluster(_ db: Database, windowDays: Int) throws {
        let clusters = try Int64.fetchAll(db, sql: "SELECT DISTINCT cluster FROM documents WHERE cluster != seq ORDER BY cluster")
        let update = try db.makeStatement(sql: "UPDATE documents SET cluster = ?, bands = ? WHERE seq = ?")
        for cluster in clusters {
            let members = try Row.fetchAll(
                db, sql: "SELECT seq, day, text, bands FROM documents WHERE cluster = ? ORDER BY day, seq", arguments: [cluster])
            var story: (seq: Int64, day: Day)?
            for member in members {
                let seq: Int64 = member["seq"]
                let day = Day(member["day"] as String) ?? Day(ordinal: 0)
                if let current = story, day - current.day <= windowDays {
                    try update.execute(arguments: [current.seq, nil as Data?, seq])
                    continue
                }
                story = (seq, day)
                var bands: Data? = member["bands"]
                if bands == nil, let fingerprint = ShingleFingerprint(text: member["text"]) {
                    bands = NearDuplicateIndex.encode(fingerprint.bandKeys)
                }
                try update.execute(arguments: [seq, bands, seq])
            }
        }
    }
}
