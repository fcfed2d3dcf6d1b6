/// Markup that is safe to send. String literals written in the source are markup; every `String`
/// interpolated into them is escaped, so document text — untrusted, possibly hostile — can only
/// ever appear as text:
///
/// ```swift
/// let title = "<script>alert(1)</script>"
/// let page: HTML = "<h1>\(title)</h1>"   // <h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>
/// let list: HTML = "<ul>\(items.map { item -> HTML in "<li>\(item)</li>" })</ul>"
/// ```
///
/// Attribute values must be double-quoted in the literal (`href="\(url)"`): the escaping covers
/// both quote characters. URLs from documents go through ``SafeURL`` first.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var rendered: String

    /// Markup written by this program (never pass text that came from a request or a document).
    init(trusted: String) { rendered = trusted }

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    public static let empty = HTML(trusted: "")

    public var description: String { rendered }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.rendered + rhs.rendered) }

    public static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { HTML.escape(text, into: &output) }

        public mutating func appendInterpolation(_ text: Substring) { HTML.escape(String(text), into: &output) }

        public mutating func appendInterpolation(_ text: String?) {
            if let text { HTML.escape(text, into: &output) }
        }

        public mutating func appendInterpolation(_ value: Int) { output += String(value) }

        public mutating func appendInterpolation(_ value: Int64) { output += String(value) }

        public mutating func appendInterpolation<T: CustomStringConvertible>(text value: T) {
            HTML.escape(value.description, into: &output)
        }

        /// Markup: inserted as it is.
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { output += html.rendered }
        }

        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { output += part.rendered }
        }
    }

    /// Escapes the five characters that matter in text and in double- or single-quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    static func escape(_ text: String, into out: inout String) {
        // Fast path: most text has nothing to escape.
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            out += text
            return
        }
        out.reserveCapacity(out.utf8.count + text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = .empty) -> HTML {
        HTML(trusted: map(\.rendered).joined(separator: separator.rendered))
    }
}
