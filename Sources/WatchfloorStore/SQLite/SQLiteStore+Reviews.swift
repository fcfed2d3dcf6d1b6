import Foundation
import GRDB
import Watchfloor

extension SQLiteStore {
    @discardableResult
    public func review(_ decision: ReviewDecision) throws -> StoredReview {
        let reviewID = try write("save a review of event \(decision.eventID)") { db in
            try ReviewWriter(db: db, location: location).save(decision)
        }
        guard let review = try reviews(where: "r.id = ?", [reviewID], limit: 1, offset: 0).first else {
            throw StoreError(.failed, "review \(reviewID) vanished after it was saved", path: location)
        }
        return review
    }

    public func withdrawReview(_ id: Int64) throws {
        try write("withdraw review \(id)") { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT event_id, machine_event_id FROM reviews WHERE id = ?", arguments: [id])
            else { throw StoreError(.notFound, "no review \(id) to withdraw", path: location) }
            // Deleting the review's event deletes the review (foreign key cascade).
            try db.execute(sql: "DELETE FROM events WHERE id = ?", arguments: [row["event_id"] as Int64])
            if let machine = row["machine_event_id"] as Int64? {
                try db.execute(sql: "UPDATE events SET counted = 1 WHERE id = ? AND NOT counted", arguments: [machine])
            }
        }
    }

    public func reviews(limit: Int, offset: Int) throws -> [StoredReview] {
        try reviews(where: "1", [], limit: limit, offset: offset)
    }

    public func review(ofEvent eventID: Int64) throws -> StoredReview? {
        try reviews(where: "r.event_id = ? OR r.machine_event_id = ?", [eventID, eventID], limit: 1, offset: 0).first
    }

