import Foundation
import GRDB
import Testing
import WatchfloorStore
import WatchfloorTesting

/// The indicator triggers look up a story's remaining events by type and cluster on every delete.
/// Planned on (type, day), each lookup read every event of the type, and recode grew with the
/// square of the store (found by the soak: 7,999 documents 27 s, 31,643 documents 555 s).
@Suite struct EventIndexTests {
    @Test func aStorysRemainingEventsAreFoundThroughAnIndexOnTypeAndStory() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("plan.sqlite").path
        _ = try SQLiteStore(path: path)
        let plan = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT MIN(e.day) FROM events e
                    WHERE e.type = 'GIFT_DELIVERY' AND e.cluster = 7 AND e.counted AND e.province = 'KP-10'
                    """
            ).map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("events_by_type_cluster"), "\(plan)")
    }
}
