import Foundation
import Watchfloor

/// Reads JSON Lines reporting (DESIGN.md): one JSON object per line, only `text` required.
/// Streams the file, so its size is bounded only by the disk.
struct JSONLinesReader {
    var limits: IngestLimits
    var encoding: TextEncoding

    func read(_ file: some ByteSource, display: String, emit: (ReadItem) throws -> Void) throws {
        let decoder = JSONDecoder()
        let lineDecoder = LineTextDecoder(declared: encoding)
        var sawRecord = false
        try RecordSplitter(quoteAware: false, maxRecordBytes: limits.maxRecordBytes).split(
            file,
            body: { bytes, line, complete in
                let location = InputLocation(file: display, line: line)
                var record = bytes
                if record.last == 0x0D { record = UnsafeBufferPointer(rebasing: record.dropLast()) }
                if line == 1, record.starts(with: [0xEF, 0xBB, 0xBF]) {
                    record = UnsafeBufferPointer(rebasing: record.dropFirst(3))
                }
                if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                sawRecord = true
                do {
                    let data = try lineDecoder.utf8Data(record)
                    let parsed = try parse(data, decoder: decoder, location: location, complete: complete)
                    try emit(.document(parsed))
                } catch let problem as InputProblem {
                    try emit(.rejection(Rejection(location, problem)))
                }
            },
            oversized: { line, size in
                try emit(.rejection(Rejection(
                    InputLocation(file: display, line: line),
                    .tooLarge("the line is \(formatBytes(size)), over the \(formatBytes(limits.maxRecordBytes)) limit for one record"))))
            },
            progress: { try emit(.progress(bytes: $0)) }
        )
        if !sawRecord {
            try emit(.rejection(Rejection(InputLocation(file: display), .noText)))
        }
    }

    private func parse(_ data: Data, decoder: JSONDecoder, location: InputLocation, complete: Bool) throws(InputProblem)
        -> ParsedDocument
    {
        let line: LenientRecord
        do {
            line = try decoder.decode(LenientRecord.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted = error {
                throw Self.syntaxProblem(data, complete: complete)
            }
            throw .malformed(Self.describe(error))
        } catch {
            throw .malformed("invalid JSON: \(error)")
        }
        guard line.text.hasVisibleCharacters else {
            throw .malformed("the field \"text\" is empty; expected the document's text")
        }
        guard line.text.utf8.count <= limits.maxDocumentBytes else {
            throw .tooLarge(
                "the text is \(formatBytes(line.text.utf8.count)), over the \(formatBytes(limits.maxDocumentBytes)) "
                    + "limit for one document (--max-document-size)")
        }
        return ParsedDocument(
            text: line.text, location: location, title: line.title, url: line.url, externalID: line.id?.value,
            outlet: line.outlet, sourceKind: line.sourceKind.flatMap(SourceKind.init(rawValue:)),
            language: line.language.map(Language.init(rawValue:)), published: line.published)
    }

    /// Foundation's decoder says only "not valid JSON"; its serialiser says where.
    static func syntaxProblem(_ data: Data, complete: Bool) -> InputProblem {
        var detail = "not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            if let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                detail = description.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            }
        }
        if detail.hasPrefix("Unexpected end of file") {
            return .truncated(
                complete
                    ? "truncated JSON: the line ends before the object is complete"
                    : "truncated JSON: the file ends in the middle of this record")
        }
        return .malformed("invalid JSON (\(detail)); expected one JSON object per line")
    }

    static func describe(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the line" : "the field \"\(path.map(\.stringValue).joined(separator: "."))\""
        }
        switch error {
        case .keyNotFound(let key, _):
            return "missing the field \"\(key.stringValue)\"; expected an object with at least {\"text\": \"...\"}"
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty {
                return "expected a JSON object per line, found another JSON value"
            }
            return "\(field(context.codingPath)) has the wrong type; expected \(type == String.self ? "a string" : "\(type)")"
        case .valueNotFound(_, let context):
            return "\(field(context.codingPath)) is null; expected a string"
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "invalid JSON (\(detail ?? context.debugDescription)); expected one JSON object per line"
        @unknown default:
            return "invalid JSON: \(error)"
        }
    }
}

/// A JSON Lines record read leniently: strings or numbers for `id`, unknown keys ignored.
struct LenientRecord: Decodable {
    var id: Scalar?
    var url: String?
    var title: String?
    var outlet: String?
    var sourceKind: String?
    var language: String?
    var published: String?
    var text: String

    enum CodingKeys: String, CodingKey {
        case id, url, title, outlet, language, published, text
        case sourceKind = "source_kind"
    }

    /// A JSON string or number, kept as text.
    struct Scalar: Decodable {
        var value: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = text
            } else if let number = try? container.decode(Int64.self) {
                value = String(number)
            } else {
                value = String(try container.decode(Double.self))
            }
        }
    }
}

/// Decodes one record's bytes with the file's encoding (UTF-8, or CP949 for legacy Korean files),
/// reporting invalid bytes by column.
struct LineTextDecoder {
    var declared: TextEncoding

    func utf8Data(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputProblem) -> Data {
        switch declared {
        case .eucKR, .cp949:
            let text = try TextDecoder().decode(bytes, declared: declared).text
            return Data(text.utf8)
        default:
            if let offset = UTF8Validation.firstInvalidOffset(bytes) {
                throw .invalidUTF8(line: 1 + bytes[..<offset].count(where: { $0 == 0x0A }), byteOffset: offset)
                    .relative()
            }
            return Data(buffer: bytes)
        }
    }
}

extension InputProblem {
    /// An invalid-UTF-8 problem found inside one record: say the byte offset within the record
    /// (the location already names the line).
    fileprivate func relative() -> InputProblem {
        if case .invalidUTF8(_, let offset) = self {
            return .invalidText(
                "invalid UTF-8 at byte \(offset + 1) of the record; expected UTF-8, or name the encoding with --encoding")
        }
        return self
    }
}
