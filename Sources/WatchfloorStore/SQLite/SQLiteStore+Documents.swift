import GRDB
import Watchfloor

extension SQLiteStore {
    static let documentColumns = """
        d.seq, d.id, d.external_id, d.url, d.title, d.published, d.day, d.retrieved, d.language, d.text, d.cluster,
        d.origin, s.name AS source_name, s.kind AS source_kind, s.reliability AS source_reliability,
        s.language AS source_language
        """

    public func document(_ idOrPrefix: String) throws -> StoredDocument? {
        let key = idOrPrefix.lowercased()
        guard key.count >= 6, key.allSatisfy(\.isHexDigit) else { return nil }
        guard let range = DocumentKey.range(prefix: key) else { return nil }
        return try read("read a document") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.documentColumns) FROM documents d JOIN sources s ON s.id = d.source_id
                    WHERE d.id_key BETWEEN ? AND ? LIMIT 64
                    """, arguments: [range.lowerBound, range.upperBound]
            ).filter { ($0["id"] as String).hasPrefix(key) }
            guard rows.count == 1, let row = rows.first else { return nil }
            let clusterSeq: Int64 = row["cluster"]
            let members = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM documents WHERE seq = ?1
                    UNION ALL SELECT id FROM (SELECT id, seq FROM documents WHERE cluster = ?1 AND cluster != seq ORDER BY seq)
                    """, arguments: [clusterSeq])
            let clusterID = try String.fetchOne(db, sql: "SELECT id FROM documents WHERE seq = ?", arguments: [clusterSeq])
            let document = RowDecoding.document(row)
            return StoredDocument(
                document: document, sourceInfo: RowDecoding.source(row),
                cluster: DocumentID(rawValue: clusterID ?? row["id"]),
                clusterMembers: members.map(DocumentID.init(rawValue:)).filter { $0 != document.id })
        }
    }

    public func documents(after cursor: Int64?, limit: Int) throws -> [(cursor: Int64, document: Document, source: Source)] {
        try read("read documents") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.documentColumns) FROM documents d JOIN sources s ON s.id = d.source_id
                    WHERE d.seq > ? ORDER BY d.seq LIMIT ?
                    """, arguments: [cursor ?? 0, limit]
            ).map { row in (row["seq"], RowDecoding.document(row), RowDecoding.source(row)) }
        }
    }

    public func sources() throws -> [SourceSummary] {
        try read("list sources") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.name AS source_name, s.kind AS source_kind, s.reliability AS source_reliability,
                        s.language AS source_language,
                        (SELECT COALESCE(SUM(documents), 0) FROM coverage_daily c WHERE c.source_id = s.id) AS documents,
                        (SELECT MIN(day) FROM coverage_daily c WHERE c.source_id = s.id) AS first_seen,
                        (SELECT MAX(day) FROM coverage_daily c WHERE c.source_id = s.id) AS last_seen,
                        (SELECT COUNT(*) FROM events e JOIN documents d ON d.seq = e.document_seq
                            WHERE d.source_id = s.id AND e.counted) AS events
                    FROM sources s ORDER BY documents DESC, s.name
                    """
            ).map { row in
                SourceSummary(
                    source: RowDecoding.source(row), documents: row["documents"], events: row["events"],
                    firstSeen: (row["first_seen"] as String?).flatMap { Day($0) },
                    lastSeen: (row["last_seen"] as String?).flatMap { Day($0) })
            }
        }
    }

    public func coverage() throws -> [OutletDay] {
        try read("read the coverage log") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.name, s.kind, c.day, c.documents FROM coverage_daily c JOIN sources s ON s.id = c.source_id
                    ORDER BY c.day, s.name
                    """
            ).compactMap { row in
                guard let day = Day(row["day"] as String) else { return nil }
                return OutletDay(
                    source: row["name"], kind: SourceKind(rawValue: row["kind"]) ?? .other, day: day,
                    documents: row["documents"])
            }
        }
    }
}
