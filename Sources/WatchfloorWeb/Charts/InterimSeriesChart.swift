import Foundation
import WatchfloorPipeline

/// An indicator series as a bar chart with its change points, silences and coverage marks, as
/// the series page shows it and as it downloads.
///
/// Interim: WatchfloorCharts' `SeriesChart` replaces this once the analysis branch is merged
/// (``ChartRendering/seriesSVG(_:)`` is the one place to change).
struct InterimSeriesChart {
    var view: SeriesView
    var width = 960.0
    var height = 340.0

    private let left = 52.0, right = 16.0, top = 56.0, bottom = 70.0

    func svg() -> String {
        var body = ""
        let plotRight = width - right
        let plotBottom = height - bottom
        let plotWidth = plotRight - left
        let plotHeight = plotBottom - top
        body += text(view.title, x: left, y: 20, size: 15, weight: "600")
        let subtitle = "Stories per \(view.granularity == .day ? "day" : "week") (syndicated copies counted once)"
            + (view.window.map { ", \($0.first) to \($0.last)" } ?? "")
        body += text(subtitle, x: left, y: 38, size: 11, fill: "#5b6676")
        guard let window = view.window else {
            body += text("Nothing has been reported on this series.", x: left + 8, y: top + 30, size: 13, fill: "#5b6676")
            return document(body, description: "An empty series.")
        }
        let days = Double(window.count)
        func x(_ day: Day) -> Double { left + Double(day - window.first) / days * plotWidth }
        let peak = max(view.bins.map(\.value).max() ?? 0, 1)
        let scale = Self.niceStep(peak)
        let top = (peak / scale).rounded(.up) * scale
        func y(_ value: Double) -> Double { plotBottom - value / top * plotHeight }

        for tick in stride(from: 0.0, through: top + scale / 2, by: scale) {
            body += line(left, y(tick), plotRight, y(tick), stroke: "#e3e6eb")
            body += text(Format.count(tick), x: left - 6, y: y(tick) + 4, size: 10, fill: "#5b6676", anchor: "end")
        }
        for silence in view.silenceSpans {
            let x0 = x(silence.interval.first), x1 = x(silence.interval.last.adding(days: 1))
            body += "<rect x=\"\(n(x0))\" y=\"\(n(self.top))\" width=\"\(n(max(x1 - x0, 1)))\" height=\"\(n(plotHeight))\" fill=\"#8a94a3\" fill-opacity=\"0.18\">"
            body += "<title>\(SVGText.escape("Silence \(silence.interval.first) to \(silence.interval.last) (\(silence.interval.count) days)"))</title></rect>"
            body += text("silence", x: x0 + 3, y: self.top + 12, size: 10, fill: "#34495e")
        }
        let gap = plotWidth / days * Double(view.granularity == .day ? 1 : 7) > 4 ? 1.0 : 0.0
        for bin in view.bins where bin.value > 0 {
            let x0 = max(x(bin.start), left)
            let x1 = min(x(bin.start.adding(days: view.granularity == .day ? 1 : 7)), plotRight)
            body += "<rect x=\"\(n(x0))\" y=\"\(n(y(bin.value)))\" width=\"\(n(max(x1 - x0 - gap, 0.6)))\" height=\"\(n(plotBottom - y(bin.value)))\" fill=\"#6f97c6\">"
            body += "<title>\(SVGText.escape("\(view.granularity == .week ? "week of " : "")\(bin.start): \(Format.count(bin.value))"))</title></rect>"
        }
        for change in view.changePoints {
            let color = change.direction == .rise ? "#1f5fa8" : "#b3301f"
            let x0 = x(change.day)
            let summary = "\(change.direction == .rise ? "Rise" : "Drop") from \(change.day), detected \(change.detectedOn), p = \(Format.decimal(change.probability))"
            body += "<g><title>\(SVGText.escape(summary))</title>"
            body += line(x0, self.top - 10, x0, plotBottom, stroke: color, width: 1.6)
            body += text("\(change.direction == .rise ? "▲" : "▼") \(Format.decimal(change.probability))", x: x0 + 3, y: self.top - 12, size: 10, fill: color)
            body += "</g>"
        }
        body += line(left, plotBottom, plotRight, plotBottom, stroke: "#5b6676")
        body += line(left, self.top, left, plotBottom, stroke: "#5b6676")
        for (day, label) in Self.monthTicks(window) {
            body += line(x(day), plotBottom, x(day), plotBottom + 4, stroke: "#5b6676")
            body += text(label, x: x(day), y: plotBottom + 16, size: 10, fill: "#5b6676", anchor: "middle")
        }
        let lane = plotBottom + 40
        if !view.coverageMarks.isEmpty {
            body += text("coverage", x: left - 6, y: lane + 4, size: 9, fill: "#5b6676", anchor: "end")
        }
        for mark in view.coverageMarks {
            let symbol = mark.kind == .started ? "+" : "○"
            body += "<text x=\"\(n(x(mark.day)))\" y=\"\(n(lane + 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6676\">"
            body += "<title>\(SVGText.escape("\(mark.source) \(mark.kind.rawValue) on \(mark.day)"))</title>\(symbol)</text>"
        }
        let description = "\(view.title): \(Format.count(view.total)) stories from \(window.first) to \(window.last); "
            + "\(view.changePoints.count) change points, \(view.silenceSpans.count) silences, \(view.coverageMarks.count) coverage marks."
        return document(body, description: description)
    }

    private func document(_ body: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" \
        role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, 'Noto Sans CJK KR', sans-serif">
        <title id="chart-title">\(SVGText.escape(view.title))</title>
        <desc id="chart-desc">\(SVGText.escape(description))</desc>
        <rect width="100%" height="100%" fill="#ffffff"/>
        \(body)
        </svg>

        """
    }

    private func n(_ value: Double) -> String { SVGText.number(value) }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>"
    }

    private func text(
        _ content: String, x: Double, y: Double, size: Double, fill: String = "#1b2a41", weight: String? = nil,
        anchor: String? = nil
    ) -> String {
        var out = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(fill)\""
        if let weight { out += " font-weight=\"\(weight)\"" }
        if let anchor { out += " text-anchor=\"\(anchor)\"" }
        return out + ">\(SVGText.escape(content))</text>"
    }

    /// A round step (1, 2 or 5 × 10ⁿ) giving about five ticks up to `peak`.
    static func niceStep(_ peak: Double) -> Double {
        // Counts: never a step below one report.
        let rough = max(peak, 1) / 5
        let magnitude = pow10(Int(log10(rough).rounded(.down)))
        let residual = rough / magnitude
        return max((residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude, 1)
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    private static func log10(_ value: Double) -> Double { value > 0 ? Foundation.log10(value) : 0 }

    static func monthTicks(_ window: DayInterval) -> [(Day, String)] {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let months = window.count / 30
        let every = months <= 14 ? 1 : months <= 36 ? 3 : 6
        var ticks: [(Day, String)] = []
        var month = window.first.monthStart
        if month < window.first { month = month.adding(months: 1) }
        while month <= window.last {
            if (month.month - 1) % every == 0 {
                ticks.append((month, ticks.isEmpty || month.month == 1 ? "\(names[month.month - 1]) \(month.year)" : names[month.month - 1]))
            }
            month = month.adding(months: 1)
        }
        return ticks
    }
}

/// The one place that turns views into chart SVG, so that the interim charts can be swapped for
/// WatchfloorCharts' own in one edit.
enum ChartRendering {
    static func seriesSVG(_ view: SeriesView) -> String { InterimSeriesChart(view: view).svg() }
}
