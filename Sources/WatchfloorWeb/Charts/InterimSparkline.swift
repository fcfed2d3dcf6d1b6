import WatchfloorPipeline

/// A word-sized line of a trend for the overview and province pages.
///
/// Interim: WatchfloorCharts' `Sparkline` replaces this once the analysis branch is merged. Like
/// every inline SVG on the pages, it has no `<style>` element (the Content-Security-Policy allows
/// stylesheets from the server only).
struct InterimSparkline {
    var trend: IndicatorTrend
    var width = 240.0
    var height = 30.0

    func svg() -> String {
        let values = trend.values
        let peak = max(values.max() ?? 0, 1)
        let step = values.count > 1 ? width / Double(values.count - 1) : 0
        func x(_ i: Int) -> Double { Double(i) * step }
        func y(_ v: Double) -> Double { height - 2 - v / peak * (height - 4) }
        let points = values.indices.map { "\(SVGText.number(x($0))),\(SVGText.number(y(values[$0])))" }.joined(separator: " ")
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGText.number(width)) \(SVGText.number(height))\""
        out += " preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(SVGText.escape(label))\">"
        for mark in trend.marks where values.indices.contains(mark) {
            out += "<line x1=\"\(SVGText.number(x(mark)))\" x2=\"\(SVGText.number(x(mark)))\" y1=\"0\" y2=\"\(SVGText.number(height))\" stroke=\"#c0392b\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"/>"
        }
        if !values.isEmpty {
            out += "<polygon points=\"0,\(SVGText.number(height)) \(points) \(SVGText.number(x(values.count - 1))),\(SVGText.number(height))\" fill=\"#dbe6f2\"/>"
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1d4777\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"/>"
        }
        return out + "</svg>"
    }

    var label: String {
        "\(trend.key.displayName): \(trend.values.map { Format.count($0) }.joined(separator: ", ")) stories a week over \(trend.values.count) weeks"
    }
}
