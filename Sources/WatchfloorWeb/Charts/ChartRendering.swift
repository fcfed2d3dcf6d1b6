import WatchfloorPipeline

/// Views drawn as WatchfloorCharts' charts: the one place that decides how the dashboard's
/// series and trends look, so that the page, the warning page, the SVG download and
/// `watchfloor series --svg` draw the same chart.
enum ChartRendering {
    static let seriesWidth = 960.0
    static let seriesHeight = 340.0

    /// The series chart, served as its own SVG file (`/series.svg`): pages show it with `<img>`,
    /// so its `<style>` applies under the image's own policy.
    static func seriesSVG(_ view: SeriesView) -> String {
        let stories = "stories per \(view.granularity == .day ? "day" : "week") (syndicated copies counted once)"
        let subtitle = [stories, view.asOf.map { "analysed as of \($0)" }].compactMap { $0 }.joined(separator: ", ")
        let chart = SeriesChart(
            title: view.title, subtitle: subtitle,
            series: view.window == nil ? DailySeries(start: view.daily.start, values: []) : view.daily,
            changePoints: view.changePoints.map(\.change), silences: view.silenceSpans.map(\.interval),
            coverageChanges: view.coverageChanges, binning: view.granularity == .day ? .day : .week,
            width: seriesWidth, height: seriesHeight)
        return chart.svg()
    }

    /// A trend's sparkline, inline in the page (no `<style>`, no ids).
    static func sparkline(_ trend: IndicatorTrend, width: Double = 240, height: Double = 30) -> HTML {
        let label = "\(trend.key.displayName): \(trend.values.map { Format.count($0) }.joined(separator: ", ")) stories a week over \(trend.values.count) weeks"
        return HTML(trusted: Sparkline(values: trend.values, marks: trend.marks, width: width, height: height, label: label).svg())
    }
}
