import Foundation

/// The formats ingest reads. `auto` decides by content, using the file name only to break ties.
public enum InputFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    case auto
    case text
    case markdown
    case html
    /// RSS 2.0, RSS 1.0 (RDF) and Atom.
    case rss
    case jsonl
    case csv

    public var description: String { rawValue }

    /// Decides the format of a file from its first bytes (up to 64 KiB) and its name.
    public static func detect(prefix: [UInt8], fileName: String) -> InputFormat {
        let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // UTF-16 content: look at the ASCII bytes only.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            bytes = bytes.dropFirst(2).filter { $0 != 0 }[...]
        }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }

        if trimmed.hasPrefix("<") {
            if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") { return .rss }
            if head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
                || head.contains("<body") || head.contains("<p>") || head.contains("<div") || head.contains("<article")
            {
                return .html
            }
            switch ext {
            case "html", "htm", "xhtml": return .html
            default: return .rss  // some other XML: the feed reader says what it expected
            }
        }
        if trimmed.hasPrefix("{") { return .jsonl }
        if ext == "csv" || ext == "tsv" || looksLikeCSVHeader(trimmed) { return .csv }
        switch ext {
        case "html", "htm": return .html
        case "xml", "rss", "atom": return .rss
        case "jsonl", "ndjson": return .jsonl
        case "md", "markdown": return .markdown
        default: break
        }
        if trimmed.hasPrefix("---\n") || trimmed.hasPrefix("# ") || head.contains("\n# ") || head.contains("\n## ") {
            return .markdown
        }
        return .text
    }

    private static func looksLikeCSVHeader(_ head: Substring) -> Bool {
        guard let firstLine = head.split(separator: "\n", maxSplits: 1).first else { return false }
        let fields = firstLine.split(separator: ",").map {
            $0.trimmingCharacters(in: [" ", "\"", "\r"])
        }
        return fields.count >= 2 && fields.contains(where: { CSVColumns.textAliases.contains($0) })
    }
}

