/// Escaping for text and attribute values in the SVG the charts write: one function for every
/// chart and the map, so that what a title or a source name may contain is handled in one place.
///
/// The five characters with a meaning in XML (`& < > " '`) become references that are valid in
/// an SVG file and in SVG inline in HTML alike (`&#39;` rather than `&apos;`, which HTML 4 lacks).
///
/// ```swift
/// XMLText.escape("Gifts <b>&</b> \"visits\"")   // "Gifts &lt;b&gt;&amp;&lt;/b&gt; &quot;visits&quot;"
/// ```
enum XMLText {
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: return it as it is.
        guard text.utf8.contains(where: { reference(for: $0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            if let reference = reference(for: byte) {
                out.append(contentsOf: reference.utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func reference(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
