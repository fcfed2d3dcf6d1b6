import GRDB
import Watchfloor

extension SQLiteStore {
    static let eventColumns = """
        e.id, e.type, e.province, e.date, e.date_precision, e.sincerity, e.attributes, e.confidence,
        e.sentence_start, e.sentence_end, e.evidence_text, e.cues, e.rule, e.status, e.reviewer, e.day,
        d.id AS document_id, d.external_id, d.title AS document_title,
        s.name AS source_name, s.kind AS source_kind, s.reliability AS source_reliability, s.language AS source_language
        """

    func whereClause(_ filter: EventFilter) -> (sql: String, arguments: StatementArguments) {
        // Superseded machine events never show; rejected reviews only when asked for.
        var conditions = [filter.includeRejected || filter.status == .rejected ? "(e.counted OR e.origin = 'review')" : "e.counted"]
        var arguments = StatementArguments()
        if let types = filter.types, !types.isEmpty {
            conditions.append("e.type IN (\(Array(repeating: "?", count: types.count).joined(separator: ",")))")
            arguments += StatementArguments(types.map(\.rawValue))
        }
        if let province = filter.province {
            conditions.append("e.province = ?")
            arguments += [province.code]
        } else if filter.nationalOnly {
            conditions.append("e.province IS NULL")
        }
        if let since = filter.since {
            conditions.append("e.day >= ?")
            arguments += [since.description]
        }
        if let until = filter.until {
            conditions.append("e.day <= ?")
            arguments += [until.description]
        }
        if let kind = filter.sourceKind {
            conditions.append("s.kind = ?")
            arguments += [kind.rawValue]
        }
        if let language = filter.language {
            conditions.append("d.language = ?")
            arguments += [language.rawValue]
        }
        if let status = filter.status {
            // Nearly every event is a machine event: for that status the status index would make
            // SQLite sort every row; walking the order's own index and filtering is far cheaper.
            // Reviewed statuses are rare, and the index finds them at once.
            conditions.append(status == .machine && filter.order != .leastConfident ? "+e.status = ?" : "e.status = ?")
            arguments += [status.rawValue]
        }
        if let document = filter.document {
            conditions.append("d.id = ?")
            arguments += [document.rawValue]
        }
        if let ids = filter.ids {
            conditions.append(ids.isEmpty ? "0" : "e.id IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let after = filter.after, filter.order == .newest || filter.order == .oldest {
            conditions.append(filter.order == .newest ? "(e.day, e.id) < (?, ?)" : "(e.day, e.id) > (?, ?)")
            arguments += [after.day.description, after.id]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    static let joins = "FROM events e JOIN documents d ON d.seq = e.document_seq JOIN sources s ON s.id = d.source_id"

    public func events(_ filter: EventFilter) throws -> [StoredEvent] {
        let (condition, arguments) = whereClause(filter)
        let order = switch filter.order {
        case .newest: "e.day DESC, e.id DESC"
        case .oldest: "e.day, e.id"
        case .leastConfident: "e.confidence, e.id"
        case .documentOrder: "e.document_seq, e.sentence_start, e.id"
        case .newestID: "e.id DESC"
        }
        var sql = "SELECT \(Self.eventColumns) \(Self.joins) WHERE \(condition) ORDER BY \(order)"
        if let limit = filter.limit { sql += " LIMIT \(max(limit, 0)) OFFSET \(max(filter.offset, 0))" }
        return try read("list events") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.storedEvent)
        }
    }

    /// A row selected with ``eventColumns`` and ``joins``.
    static func storedEvent(_ row: Row) -> StoredEvent {
        StoredEvent(
            event: RowDecoding.event(row), externalID: row["external_id"], documentTitle: row["document_title"],
            source: RowDecoding.source(row), day: Day(row["day"] as String) ?? Day(ordinal: 0))
    }

    public func countEvents(_ filter: EventFilter) throws -> Int {
        let (condition, arguments) = whereClause(filter)
        return try read("count events") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) \(Self.joins) WHERE \(condition)", arguments: arguments) ?? 0
        }
    }

    public func eventFacts() throws -> [EventFact] {
        try eventFacts(where: "e.counted", arguments: [])
    }

    public func eventFacts(types: [EventType], province: Province?) throws -> [EventFact] {
        guard !types.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: types.count).joined(separator: ", ")
        var arguments = StatementArguments(types.map(\.rawValue))
        var condition = "e.type IN (\(placeholders)) AND e.counted"
        if let province {
            condition += " AND e.province = ?"
            arguments += [province.code]
        }
        return try eventFacts(where: condition, arguments: arguments)
    }

    public func lastPublicationDay() throws -> Day? {
        try read("read the last publication day") { db in
            try String.fetchOne(db, sql: "SELECT MAX(published) FROM documents").flatMap { Day($0) }
        }
    }

    /// Facts are read by the hundred thousand for one series: columns by position, each source
    /// looked up once, rows decoded from a cursor without being copied first.
    private func eventFacts(where condition: String, arguments: StatementArguments) throws -> [EventFact] {
        try read("read event facts") { db in
            var sources: [Int64: (name: String, kind: SourceKind, reliability: Reliability)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name, kind, reliability FROM sources") {
                sources[row[0]] = (row[1], SourceKind(rawValue: row[2]) ?? .other, Reliability(rawValue: row[3]) ?? .f)
            }
            var types: [String: EventType] = [:]
            var facts: [EventFact] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.id, e.type, e.province, e.day, e.date, e.date_precision, e.sincerity, e.confidence,
                        c.id, d.source_id
                    FROM events e
                    JOIN documents d ON d.seq = e.document_seq
                    JOIN documents c ON c.seq = e.cluster
                    WHERE \(condition) ORDER BY e.day, e.id
                    """, arguments: arguments)
            while let row = try rows.next() {
                guard let day = Day(row[3] as String), let source = sources[row[9]] else { continue }
                let typeName: String = row[1]
                let type = types[typeName] ?? EventType(rawValue: typeName)
                types[typeName] = type
                let eventDate = (row[4] as String?).flatMap { Day($0) }.map {
                    EventDate(day: $0, precision: DatePrecision(rawValue: row[5] ?? "day") ?? .day)
                }
                facts.append(
                    EventFact(
                        id: row[0], type: type, province: (row[2] as String?).flatMap { Province(code: $0) }, day: day,
                        eventDate: eventDate, cluster: DocumentID(rawValue: row[8]), source: source.name,
                        sourceKind: source.kind, reliability: source.reliability,
                        sincerity: (row[6] as String?).flatMap(Sincerity.init(rawValue:)), confidence: row[7]))
            }
            return facts
        }
    }

    public func series(_ key: SeriesKey, weighted: Bool) throws -> DailySeries {
        try read("read a series") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT day, clusters, weighted FROM indicator_daily
                    WHERE type = ? AND scope = ? AND clusters > 0 ORDER BY day
                    """, arguments: [key.type.rawValue, key.province?.code ?? "national"])
            let points: [(Day, Double)] = rows.compactMap { row in
                guard let day = Day(row["day"] as String) else { return nil }
                return (day, weighted ? row["weighted"] : Double(row["clusters"] as Int))
            }
            guard let first = points.first?.0, let last = points.last?.0 else {
                return DailySeries(start: Day(ordinal: 0), values: [])
            }
            return DailySeries(interval: DayInterval(first: first, last: last), counts: points)
        }
    }
}
