import Watchfloor

/// An indicator series drawn as an analyst would paste it into a report: reports per day or per
/// week as bars (``Binning``), the mean of each regime between change points as a
/// step line (silences are regimes of their own), each change point as a vertical rule (blue for
/// a rise, red for a drop) with the span from its start to its detection bracketed above the
/// plot, silences shaded, and coverage changes
/// (an outlet starting, going quiet, resuming, publishing more or less) marked on a lane under the
/// time axis — so that no one reads a change in who was watching as a change in the world.
///
/// ```swift
/// let chart = SeriesChart(
///     title: "Gifts and condolence visits, North Hamgyong (KP-09)", series: analysis.series,
///     changePoints: analysis.changePoints, silences: analysis.silenceSpans,
///     coverageChanges: analysis.coverageChanges)
/// try chart.svg().write(toFile: "kp09-aid.svg", atomically: true, encoding: .utf8)
/// ```
public struct SeriesChart: Sendable {
    /// Whether a bar is a day or an ISO week (Monday to Sunday; the first and last may be partial).
    public enum Binning: String, Sendable, CaseIterable {
        /// Days for spans of up to 200 days, weeks beyond.
        case automatic
        case day
        case week

        func weekly(days: Int) -> Bool {
            switch self {
            case .automatic: days > 200
            case .day: false
            case .week: true
            }
        }
    }

    public var title: String
    public var subtitle: String?
    public var series: DailySeries
    public var changePoints: [ChangePoint]
    public var silences: [DayInterval]
    public var coverageChanges: [CoverageChange]
    public var binning: Binning
    public var width: Double
    public var height: Double

    public init(
        title: String, subtitle: String? = nil, series: DailySeries, changePoints: [ChangePoint] = [],
        silences: [DayInterval] = [], coverageChanges: [CoverageChange] = [], binning: Binning = .automatic,
        width: Double = 760, height: Double = 320
    ) {
        self.title = title
        self.subtitle = subtitle
        self.series = series
        self.changePoints = changePoints
        self.silences = silences
        self.coverageChanges = coverageChanges
        self.binning = binning
        self.width = width
        self.height = height
    }

    static let style = """
        .axis{stroke:#555;stroke-width:1}.grid{stroke:#e3e3e3;stroke-width:1}\
        .tick{font-size:10px;fill:#555}.title{font-size:14px;font-weight:600;fill:#222}\
        .subtitle{font-size:11px;fill:#666}.bar{fill:#8aa4c8}.regime{stroke:#1b2a41;stroke-width:2;fill:none}\
        .change.rise{stroke:#1f6fb4}.change.drop{stroke:#c0392b}.change{stroke-width:1.5}\
        .marker.rise{fill:#1f6fb4}.marker.drop{fill:#c0392b}.label{font-size:10px;fill:#333}\
        .silence{fill:#9a9a9a;fill-opacity:.18}.coverage{stroke:#888;stroke-dasharray:3 3;stroke-width:1}\
        .lane{font-size:10px;fill:#555}.empty{font-size:12px;fill:#777}
        """

    /// The plot area inside the margins, and the mapping of days and values onto it.
    struct Plot {
        let left = 58.0
        /// Room above the plot for the title, the subtitle and the change points' labels.
        let top = 64.0
        let right: Double
        let bottom: Double
        let interval: DayInterval
        let scale: NiceScale
        /// Days per bar: 1, or 7 when drawn by week.
        let binDays: Int

        var width: Double { right - left }
        var height: Double { bottom - top }
        var laneY: Double { bottom + 36 }

        func x(_ day: Day) -> Double { left + Double(day - interval.first) / Double(interval.count) * width }
        func y(_ value: Double) -> Double { bottom - value / scale.maximum * height }
    }

