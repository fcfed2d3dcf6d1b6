import Foundation
import GRDB
import Watchfloor

/// Reads the dashboard makes on every page view, answered from the precomputed tables
/// (`indicator_daily`, `coverage_daily`) so that they stay cheap with millions of events.
extension SQLiteStore {
    public func event(_ id: Int64) throws -> StoredEvent? {
        try read("read event \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.eventColumns) \(Self.joins) WHERE e.id = ?", arguments: [id])
                .map(Self.storedEvent)
        }
    }

    public func totals() throws -> StoreTotals {
        try read("read the totals") { db in
            let coverage = try Row.fetchOne(
                db, sql: "SELECT COALESCE(SUM(documents), 0) AS documents, MIN(day) AS first, MAX(day) AS last FROM coverage_daily")
            let events = try Int.fetchOne(
                db,
                sql: """
                    WITH RECURSIVE \(Self.indicatorTypes)
                    SELECT COALESCE(SUM(i.events), 0) FROM types t JOIN indicator_daily i ON i.type = t.type AND i.scope = 'national'
                    """) ?? 0
            return StoreTotals(
                documents: coverage?["documents"] ?? 0, events: events,
                sources: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0,
                warnings: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM warnings") ?? 0,
                reviews: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviews") ?? 0,
                firstDay: (coverage?["first"] as String?).flatMap { Day($0) },
                lastDay: (coverage?["last"] as String?).flatMap { Day($0) },
                searchIndexCurrent: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_index'") == "current")
        }
    }

    public func countEvents(_ filter: EventFilter, upTo limit: Int) throws -> EventCount {
        if let count = try indicatorCount(filter) { return EventCount(count, isExact: true) }
        let (condition, arguments) = whereClause(filter)
        // The joins are needed only when the filter looks at the document or its source.
        let from = filter.sourceKind != nil || filter.document != nil || filter.language != nil ? Self.joins : "FROM events e"
        let found = try read("count events") { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (SELECT 1 \(from) WHERE \(condition) LIMIT ?)",
                arguments: arguments + [max(limit, 0) + 1]) ?? 0
        }
        return found > limit ? EventCount(limit, isExact: false) : EventCount(found, isExact: true)
    }

    public func series(_ key: SeriesKey, weighted: Bool, window: DayInterval) throws -> DailySeries {
        try read("read a series") { db in
            var values = [Double](repeating: 0, count: window.count)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT day, clusters, weighted FROM indicator_daily
                    WHERE type = ? AND scope = ? AND day >= ? AND day <= ?
                    """,
                arguments: [key.type.rawValue, key.province?.code ?? "national", window.first.description, window.last.description])
            while let row = try rows.next() {
                guard let day = Day(row["day"] as String) else { continue }
                values[day - window.first] = weighted ? row["weighted"] : Double(row["clusters"] as Int)
            }
            return DailySeries(start: window.first, values: values)
        }
    }

    /// The sizes and modification times of the database file and its write-ahead log: every commit
    /// appends to the log (or, after a checkpoint, rewrites it), so the token moves with every
    /// change made by any connection. (`PRAGMA data_version` would need a connection of its own.)
    public func changeToken() -> String? {
        var token = ""
        for suffix in ["", "-wal"] {
            var info = stat()
            guard stat(location + suffix, &info) == 0 else {
                if suffix.isEmpty { return nil }
                continue
            }
            #if canImport(Darwin)
            let modified = info.st_mtimespec
            #else
            let modified = info.st_mtim
            #endif
            token += "\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec);"
        }
        return token
    }

    /// The exact count for a filter on types, one province and publication days only, from the
    /// indicator table's per-day event counts (which count exactly the events that count).
    private func indicatorCount(_ filter: EventFilter) throws -> Int? {
        guard filter.sourceKind == nil, filter.language == nil, filter.status == nil, filter.document == nil, filter.ids == nil,
            !filter.includeRejected, !filter.nationalOnly, filter.after == nil
        else { return nil }
        var arguments: StatementArguments = [
            filter.province?.code ?? "national", filter.since?.description ?? "0000", filter.until?.description ?? "9999",
        ]
        let types: String
        if let wanted = filter.types, !wanted.isEmpty {
            types = "types(type) AS (VALUES \(Array(repeating: "(?)", count: wanted.count).joined(separator: ",")))"
            arguments = StatementArguments(wanted.map(\.rawValue)) + arguments
        } else {
            types = "RECURSIVE \(Self.indicatorTypes)"
        }
        return try read("count events") { db in
            try Int.fetchOne(
                db,
                sql: """
                    WITH \(types)
                    SELECT COALESCE(SUM(i.events), 0) FROM types t JOIN indicator_daily i
                    ON i.type = t.type AND i.scope = ? AND i.day >= ? AND i.day <= ?
                    """, arguments: arguments) ?? 0
        }
    }

    /// A common table `types(type)` of the distinct types in `indicator_daily`, found by skipping
    /// through its primary key (a few lookups, where `SELECT DISTINCT` would read every row).
    private static let indicatorTypes = """
        types(type) AS (
            SELECT MIN(type) FROM indicator_daily
            UNION ALL
            SELECT (SELECT MIN(i.type) FROM indicator_daily i WHERE i.type > types.type) FROM types WHERE types.type IS NOT NULL)
        """
}
