import Foundation
import GRDB
import Watchfloor

extension SQLiteStore {
    @discardableResult
    public func saveWarnings(_ warnings: [Warning]) throws -> [Warning] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        return try write("save warnings") { db in
            var existing: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, province, types, onset FROM warnings") {
                let key = [row["kind"], row["province"] ?? "", row["types"], row["onset"]].joined(separator: "|")
                existing[key] = row["id"]
            }
            var kept = Set<Int64>()
            var saved: [Warning] = []
            for var warning in warnings {
                let types = try json(warning.types.map(\.rawValue).sorted())
                let key = [warning.kind.rawValue, warning.province?.code ?? "", types, warning.onset.description]
                    .joined(separator: "|")
                let arguments: StatementArguments = [
                    warning.kind.rawValue, warning.province?.code, types, warning.onset.description,
                    warning.detectedOn.description, warning.score, warning.explanation, try json(warning.events),
                    try json(warning.figures),
                ]
                if let id = existing[key], !kept.contains(id) {
                    try db.execute(
                        sql: """
                            UPDATE warnings SET kind = ?, province = ?, types = ?, onset = ?, detected_on = ?, score = ?,
                            explanation = ?, events = ?, figures = ? WHERE id = ?
                            """, arguments: arguments + [id])
                    warning.id = id
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO warnings(kind, province, types, onset, detected_on, score, explanation, events, figures)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: arguments)
                    warning.id = db.lastInsertedRowID
                }
                kept.insert(warning.id!)
                saved.append(warning)
            }
            let stale = Set(existing.values).subtracting(kept)
            if !stale.isEmpty {
                try db.execute(sql: "DELETE FROM warnings WHERE id IN (\(stale.map(String.init).joined(separator: ",")))")
            }
            return saved
        }
    }

    public func warnings() throws -> [Warning] {
        try read("read warnings") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM warnings ORDER BY detected_on DESC, score DESC, id").compactMap(Self.warning)
        }
    }

    static func warning(_ row: Row) -> Warning? {
        let decoder = RowDecoding.decoder
        guard let kind = WarningKind(rawValue: row["kind"]), let onset = Day(row["onset"] as String),
            let detected = Day(row["detected_on"] as String)
        else { return nil }
        let types = (try? decoder.decode([String].self, from: Data((row["types"] as String).utf8))) ?? []
        return Warning(
            id: row["id"], kind: kind, province: (row["province"] as String?).flatMap { Province(code: $0) },
            types: types.map(EventType.init(rawValue:)), onset: onset, detectedOn: detected, score: row["score"],
            explanation: row["explanation"],
            events: (try? decoder.decode([Int64].self, from: Data((row["events"] as String).utf8))) ?? [],
            figures: (try? decoder.decode([String: Double].self, from: Data((row["figures"] as String).utf8))) ?? [:])
    }
}