    public func svg() -> String {
        var svg = SVGWriter()
        // Long titles (several types counted together) are cut to the width; <title> keeps them whole.
        svg.text("title", x: 58, y: 18, Self.fitted(title, width: width - 78, characterWidth: 8), title: title)
        if let subtitle { svg.text("subtitle", x: 58, y: 32, Self.fitted(subtitle, width: width - 78, characterWidth: 6)) }
        guard let interval = series.interval else {
            svg.text("empty", x: 68, y: 80, "No days in this period.")
            return svg.document(width: width, height: height, title: title, description: "An empty series.", style: Self.style)
        }
        let weekly = binning.weekly(days: interval.count)
        let bins: [(day: Day, value: Double)] =
            weekly
            ? series.weekly().map { ($0.week, $0.value) }
            : (0..<series.count).map { (series.day(at: $0), series.values[$0]) }
        let plot = Plot(
            right: width - 20, bottom: height - 62, interval: interval,
            scale: NiceScale(maximum: bins.map(\.value).max() ?? 0, minimumStep: 1), binDays: weekly ? 7 : 1)

        drawValueAxis(&svg, plot)
        drawSilences(&svg, plot)
        drawBars(&svg, plot, bins)
        drawRegimes(&svg, plot)
        drawChangePoints(&svg, plot)
        drawTimeAxis(&svg, plot)
        drawCoverage(&svg, plot)

        func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let description = "\(title): \(Int(series.values.reduce(0, +))) reports from \(interval.first) to \(interval.last); "
            + "\(plural(changePoints.count, "change point")), \(plural(silences.count, "silence")), "
            + "\(plural(coverageChanges.count, "coverage change"))."
        return svg.document(width: width, height: height, title: title, description: description, style: Self.style)
    }

    private func drawValueAxis(_ svg: inout SVGWriter, _ plot: Plot) {
        for tick in plot.scale.ticks {
            svg.line("grid", x1: plot.left, y1: plot.y(tick), x2: plot.right, y2: plot.y(tick))
            svg.text("tick", x: plot.left - 6, y: plot.y(tick) + 3, NiceScale.label(tick), anchor: "end")
        }
        let middle = SVGValue.number(plot.top + plot.height / 2).rendered
        let rotation = SVGValue.text("rotate(-90 12 \(middle))")
        svg.element(
            "text", ["class": "tick", "x": 12, "y": .text(middle), "text-anchor": "middle", "transform": rotation],
            text: plot.binDays == 7 ? "reports a week" : "reports a day")
        svg.line("axis", x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom)
    }

    /// Silences go under everything else.
    private func drawSilences(_ svg: inout SVGWriter, _ plot: Plot) {
        for silence in silences {
            guard let span = silence.intersection(plot.interval) else { continue }
            let x0 = plot.x(span.first)
            let x1 = plot.x(span.last.adding(days: 1))
            svg.rect(
                "silence", x: x0, y: plot.top, width: max(x1 - x0, 1), height: plot.height,
                title: "Silence from \(silence.first) to \(silence.last) (\(silence.count) days without a report)")
            svg.text("label", x: x0 + 3, y: plot.top + 12, "silence")
        }
    }

    private func drawBars(_ svg: inout SVGWriter, _ plot: Plot, _ bins: [(day: Day, value: Double)]) {
        let gap = plot.width / Double(plot.interval.count) * Double(plot.binDays) > 4 ? 1.0 : 0.0
        for (day, value) in bins where value > 0 {
            let x0 = max(plot.x(day), plot.left)
            let x1 = min(plot.x(day.adding(days: plot.binDays)), plot.right)
            let label = "\(plot.binDays == 7 ? "week of " : "")\(day): \(NiceScale.label(value)) report\(value == 1 ? "" : "s")"
            svg.rect(
                "bar", x: x0, y: plot.y(value), width: max(x1 - x0 - gap, 0.5), height: plot.bottom - plot.y(value),
                title: label)
        }
    }

    /// The mean of each regime as a step line. Regimes run between change points and silences (a
    /// silence is a regime of its own).
    private func drawRegimes(_ svg: inout SVGWriter, _ plot: Plot) {
        let interval = plot.interval
        let breaks = changePoints.map(\.location) + silences.flatMap { [$0.first, $0.last.adding(days: 1)] }
        let bounds = [interval.first] + Set(breaks.filter { $0 > interval.first && $0 <= interval.last }).sorted()
            + [interval.last.adding(days: 1)]
        var path = ""
        for (from, to) in zip(bounds, bounds.dropFirst()) where to > from {
            let total = DayInterval(first: from, last: to.adding(days: -1)).reduce(0.0) { $0 + series[$1] }
            let level = SVGValue.number(plot.y(total / Double(to - from) * Double(plot.binDays))).rendered
            let (x0, x1) = (SVGValue.number(plot.x(from)).rendered, SVGValue.number(plot.x(to)).rendered)
            path += (path.isEmpty ? "M" : " L") + "\(x0) \(level) L\(x1) \(level)"
        }
        svg.element("path", ["class": "regime", "d": .text(path)])
    }

