/// A minimal SVG writer: elements with attributes, escaped text, compact numbers. The charts are
/// drawn by hand rather than with a plotting library so that they work offline, embed in HTML as
/// they are, and stay a few kilobytes.
struct SVGWriter {
    private(set) var body: [String] = []

    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, SVGValue>, text: String? = nil, title: String? = nil
    ) {
        var tag = "<\(name)"
        for (key, value) in attributes {
            tag += " \(key)=\"\(value.rendered)\""
        }
        if text == nil && title == nil {
            body.append(tag + "/>")
            return
        }
        var inner = ""
        if let title { inner += "<title>\(XMLText.escape(title))</title>" }
        if let text { inner += XMLText.escape(text) }
        body.append(tag + ">" + inner + "</\(name)>")
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        var tag = "<\(name)"
        for (key, value) in attributes { tag += " \(key)=\"\(value.rendered)\"" }
        body.append(tag + ">")
    }

    mutating func close(_ name: String) { body.append("</\(name)>") }

    mutating func raw(_ text: String) { body.append(text) }

    mutating func line(_ className: String, x1: Double, y1: Double, x2: Double, y2: Double, title: String? = nil) {
        element(
            "line", ["class": .text(className), "x1": .number(x1), "y1": .number(y1), "x2": .number(x2), "y2": .number(y2)],
            title: title)
    }

    mutating func rect(_ className: String, x: Double, y: Double, width: Double, height: Double, title: String? = nil) {
        element(
            "rect",
            ["class": .text(className), "x": .number(x), "y": .number(y), "width": .number(width), "height": .number(height)],
            title: title)
    }

    /// A text element; `anchor` is `start` (the default), `middle` or `end`.
    mutating func text(
        _ className: String, x: Double, y: Double, _ content: String, anchor: String = "start", title: String? = nil
    ) {
        element(
            "text", ["class": .text(className), "x": .number(x), "y": .number(y), "text-anchor": .text(anchor)],
            text: content, title: title)
    }

    /// The finished document, `width` × `height` CSS pixels, with an accessible title and
    /// description, for a chart that stands alone (a file, or `<img src>`): its `<style>` applies.
    func document(width: Double, height: Double, title: String, description: String, style: String) -> String {
        let (w, h) = (SVGValue.number(width).rendered, SVGValue.number(height).rendered)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        out += " role=\"img\" aria-labelledby=\"chart-title chart-desc\""
        out += " font-family=\"\(Self.fontFamily)\">\n"
        out += "<title id=\"chart-title\">\(XMLText.escape(title))</title>\n"
        out += "<desc id=\"chart-desc\">\(XMLText.escape(description))</desc>\n"
        out += "<style>\(style)</style>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    /// The finished drawing for use inside an HTML page: no `<style>` element (a page's
    /// Content-Security-Policy may forbid inline styles, so elements carry presentation attributes),
    /// no ids (a page may hold many), and no fixed size: the page's stylesheet sizes it, and the
    /// drawing stretches to fit.
    func inlineDocument(width: Double, height: Double, label: String) -> String {
        let (w, h) = (SVGValue.number(width).rendered, SVGValue.number(height).rendered)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" preserveAspectRatio=\"none\""
        out += " role=\"img\" aria-label=\"\(XMLText.escape(label))\">"
        out += body.joined()
        out += "</svg>"
        return out
    }

    /// Latin text in the system face; Korean (outlet names, places) in Noto CJK where installed.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK KR', sans-serif"
}

/// An attribute value: a number written compactly (at most two decimals), or text (escaped).
enum SVGValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case number(Double)
    case text(String)

    init(stringLiteral value: String) { self = .text(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }

    var rendered: String {
        switch self {
        case .text(let text):
            return XMLText.escape(text)
        case .number(let value):
            guard value.isFinite else { return "0" }
            let rounded = (value * 100).rounded() / 100
            if rounded == rounded.rounded() { return String(Int(rounded)) }
            var text = String(rounded)
            if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
                text = String(text[..<text.index(dot, offsetBy: 3)])
            }
            return text
        }
    }
}
