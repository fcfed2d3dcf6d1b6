import Foundation
import GRDB
import Watchfloor

/// Turns rows into domain values. Stored enumerations that no longer parse (a hand-edited
/// database) fall back to a neutral value rather than failing a whole listing.
enum RowDecoding {
    static let decoder = JSONDecoder()

    static func source(_ row: Row, prefix: String = "source_") -> Source {
        Source(
            name: row[prefix + "name"],
            kind: SourceKind(rawValue: row[prefix + "kind"]) ?? .other,
            reliability: Reliability(rawValue: row[prefix + "reliability"]) ?? .f,
            language: (row[prefix + "language"] as String?).map(Language.init(rawValue:)))
    }

    static func document(_ row: Row) -> Document {
        var document = Document(
            text: row["text"], source: row["source_name"], language: Language(rawValue: row["language"]),
            externalID: row["external_id"], url: row["url"], title: row["title"],
            published: (row["published"] as String?).flatMap { Day($0) },
            retrieved: ISO8601DateFormatter().date(from: row["retrieved"]) ?? Date(timeIntervalSince1970: 0),
            origin: row["origin"])
        // The stored id is authoritative (it was computed from this same text).
        document.id = DocumentID(rawValue: row["id"])
        return document
    }

    static func event(_ row: Row) -> Event {
        let date: EventDate? = (row["date"] as String?).flatMap { Day($0) }.map {
            EventDate(day: $0, precision: DatePrecision(rawValue: row["date_precision"] ?? "day") ?? .day)
        }
        let attributes = (try? decoder.decode(EventAttributes.self, from: Data((row["attributes"] as String).utf8)))
            ?? EventAttributes()
        let cues = (try? decoder.decode([CueMatch].self, from: Data((row["cues"] as String).utf8))) ?? []
        let start: Int = row["sentence_start"]
        let end: Int = row["sentence_end"]
        return Event(
            id: row["id"], document: DocumentID(rawValue: row["document_id"]), type: EventType(rawValue: row["type"]),
            province: (row["province"] as String?).flatMap { Province(code: $0) }, date: date, attributes: attributes,
            confidence: row["confidence"],
            evidence: Evidence(
                sentence: TextSpan(start: start, end: max(start, end)), text: row["evidence_text"], cues: cues,
                rule: row["rule"]),
            status: ReviewStatus(rawValue: row["status"]) ?? .machine, reviewer: row["reviewer"])
    }
}
