/// Finds the encoding a document declares about itself: an HTML `<meta charset=…>` or
/// `content="text/html; charset=…"`, or an XML declaration's `encoding="…"`.
enum DeclaredCharset {
    static func sniff(_ prefix: ArraySlice<UInt8>) -> TextEncoding? {
        let head = String(decoding: prefix.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            var search = head[...]
            while let range = search.range(of: marker) {
                let after = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                let label = after.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if let encoding = TextEncoding(label: label), encoding != .auto { return encoding }
                search = head[range.upperBound...]
            }
        }
        return nil
    }
}