    private func reviews(where condition: String, _ arguments: StatementArguments, limit: Int, offset: Int) throws
        -> [StoredReview]
    {
        try read("read reviews") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.eventColumns), r.id AS review_id, r.reviewer AS review_reviewer, r.note, r.reviewed_at,
                        r.machine_event_id, r.machine_type, r.machine_province, r.machine_date, r.machine_date_precision,
                        r.machine_sincerity, r.machine_confidence
                    FROM reviews r JOIN events e ON e.id = r.event_id
                    JOIN documents d ON d.seq = e.document_seq JOIN sources s ON s.id = d.source_id
                    WHERE \(condition) ORDER BY r.reviewed_at DESC, r.id DESC LIMIT ? OFFSET ?
                    """, arguments: arguments + [max(limit, 0), max(offset, 0)]
            ).map { row in
                StoredReview(
                    id: row["review_id"], event: Self.storedEvent(row), reviewer: row["review_reviewer"], note: row["note"],
                    reviewedAt: ISO8601DateFormatter().date(from: row["reviewed_at"]) ?? Date(timeIntervalSince1970: 0),
                    machine: MachineCoding(
                        eventID: row["machine_event_id"], type: EventType(rawValue: row["machine_type"]),
                        province: (row["machine_province"] as String?).flatMap { Province(code: $0) },
                        date: ReviewWriter.eventDate(row["machine_date"], row["machine_date_precision"]),
                        sincerity: (row["machine_sincerity"] as String?).flatMap(Sincerity.init(rawValue:)),
                        confidence: row["machine_confidence"]))
            }
        }
    }
}

/// Saves one review decision inside a write transaction.
struct ReviewWriter {
    let db: Database
    let location: String

    /// Returns the review's id.
    func save(_ decision: ReviewDecision) throws -> Int64 {
        guard let event = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [decision.eventID]) else {
            throw StoreError(.notFound, "no event \(decision.eventID) to review", path: location)
        }
        let existing = try existingReview(of: event)
        if event["origin"] == "review", existing == nil {
            throw StoreError(.failed, "event \(decision.eventID) is a review with no review record", path: location)
        }
        var values = CodedValues(event)
        if case .edited(let correction) = decision.verdict { values.apply(correction) }
        let status = decision.verdict.status
        let note = decision.note.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        let now = ISO8601DateFormatter().string(from: Date())

        if let existing {
            let reviewID: Int64 = existing["id"]
            try db.execute(
                sql: """
                    UPDATE events SET type = ?, province = ?, date = ?, date_precision = ?, sincerity = ?, attributes = ?,
                        status = ?, reviewer = ?, counted = ? WHERE id = ?
                    """,
                arguments: values.arguments + [status.rawValue, decision.reviewer, status != .rejected, existing["event_id"]])
            try db.execute(
                sql: "UPDATE reviews SET reviewer = ?, note = ?, reviewed_at = ? WHERE id = ?",
                arguments: [decision.reviewer, note, now, reviewID])
            if let machine = existing["machine_event_id"] as Int64? {
                try db.execute(sql: "UPDATE events SET counted = 0 WHERE id = ? AND counted", arguments: [machine])
            }
            return reviewID
        }

        let machineID: Int64 = event["id"]
        // An analyst's event is certain: it weighs what its source's grade weighs, at confidence 1.
        let grade = try String.fetchOne(
            db, sql: "SELECT s.reliability FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.seq = ?",
            arguments: [event["document_seq"]])
        let weight = (grade.flatMap(Reliability.init(rawValue:)) ?? .f).weight
        try db.execute(
            sql: """
                INSERT INTO events(document_seq, type, province, date, date_precision, sincerity, attributes, confidence,
                    sentence_start, sentence_end, evidence_text, cues, rule, status, reviewer, origin, counted, day, cluster, weight)
                SELECT document_seq, ?, ?, ?, ?, ?, ?, 1.0, sentence_start, sentence_end, evidence_text, cues, rule,
                    ?, ?, 'review', ?, day, cluster, ?
                FROM events WHERE id = ?
                """,
            arguments: values.arguments + [status.rawValue, decision.reviewer, status != .rejected, weight, machineID])
        let reviewEvent = db.lastInsertedRowID
        try db.execute(
            sql: """
                INSERT INTO reviews(event_id, document_seq, sentence_start, sentence_end, machine_type, machine_province,
                    machine_event_id, machine_date, machine_date_precision, machine_sincerity, machine_confidence,
                    reviewer, note, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                reviewEvent, event["document_seq"], event["sentence_start"], event["sentence_end"], event["type"],
                event["province"], machineID, event["date"], event["date_precision"], event["sincerity"],
                event["confidence"], decision.reviewer, note, now,
            ])
        let reviewID = db.lastInsertedRowID
        try db.execute(sql: "UPDATE events SET counted = 0 WHERE id = ? AND counted", arguments: [machineID])
        return reviewID
    }

    /// The review of `event`: its own record when it is a review, else the review of the same
    /// machine event (same document, sentence, type and province).
    private func existingReview(of event: Row) throws -> Row? {
        if event["origin"] == "review" {
            return try Row.fetchOne(db, sql: "SELECT * FROM reviews WHERE event_id = ?", arguments: [event["id"]])
        }
        return try Row.fetchOne(
            db,
            sql: """
                SELECT * FROM reviews WHERE document_seq = ? AND sentence_start = ? AND sentence_end = ?
                AND machine_type = ? AND machine_province IS ? ORDER BY id LIMIT 1
                """,
            arguments: [
                event["document_seq"], event["sentence_start"], event["sentence_end"], event["type"], event["province"],
            ])
    }

    static func eventDate(_ day: String?, _ precision: String?) -> EventDate? {
        day.flatMap { Day($0) }.map { EventDate(day: $0, precision: precision.flatMap(DatePrecision.init(rawValue:)) ?? .day) }
    }

    /// The coded columns a review may change, starting from an event row.
    private struct CodedValues {
        var type: String
        var province: String?
        var date: String?
        var datePrecision: String?
        var sincerity: String?
        var attributes: [String: String]

        init(_ row: Row) {
            type = row["type"]
            province = row["province"]
            date = row["date"]
            datePrecision = row["date_precision"]
            sincerity = row["sincerity"]
            attributes = (try? JSONDecoder().decode([String: String].self, from: Data((row["attributes"] as String).utf8))) ?? [:]
        }

        mutating func apply(_ correction: EventCorrection) {
            type = correction.type.rawValue
            province = correction.province?.code
            date = correction.date?.day.description
            datePrecision = correction.date?.precision.rawValue
            sincerity = correction.sincerity?.rawValue
            attributes["sincerity"] = sincerity
        }

        var arguments: StatementArguments {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(attributes)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return [type, province, date, datePrecision, sincerity, json]
        }
    }
}
