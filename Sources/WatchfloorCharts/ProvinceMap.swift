import Watchfloor

/// The DPRK's twelve first-level divisions as a tile-grid cartogram: one equal tile per province,
/// placed as the provinces lie (north-west to south-east), shaded by a value, each tile labelled
/// in English and Korean and, when `link` gives one, a link.
///
/// Equal tiles keep small Rason and Nampo as visible as North Hamgyong: the map shows where
/// reporting and warnings are, not how large the land is. The SVG uses presentation attributes
/// only (no `<style>` element), so it can be put inline in a page under a strict
/// Content-Security-Policy.
///
/// ```swift
/// let map = ProvinceMap(values: [.northHamgyong: 14, .ryanggang: 3], title: "Gift deliveries, last 90 days",
///                       link: { "/provinces/\($0.code)" })
/// let svg = map.svg()
/// ```
public struct ProvinceMap: Sendable {
    public enum Palette: Sendable {
        /// Light to dark blue, for counts.
        case blues
        /// Light to dark red, for warning scores.
        case reds

        var steps: [String] {
            switch self {
            case .blues: ["#dbe6f2", "#a9c3e0", "#6f97c6", "#3f6ea6", "#1d4777"]
            case .reds: ["#f9d9cf", "#f2a890", "#e2725a", "#c0432f", "#86200f"]
            }
        }

        /// The fill of a tile with nothing to show.
        static let empty = "#f1f2f4"
    }

    public var values: [Province: Double]
    public var title: String
    /// What the values are, for the legend and tooltips ("stories", "score").
    public var unit: String
    public var palette: Palette
    /// The largest value of the scale (default: the largest value shown).
    public var maximum: Double?
    public var link: @Sendable (Province) -> String?
    public var format: @Sendable (Double) -> String
    /// Shown on a tile with no value.
    public var missing: String

    public init(
        values: [Province: Double], title: String, unit: String = "stories", palette: Palette = .blues,
        maximum: Double? = nil, link: @escaping @Sendable (Province) -> String? = { _ in nil },
        format: @escaping @Sendable (Double) -> String = ProvinceMap.defaultFormat, missing: String = "no data"
    ) {
        self.values = values
        self.title = title
        self.unit = unit
        self.palette = palette
        self.maximum = maximum
        self.link = link
        self.format = format
        self.missing = missing
    }

    public static let defaultFormat: @Sendable (Double) -> String = { value in
        value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
    }

    /// Column and row of each province's tile.
    public static func tile(_ province: Province) -> (column: Int, row: Int) {
        switch province {
        case .chagang: (1, 0)
        case .ryanggang: (2, 0)
        case .northHamgyong: (3, 0)
        case .rason: (4, 0)
        case .northPyongan: (0, 1)
        case .southPyongan: (1, 1)
        case .southHamgyong: (2, 1)
        case .nampo: (0, 2)
        case .pyongyang: (1, 2)
        case .kangwon: (2, 2)
        case .southHwanghae: (0, 3)
        case .northHwanghae: (1, 3)
        }
    }

    static let tileWidth = 142.0
    static let tileHeight = 88.0
    static let gap = 6.0
    static let left = 10.0
    static let top = 40.0
    public static let width = left * 2 + 5 * (tileWidth + gap) - gap
    public static let height = top + 4 * (tileHeight + gap) - gap + 64

    public func svg() -> String {
        let scaleMaximum = max(maximum ?? values.values.max() ?? 0, 0)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"province-map\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\""
        out += " width=\"\(Self.number(Self.width))\" height=\"\(Self.number(Self.height))\" role=\"img\" aria-labelledby=\"map-title\""
        out += " font-family=\"\(SVGWriter.fontFamily)\">\n"
        out += "<title id=\"map-title\">\(XMLText.escape(title))</title>\n"
        out += "<text x=\"\(Self.number(Self.left))\" y=\"22\" font-size=\"15\" font-weight=\"600\" fill=\"#1b2a41\">\(XMLText.escape(title))</text>\n"
        out += geography()
        for province in Province.allCases {
            out += tile(province, scaleMaximum: scaleMaximum)
        }
        out += legend(scaleMaximum: scaleMaximum)
        out += "</svg>\n"
        return out
    }

