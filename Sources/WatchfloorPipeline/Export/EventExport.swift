import Foundation
import Watchfloor
import WatchfloorStore

/// Events as the contract in DESIGN.md writes them ("Events JSON"), plus a few extra fields an
/// analyst wants beside them (the source's kind and grade, the publication day, attributes and cues).
public struct EventRecord: Encodable, Sendable {
    public var event: StoredEvent

    public init(_ event: StoredEvent) { self.event = event }

    struct EvidenceRecord: Encodable {
        var start: Int
        var end: Int
        var text: String
    }

    enum CodingKeys: String, CodingKey {
        case id, document, type, province, date, sincerity, confidence, evidence, source, status, reviewer
        case externalID = "external_id"
        case datePrecision = "date_precision"
        case sourceKind = "source_kind"
        case reliability, published, attributes, cues, rule
    }

    public func encode(to encoder: any Encoder) throws {
        let e = event.event
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(e.id, forKey: .id)
        try c.encode(e.document.rawValue, forKey: .document)
        try c.encode(event.externalID, forKey: .externalID)
        try c.encode(e.type.rawValue, forKey: .type)
        try c.encode(e.province?.code, forKey: .province)
        try c.encode(e.date?.day.description, forKey: .date)
        try c.encode(e.date?.precision.rawValue, forKey: .datePrecision)
        try c.encode(e.sincerity?.rawValue, forKey: .sincerity)
        try c.encode((e.confidence * 1000).rounded() / 1000, forKey: .confidence)
        try c.encode(
            EvidenceRecord(start: e.evidence.sentence.start, end: e.evidence.sentence.end, text: e.evidence.text),
            forKey: .evidence)
        try c.encode(event.source.name, forKey: .source)
        try c.encode(e.status.rawValue, forKey: .status)
        try c.encode(e.reviewer, forKey: .reviewer)
        try c.encode(event.source.kind.rawValue, forKey: .sourceKind)
        try c.encode(event.source.reliability.rawValue, forKey: .reliability)
        try c.encode(event.day.description, forKey: .published)
        try c.encode(e.attributes.values, forKey: .attributes)
        try c.encode(e.evidence.cues, forKey: .cues)
        try c.encode(e.evidence.rule, forKey: .rule)
    }
}

/// Writers for event listings in every export format.
public enum EventExport {
    public static func json(_ events: [StoredEvent]) throws -> String {
        String(decoding: try JSONOutput.encoder(pretty: true).encode(events.map(EventRecord.init)), as: UTF8.self)
    }

    public static func jsonLines(_ events: [StoredEvent]) throws -> String {
        let encoder = JSONOutput.encoder(pretty: false)
        return try events.map { String(decoding: try encoder.encode(EventRecord($0)), as: UTF8.self) + "\n" }.joined()
    }

    public static let csvHeader = [
        "id", "document", "external_id", "type", "province", "date", "date_precision", "sincerity", "confidence",
        "evidence_start", "evidence_end", "evidence_text", "source", "source_kind", "reliability", "published",
        "status",
    ]

    public static func csv(_ events: [StoredEvent]) -> String {
        var out = CSVOutput.row(csvHeader)
        for stored in events {
            let e = stored.event
            out += CSVOutput.row([
                e.id.map(String.init) ?? "", e.document.rawValue, stored.externalID ?? "", e.type.rawValue,
                e.province?.code ?? "", e.date?.day.description ?? "", e.date?.precision.rawValue ?? "",
                e.sincerity?.rawValue ?? "", String(format: "%.3f", e.confidence), String(e.evidence.sentence.start),
                String(e.evidence.sentence.end), e.evidence.text, stored.source.name, stored.source.kind.rawValue,
                stored.source.reliability.rawValue, stored.day.description, e.status.rawValue,
            ])
        }
        return out
    }

    /// A GeoJSON FeatureCollection: one point per event at its province's centroid; events with no
    /// province are left out (they have no place to stand).
    public static func geoJSON(_ events: [StoredEvent]) throws -> String {
        struct Collection: Encodable {
            let type = "FeatureCollection"
            var features: [GeoJSONFeature]
        }
        return String(
            decoding: try JSONOutput.encoder(pretty: true).encode(Collection(features: events.compactMap(GeoJSONFeature.init))),
            as: UTF8.self)
    }

    /// The features of `events` as compact JSON objects, for writing a large collection in pieces:
    /// `{"type":"FeatureCollection","features":[` + the features joined by `,` + `]}`.
    public static func geoJSONFeatures(_ events: [StoredEvent]) throws -> [String] {
        let encoder = JSONOutput.encoder(pretty: false)
        return try events.compactMap(GeoJSONFeature.init).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }
}

/// One event as a GeoJSON point feature at its province's centroid.
private struct GeoJSONFeature: Encodable {
    struct Geometry: Encodable {
        let type = "Point"
        var coordinates: [Double]
    }

    let type = "Feature"
    var geometry: Geometry
    var properties: EventRecord

    init?(_ stored: StoredEvent) {
        guard let province = stored.event.province else { return nil }
        let point = province.centroid
        geometry = Geometry(coordinates: [point.longitude, point.latitude])
        properties = EventRecord(stored)
    }
}

/// JSON output shared by the CLI and the API: sorted keys (stable bytes), unescaped slashes.
public enum JSONOutput {
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func string(_ value: some Encodable, pretty: Bool = true) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}

/// RFC 4180 output.
public enum CSVOutput {
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}
