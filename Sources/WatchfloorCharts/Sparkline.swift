import Watchfloor

/// A word-sized line of a series for tables and dashboard cells: the values as a line over a
/// light area, the last value as a dot, marked bins (where a warning starts) as red rules.
///
/// The drawing is made to sit inside an HTML page: presentation attributes rather than a
/// `<style>` element (a page's Content-Security-Policy may forbid inline styles), no ids, and no
/// fixed size — the page's stylesheet sizes it and it stretches to fit, its strokes keeping
/// their width.
///
/// ```swift
/// Sparkline(values: weekly.map(\.value), marks: [23], label: "Gift deliveries: 26 weeks").svg()
/// ```
public struct Sparkline: Sendable {
    public var values: [Double]
    /// Indices to mark (change points or warnings, in the same units as `values`).
    public var marks: [Int]
    /// The drawing's own coordinates: its aspect when nothing stretches it.
    public var width: Double
    public var height: Double
    /// Read by screen readers.
    public var label: String

    public init(values: [Double], marks: [Int] = [], width: Double = 120, height: Double = 24, label: String = "trend") {
        self.values = values
        self.marks = marks
        self.width = width
        self.height = height
        self.label = label
    }

    static let ink = "#1d4777"
    static let area = "#dbe6f2"
    static let mark = "#c0392b"

    public func svg() -> String {
        var svg = SVGWriter()
        let pad = 2.0
        // A flat series of zeros lies on the baseline rather than in the middle.
        let peak = max(values.max() ?? 0, 1)
        let step = values.count > 1 ? (width - 2 * pad) / Double(values.count - 1) : 0
        func x(_ i: Int) -> Double { pad + Double(i) * step }
        func y(_ v: Double) -> Double { height - pad - v / peak * (height - 2 * pad) }
        if let last = values.last {
            let points = values.indices.map { "\(SVGValue.number(x($0)).rendered),\(SVGValue.number(y(values[$0])).rendered)" }
                .joined(separator: " ")
            let baseline = SVGValue.number(height - pad).rendered
            let (first, end) = (SVGValue.number(x(0)).rendered, SVGValue.number(x(values.count - 1)).rendered)
            svg.element("polygon", ["points": .text("\(first),\(baseline) \(points) \(end),\(baseline)"), "fill": .text(Self.area)])
            // Over the area, under the line.
            for mark in marks where values.indices.contains(mark) {
                svg.element(
                    "line",
                    [
                        "x1": .number(x(mark)), "y1": 0, "x2": .number(x(mark)), "y2": .number(height),
                        "stroke": .text(Self.mark), "stroke-width": 1.5, "vector-effect": "non-scaling-stroke",
                    ])
            }
            svg.element(
                "polyline",
                [
                    "points": .text(points), "fill": "none", "stroke": .text(Self.ink), "stroke-width": 1.5,
                    "stroke-linejoin": "round", "vector-effect": "non-scaling-stroke",
                ])
            svg.element(
                "circle", ["cx": .number(x(values.count - 1)), "cy": .number(y(last)), "r": 1.8, "fill": .text(Self.ink)])
        }
        return svg.inlineDocument(width: width, height: height, label: label)
    }
}