    /// Faint labels for the neighbours and seas, so the grid reads as a map.
    private func geography() -> String {
        func label(_ text: String, column: Double, row: Double, anchor: String = "middle") -> String {
            let x = Self.left + column * (Self.tileWidth + Self.gap) + Self.tileWidth / 2
            let y = Self.top + row * (Self.tileHeight + Self.gap) + Self.tileHeight / 2
            return "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" font-size=\"12\" font-style=\"italic\" fill=\"#8a94a3\">\(XMLText.escape(text))</text>\n"
        }
        return label("China", column: 0, row: 0) + label("East Sea", column: 3.5, row: 1.5)
            + label("South Korea", column: 2.6, row: 3) + label("Russia", column: 4, row: 0.72)
    }

    private func tile(_ province: Province, scaleMaximum: Double) -> String {
        let (column, row) = Self.tile(province)
        let x = Self.left + Double(column) * (Self.tileWidth + Self.gap)
        let y = Self.top + Double(row) * (Self.tileHeight + Self.gap)
        let value = values[province]
        let step = value.map { stepIndex($0, maximum: scaleMaximum) } ?? nil
        let fill = step.map { palette.steps[$0] } ?? Palette.empty
        let ink = (step ?? 0) >= 3 ? "#ffffff" : "#1b2a41"
        let shown = value.map(format) ?? missing
        let tooltip = "\(province.name) (\(province.code)): \(shown) \(value == nil ? "" : unit)"
        var out = ""
        let href = link(province)
        if let href { out += "<a href=\"\(XMLText.escape(href))\" class=\"province\" aria-label=\"\(XMLText.escape(tooltip))\">" }
        out += "<g><title>\(XMLText.escape(tooltip))</title>"
        out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(Self.tileWidth))\" height=\"\(Self.number(Self.tileHeight))\""
        out += " rx=\"8\" fill=\"\(fill)\" stroke=\"#1b2a41\" stroke-opacity=\"0.25\" stroke-width=\"1\"/>"
        out += "<text x=\"\(Self.number(x + 10))\" y=\"\(Self.number(y + 22))\" font-size=\"12.5\" font-weight=\"600\" fill=\"\(ink)\">\(XMLText.escape(province.name))</text>"
        out += "<text x=\"\(Self.number(x + 10))\" y=\"\(Self.number(y + 40))\" font-size=\"12\" fill=\"\(ink)\">\(XMLText.escape(province.koreanName)) · \(province.code)</text>"
        out += "<text x=\"\(Self.number(x + 10))\" y=\"\(Self.number(y + 72))\" font-size=\"20\" font-weight=\"600\" fill=\"\(ink)\">\(XMLText.escape(shown))</text>"
        out += "</g>"
        if href != nil { out += "</a>" }
        return out + "\n"
    }

    /// The palette step of a value: nil for zero (drawn as empty), else 0…4 by fifths of the maximum.
    private func stepIndex(_ value: Double, maximum: Double) -> Int? {
        guard value > 0, maximum > 0 else { return nil }
        return min(Int((value / maximum * Double(palette.steps.count)).rounded(.up)) - 1, palette.steps.count - 1)
    }

    private func legend(scaleMaximum: Double) -> String {
        let y = Self.top + 4 * (Self.tileHeight + Self.gap) + 14
        var out = "<g aria-hidden=\"true\">"
        var x = Self.left
        let steps = Double(palette.steps.count)
        // Whole-number scales (counts) label their steps in whole numbers: 1–19, 20–37, …
        let whole = scaleMaximum == scaleMaximum.rounded() && scaleMaximum >= steps
        let swatches: [(String, String)] = [(Palette.empty, "0")] + palette.steps.indices.map { i in
            let low = scaleMaximum * Double(i) / steps
            let high = scaleMaximum * Double(i + 1) / steps
            guard scaleMaximum > 0 else { return (palette.steps[i], "–") }
            let label = whole ? "\(Int(low.rounded(.down)) + 1)–\(Int(high.rounded(.down)))" : "\(format(low))–\(format(high))"
            return (palette.steps[i], label)
        }
        for (fill, text) in swatches {
            out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"22\" height=\"14\" rx=\"3\" fill=\"\(fill)\" stroke=\"#1b2a41\" stroke-opacity=\"0.25\"/>"
            out += "<text x=\"\(Self.number(x + 28))\" y=\"\(Self.number(y + 11))\" font-size=\"11\" fill=\"#3b4656\">\(XMLText.escape(text))</text>"
            x += 34 + Double(text.count) * 6.5
        }
        out += "<text x=\"\(Self.number(Self.left))\" y=\"\(Self.number(y + 36))\" font-size=\"11\" fill=\"#5b6676\">\(XMLText.escape(unit)); each province one tile, placed as on the map</text>"
        return out + "</g>\n"
    }

    static func number(_ value: Double) -> String { SVGValue.number(value).rendered }
}
