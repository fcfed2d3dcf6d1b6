import Watchfloor

/// A word-sized line of a series for tables and dashboard cells: the values as a polyline, the
/// last value as a dot, change points as short ticks.
///
/// ```swift
/// Sparkline(values: weekly.map(\.value), marks: [23]).svg()   // 120 × 24 by default
/// ```
public struct Sparkline: Sendable {
    public var values: [Double]
    /// Indices to mark (change points, in the same units as `values`).
    public var marks: [Int]
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

    public func svg() -> String {
        var svg = SVGWriter()
        let pad = 2.0
        let peak = max(values.max() ?? 0, 1e-9)
        let step = values.count > 1 ? (width - 2 * pad) / Double(values.count - 1) : 0
        func x(_ i: Int) -> Double { pad + Double(i) * step }
        func y(_ v: Double) -> Double { height - pad - v / peak * (height - 2 * pad) }
        if !values.isEmpty {
            let points = values.indices.map { "\(SVGValue.number(x($0)).rendered),\(SVGValue.number(y(values[$0])).rendered)" }
            svg.element("polyline", ["class": "line", "points": .text(points.joined(separator: " "))])
            for mark in marks where values.indices.contains(mark) {
                svg.line("mark", x1: x(mark), y1: pad, x2: x(mark), y2: height - pad)
            }
            let last = ["class": "last", "cx": .number(x(values.count - 1)), "cy": .number(y(values.last!)), "r": 1.8]
                as KeyValuePairs<String, SVGValue>
            svg.element("circle", last)
        }
        let description =
            values.isEmpty
            ? "no data"
            : "\(values.count) values, last \(NiceScale.label(values.last!)), highest \(NiceScale.label(values.max()!))"
        return svg.document(
            width: width, height: height, title: label, description: description,
            style: ".line{fill:none;stroke:#1b2a41;stroke-width:1.2}.mark{stroke:#c0392b;stroke-width:1}.last{fill:#1b2a41}")
    }
}
