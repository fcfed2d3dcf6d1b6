import Foundation
import Watchfloor

/// The CSV columns ingest understands; matching is case-insensitive, other columns are ignored.
enum CSVColumns {
    static let textAliases: Set<String> = ["text", "body", "content"]
    static let aliases: [String: String] = [
        "text": "text", "body": "text", "content": "text",
        "id": "id", "url": "url", "link": "url", "title": "title", "headline": "title",
        "outlet": "outlet", "source": "outlet", "source_kind": "source_kind", "kind": "source_kind",
        "language": "language", "lang": "language", "published": "published", "date": "published",
    ]
}

/// Reads CSV (RFC 4180) with a header row naming the columns. Streams the file; a record may span
/// lines inside quotes.
struct CSVReader {
    var limits: IngestLimits
    var encoding: TextEncoding
    var separator: UInt8 = UInt8(ascii: ",")

    func read(_ file: some ByteSource, display: String, emit: (ReadItem) throws -> Void) throws {
        let lineDecoder = LineTextDecoder(declared: encoding)
        var header: [String?]? = nil
        var headerFailed = false
        var row = 0
        var sawRecord = false
        try RecordSplitter(quoteAware: true, maxRecordBytes: limits.maxRecordBytes).split(
            file,
            body: { bytes, line, complete in
                if headerFailed { return }
                var record = bytes
                if record.last == 0x0D { record = UnsafeBufferPointer(rebasing: record.dropLast()) }
                if line == 1, record.starts(with: [0xEF, 0xBB, 0xBF]) {
                    record = UnsafeBufferPointer(rebasing: record.dropFirst(3))
                }
                if record.isEmpty { return }
                let location = InputLocation(file: display, line: line, record: header == nil ? "header" : "row \(row + 1)")
                do {
                    let text = String(decoding: try lineDecoder.utf8Data(record), as: UTF8.self)
                    let fields = try CSVRecord.fields(of: text, separator: separator, complete: complete)
                    guard let columns = header else {
                        header = try Self.header(fields)
                        return
                    }
                    row += 1
                    sawRecord = true
                    guard fields.count == columns.count else {
                        throw InputProblem.malformed(
                            "expected \(columns.count) fields as in the header, found \(fields.count)")
                    }
                    try emit(.document(try document(fields, columns: columns, location: location)))
                } catch let problem as InputProblem {
                    if header == nil {
                        headerFailed = true
                        return try emit(.rejection(Rejection(InputLocation(file: display, line: line, record: "header"), problem)))
                    }
                    try emit(.rejection(Rejection(location, problem)))
                }
            },
            oversized: { line, size in
                row += 1
                try emit(.rejection(Rejection(
                    InputLocation(file: display, line: line, record: "row \(row)"),
                    .tooLarge("the record is \(formatBytes(size)), over the \(formatBytes(limits.maxRecordBytes)) limit for one record"))))
            },
            progress: { try emit(.progress(bytes: $0)) }
        )
        if header == nil {
            try emit(.rejection(Rejection(InputLocation(file: display), .noText)))
        } else if !sawRecord && !headerFailed {
            try emit(.rejection(Rejection(InputLocation(file: display), .malformed("a header row but no records"))))
        }
    }

    private static func header(_ fields: [String]) throws(InputProblem) -> [String?] {
        let names = fields.map { $0.trimmingWhitespace().lowercased() }
        let columns = names.map { CSVColumns.aliases[$0] }
        guard columns.contains("text") else {
            throw .malformed(
                "the header has no text column (found: \(names.joined(separator: ", "))); "
                    + "expected a column named text, body or content")
        }
        return columns
    }

    private func document(_ fields: [String], columns: [String?], location: InputLocation) throws(InputProblem)
        -> ParsedDocument
    {
        var values: [String: String] = [:]
        for (column, field) in zip(columns, fields) {
            guard let column else { continue }
            let value = field.trimmingWhitespace()
            if !value.isEmpty, values[column] == nil { values[column] = field }
        }
        guard let text = values["text"], text.hasVisibleCharacters else {
            throw .malformed("the text column is empty; expected the document's text")
        }
        guard text.utf8.count <= limits.maxDocumentBytes else {
            throw .tooLarge("the text is \(formatBytes(text.utf8.count)), over the \(formatBytes(limits.maxDocumentBytes)) limit for one document")
        }
        return ParsedDocument(
            text: text, location: location, title: values["title"], url: values["url"], externalID: values["id"],
            outlet: values["outlet"], sourceKind: values["source_kind"].flatMap { SourceKind(rawValue: $0.trimmingWhitespace()) },
            language: values["language"].map { Language(rawValue: $0.trimmingWhitespace()) },
            published: values["published"])
    }
}

/// RFC 4180 field splitting of one record.
enum CSVRecord {
    static func fields(of record: String, separator: UInt8, complete: Bool) throws(InputProblem) -> [String] {
        var fields: [String] = []
        var field = [UInt8]()
        var inQuotes = false
        var wasQuoted = false
        let bytes = Array(record.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else if byte == 0x22, field.allSatisfy({ $0 == 0x20 }), !wasQuoted {
                inQuotes = true
                wasQuoted = true
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
            i += 1
        }
        if inQuotes {
            throw complete
                ? .malformed("a quoted field is not closed; expected a closing double quote")
                : .truncated("the file ends inside a quoted field; expected a closing double quote")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