    /// A rule at each change's first day, bracketed above the plot to the day it was detected.
    private func drawChangePoints(_ svg: inout SVGWriter, _ plot: Plot) {
        let bracketY = plot.top - 8
        for change in changePoints where plot.interval.contains(change.location) {
            let kind = change.direction.rawValue
            let x0 = plot.x(change.location)
            let x1 = max(plot.x(min(change.detectedOn, plot.interval.last)), x0 + 1)
            let summary = "\(change.direction == .rise ? "Rise" : "Drop") from \(Self.rate(change.rateBefore)) to "
                + "\(Self.rate(change.rateAfter)) a day, starting \(change.location), detected \(change.detectedOn) "
                + "(p = \(Self.probability(change.probability)))"
            svg.line("change \(kind)", x1: x0, y1: bracketY, x2: x0, y2: plot.bottom, title: summary)
            svg.line("change \(kind)", x1: x0, y1: bracketY, x2: x1, y2: bracketY)
            svg.element(
                "circle", ["class": .text("marker \(kind)"), "cx": .number(x1), "cy": .number(bracketY), "r": 2.5],
                title: "detected \(change.detectedOn)")
            let arrow = change.direction == .rise ? "▲" : "▼"
            svg.text("marker \(kind)", x: x0 + 2, y: plot.top - 12, "\(arrow) \(Self.probability(change.probability))", title: summary)
        }
    }

    private func drawTimeAxis(_ svg: inout SVGWriter, _ plot: Plot) {
        svg.line("axis", x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom)
        for (day, label) in Self.monthTicks(plot.interval) {
            svg.line("axis", x1: plot.x(day), y1: plot.bottom, x2: plot.x(day), y2: plot.bottom + 4)
            svg.text("tick", x: plot.x(day), y: plot.bottom + 15, label, anchor: "middle")
        }
    }

    /// Coverage changes: a mark on the lane under the axis for each, and a rule through the plot
    /// for an outlet starting, going quiet or resuming.
    private func drawCoverage(_ svg: inout SVGWriter, _ plot: Plot) {
        guard !coverageChanges.isEmpty else { return }
        svg.element(
            "text",
            ["class": "lane", "x": .number(plot.left - 6), "y": .number(plot.laneY + 3), "text-anchor": "end", "font-size": 9],
            text: "coverage")
        for change in coverageChanges where plot.interval.contains(change.day) {
            let x0 = plot.x(change.day)
            let text = "\(change.source) \(Self.coverageVerb(change.kind)) on \(change.day)"
            if [.started, .wentQuiet, .resumed].contains(change.kind) {
                svg.line("coverage", x1: x0, y1: plot.top, x2: x0, y2: plot.laneY - 6, title: text)
            }
            svg.text("lane", x: x0, y: plot.laneY + 3, Self.coverageSymbol(change.kind), anchor: "middle", title: text)
        }
    }

    /// `text` cut with an ellipsis to about `width` pixels, at `characterWidth` pixels a character.
    static func fitted(_ text: String, width: Double, characterWidth: Double) -> String {
        let limit = max(Int(width / characterWidth), 1)
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    static func monthTicks(_ interval: DayInterval) -> [(Day, String)] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let spanMonths = interval.count / 30
        let every = spanMonths <= 14 ? 1 : spanMonths <= 36 ? 3 : spanMonths <= 96 ? 6 : 12
        var ticks: [(Day, String)] = []
        var month = interval.first.monthStart
        if month < interval.first { month = month.adding(months: 1) }
        var first = true
        while month <= interval.last {
            if (month.month - 1) % every == 0 {
                let label = first || month.month == 1 ? "\(months[month.month - 1]) \(month.year)" : months[month.month - 1]
                ticks.append((month, label))
                first = false
            }
            month = month.adding(months: 1)
        }
        return ticks
    }

    static func coverageSymbol(_ kind: CoverageChange.Kind) -> String {
        switch kind {
        case .started: "+"
        case .wentQuiet: "○"
        case .resumed: "●"
        case .volumeRise: "↑"
        case .volumeDrop: "↓"
        }
    }

    /// What an outlet did, in words: "started publishing", "went quiet", "resumed", "published more".
    public static func coverageVerb(_ kind: CoverageChange.Kind) -> String {
        switch kind {
        case .started: "started publishing"
        case .wentQuiet: "went quiet"
        case .resumed: "resumed"
        case .volumeRise: "published more"
        case .volumeDrop: "published less"
        }
    }

    static func rate(_ value: Double) -> String {
        value >= 10 ? NiceScale.label(value.rounded()) : String((value * 100).rounded() / 100)
    }

    static func probability(_ p: Double) -> String {
        let clamped = min(max(p, 0), 0.99)
        let text = String((clamped * 100).rounded() / 100)
        return text.count < 4 ? text + "0" : text
    }
}
