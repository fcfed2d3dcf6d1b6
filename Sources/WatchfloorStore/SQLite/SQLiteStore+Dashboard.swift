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
        let from = filter.sourceKind != nil || filter.document != nil ? Self.joins : "FROM events e"
        let found = try read("count events") { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (SELECT 1 \(from) WHERE \(condition) LIMIT ?)",
                arguments: arguments + [max(limit, 0) + 1]) ?? 0
        }
        return found > limit ? EventCount(limit, isExact: false) : EventCount(found, isExact: true)
    }

    /// The exact count for a filter on types, one province and publication days only, from the
    /// indicator table's per-day event counts (which count exactly the events that count).
    private func indicatorCount(_ filter: EventFilter) throws -> Int? {
        guard filter.sourceKind == nil, filter.status == nil, filter.document == nil, filter.ids == nil,
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
