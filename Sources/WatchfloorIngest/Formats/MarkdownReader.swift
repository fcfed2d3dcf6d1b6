import Foundation
import Watchfloor
import Yams

/// Reads Markdown notes: optional YAML front matter (`title`, `date`/`published`, `url`,
/// `outlet`/`source`, `source_kind`, `language`, `id`), then the body with its markup removed.
enum MarkdownReader {
    static func document(from text: String, location: InputLocation) throws(InputProblem) -> ParsedDocument {
        var body = Substring(text)
        var meta: [String: String] = [:]
        if body.hasPrefix("---\n") || body.hasPrefix("---\r\n") {
            let afterOpening = body.drop { $0 != "\n" }.dropFirst()
            if let close = afterOpening.range(of: "\n---") {
                let yaml = String(afterOpening[..<close.lowerBound])
                do {
                    // Composed nodes keep scalars as written (a date stays "2025-11-03", not a Date).
                    if case .mapping(let mapping)? = try Yams.compose(yaml: yaml) {
                        for (key, value) in mapping {
                            if let key = key.string, let value = value.string { meta[key.lowercased()] = value }
                        }
                    }
                } catch {
                    throw .malformed("the front matter is not valid YAML (\(error)); expected key: value lines between --- lines")
                }
                body = afterOpening[close.upperBound...].drop { $0 != "\n" }
            }
        }
        let plain = strip(String(body))
        guard plain.nonBlank != nil else { throw .noText }
        let heading = body.split(separator: "\n").first { $0.hasPrefix("# ") }.map { $0.dropFirst(2).trimmingWhitespace() }
        return ParsedDocument(
            text: plain, location: location, title: meta["title"] ?? heading, url: meta["url"],
            externalID: meta["id"], outlet: meta["outlet"] ?? meta["source"],
            sourceKind: meta["source_kind"].flatMap(SourceKind.init(rawValue:)),
            language: meta["language"].map(Language.init(rawValue:)), published: meta["published"] ?? meta["date"])
    }

    /// Markdown to plain text: headings, emphasis, links, images, code fences, quotes, list
    /// markers and inline HTML removed; paragraphs kept.
    static func strip(_ markdown: String) -> String {
        var lines: [String] = []
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { continue }
            if trimmed.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }), trimmed.count >= 3 {
                lines.append("")
                continue
            }
            if trimmed.range(of: #"^\[[^\]]+\]:\s*\S+"#, options: .regularExpression) != nil { continue }
            line = line.replacingOccurrences(of: #"^\s{0,3}#{1,6}\s+"#, with: "", options: .regularExpression)
            line = line.replacingOccurrences(of: #"^\s{0,3}(>\s?)+"#, with: "", options: .regularExpression)
            line = line.replacingOccurrences(of: #"^\s*([-*+]|\d+[.)])\s+"#, with: "", options: .regularExpression)
            line = line.replacingOccurrences(of: #"!\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            line = line.replacingOccurrences(of: #"\[([^\]]+)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            line = line.replacingOccurrences(of: #"\[([^\]]+)\]\[[^\]]*\]"#, with: "$1", options: .regularExpression)
            line = line.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            line = line.replacingOccurrences(of: #"(\*\*|__)(.+?)\1"#, with: "$2", options: .regularExpression)
            line = line.replacingOccurrences(of: #"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])"#, with: "$1", options: .regularExpression)
            line = line.replacingOccurrences(of: #"`([^`]*)`"#, with: "$1", options: .regularExpression)
            lines.append(line)
        }
        return lines.joined(separator: "\n").trimmingWhitespace()
    }
}
