import Watchfloor

/// An indicator series drawn as an analyst would paste it into a report: reports per day (or per
/// week, for spans over 200 days) as bars, the mean of each regime between change points as a
/// step line (silences are regimes of their own), each change point as a vertical rule (blue for a rise, red for a drop) with the span
/// from its start to its detection bracketed above the plot, silences shaded, and coverage changes
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
    public var title: String
    public var subtitle: String?
    public var series: DailySeries
    public var changePoints: [ChangePoint]
    public var silences: [DayInterval]
    public var coverageChanges: [CoverageChange]
    public var width: Double
    public var height: Double

    public init(
        title: String, subtitle: String? = nil, series: DailySeries, changePoints: [ChangePoint] = [],
        silences: [DayInterval] = [], coverageChanges: [CoverageChange] = [], width: Double = 760, height: Double = 320
    ) {
        self.title = title
        self.subtitle = subtitle
        self.series = series
        self.changePoints = changePoints
        self.silences = silences
        self.coverageChanges = coverageChanges
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

    /// Layout: the plot area inside the margins.
    struct Frame {
        let left = 58.0
        let right: Double
        let top = 50.0
        let bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    public func svg() -> String {
        let frame = Frame(right: width - 20, bottom: height - 62)
        var svg = SVGWriter()
        svg.element("text", ["class": "title", "x": .number(frame.left), "y": 18], text: title)
        if let subtitle {
            svg.element("text", ["class": "subtitle", "x": .number(frame.left), "y": 32], text: subtitle)
        }
        guard let interval = series.interval else {
            svg.element("text", ["class": "empty", "x": .number(frame.left + 10), "y": .number(frame.top + 30)],
                        text: "No days in this period.")
            return svg.document(width: width, height: height, title: title, description: "An empty series.", style: Self.style)
        }
        let weekly = interval.count > 200
        let bins = weekly ? series.weekly().map { ($0.week, 7, $0.value) } : (0..<series.count).map { (series.day(at: $0), 1, series.values[$0]) }
        let peak = bins.map(\.2).max() ?? 0
        let scale = NiceScale(maximum: peak)
        let days = Double(interval.count)
        func x(_ day: Day) -> Double { frame.left + Double(day - interval.first) / days * frame.width }
        func y(_ value: Double) -> Double { frame.bottom - value / scale.maximum * frame.height }

        // Grid and value axis.
        for tick in scale.ticks {
            svg.element("line", ["class": "grid", "x1": .number(frame.left), "x2": .number(frame.right), "y1": .number(y(tick)), "y2": .number(y(tick))])
            svg.element("text", ["class": "tick", "x": .number(frame.left - 6), "y": .number(y(tick) + 3), "text-anchor": "end"],
                        text: NiceScale.label(tick))
        }
        svg.element("text", ["class": "tick", "x": 12, "y": .number(frame.top + frame.height / 2), "text-anchor": "middle",
                             "transform": .text("rotate(-90 12 \(SVGValue.number(frame.top + frame.height / 2).rendered))")],
                    text: weekly ? "reports a week" : "reports a day")

        // Silences under everything else.
        for silence in silences {
            guard let span = silence.intersection(interval) else { continue }
            let x0 = x(span.first)
            let x1 = x(span.last.adding(days: 1))
            svg.element("rect", ["class": "silence", "x": .number(x0), "y": .number(frame.top), "width": .number(max(x1 - x0, 1)), "height": .number(frame.height)],
                        title: "Silence from \(silence.first) to \(silence.last) (\(silence.count) days without a report)")
            svg.element("text", ["class": "label", "x": .number(x0 + 3), "y": .number(frame.top + 12)], text: "silence")
        }

        // Bars.
        let barGap = frame.width / days * (weekly ? 7 : 1) > 4 ? 1.0 : 0.0
        for (day, length, value) in bins where value > 0 {
            let x0 = max(x(day), frame.left)
            let x1 = min(x(day.adding(days: length)), frame.right)
            svg.element("rect", ["class": "bar", "x": .number(x0), "y": .number(y(value)), "width": .number(max(x1 - x0 - barGap, 0.5)), "height": .number(frame.bottom - y(value))],
                        title: "\(weekly ? "week of " : "")\(day): \(NiceScale.label(value)) report\(value == 1 ? "" : "s")")
        }

        // Mean of each regime between change points.
        let binDays = weekly ? 7.0 : 1.0
        // Regimes run between change points and silences (a silence is a regime of its own).
        let breaks = changePoints.map(\.location) + silences.flatMap { [$0.first, $0.last.adding(days: 1)] }
        var bounds = [interval.first] + Set(breaks.filter { $0 > interval.first && $0 <= interval.last }).sorted()
        bounds.append(interval.last.adding(days: 1))
        var path = ""
        for (from, to) in zip(bounds, bounds.dropFirst()) where to > from {
            let total = DayInterval(first: from, last: to.adding(days: -1)).reduce(0.0) { $0 + series[$1] }
            let level = y(total / Double(to - from) * binDays)
            path += (path.isEmpty ? "M" : " L") + "\(SVGValue.number(x(from)).rendered) \(SVGValue.number(level).rendered) L\(SVGValue.number(x(to)).rendered) \(SVGValue.number(level).rendered)"
        }
        svg.element("path", ["class": "regime", "d": .text(path)])

        // Change points.
        for change in changePoints where interval.contains(change.location) {
            let kind = change.direction.rawValue
            let x0 = x(change.location)
            let x1 = x(min(change.detectedOn, interval.last))
            let summary = "\(change.direction == .rise ? "Rise" : "Drop") from \(Self.rate(change.rateBefore)) to \(Self.rate(change.rateAfter)) a day, starting \(change.location), detected \(change.detectedOn) (p = \(Self.probability(change.probability)))"
            svg.element("line", ["class": .text("change \(kind)"), "x1": .number(x0), "x2": .number(x0), "y1": .number(frame.top - 8), "y2": .number(frame.bottom)], title: summary)
            svg.element("line", ["class": .text("change \(kind)"), "x1": .number(x0), "x2": .number(max(x1, x0 + 1)), "y1": .number(frame.top - 8), "y2": .number(frame.top - 8)])
            svg.element("circle", ["class": .text("marker \(kind)"), "cx": .number(max(x1, x0 + 1)), "cy": .number(frame.top - 8), "r": 2.5], title: "detected \(change.detectedOn)")
            let arrow = change.direction == .rise ? "▲" : "▼"
            svg.element("text", ["class": .text("marker \(kind)"), "x": .number(x0 + 2), "y": .number(frame.top - 12), "font-size": 10],
                        text: "\(arrow) \(Self.probability(change.probability))", title: summary)
        }

        // Axes and month ticks.
        svg.element("line", ["class": "axis", "x1": .number(frame.left), "x2": .number(frame.right), "y1": .number(frame.bottom), "y2": .number(frame.bottom)])
        svg.element("line", ["class": "axis", "x1": .number(frame.left), "x2": .number(frame.left), "y1": .number(frame.top), "y2": .number(frame.bottom)])
        for (day, label) in Self.monthTicks(interval) {
            svg.element("line", ["class": "axis", "x1": .number(x(day)), "x2": .number(x(day)), "y1": .number(frame.bottom), "y2": .number(frame.bottom + 4)])
            svg.element("text", ["class": "tick", "x": .number(x(day)), "y": .number(frame.bottom + 15), "text-anchor": "middle"], text: label)
        }

        // Coverage changes: a rule through the plot for presence changes, a mark on the lane for all.
        let laneY = frame.bottom + 36
        if !coverageChanges.isEmpty {
            svg.element("text", ["class": "lane", "x": .number(frame.left - 6), "y": .number(laneY + 3), "text-anchor": "end", "font-size": 9], text: "coverage")
        }
        for change in coverageChanges where interval.contains(change.day) {
            let x0 = x(change.day)
            let text = "\(change.source) \(Self.coverageVerb(change.kind)) on \(change.day)"
            if [.started, .wentQuiet, .resumed].contains(change.kind) {
                svg.element("line", ["class": "coverage", "x1": .number(x0), "x2": .number(x0), "y1": .number(frame.top), "y2": .number(laneY - 6)], title: text)
            }
            svg.element("text", ["class": "lane", "x": .number(x0), "y": .number(laneY + 3), "text-anchor": "middle"], text: Self.coverageSymbol(change.kind), title: text)
        }

        let description = "\(title): \(Int(series.values.reduce(0, +))) reports from \(interval.first) to \(interval.last); "
            + "\(changePoints.count) change point\(changePoints.count == 1 ? "" : "s"), \(silences.count) silence\(silences.count == 1 ? "" : "s"), "
            + "\(coverageChanges.count) coverage change\(coverageChanges.count == 1 ? "" : "s")."
        return svg.document(width: width, height: height, title: title, description: description, style: Self.style)
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

    static func coverageVerb(_ kind: CoverageChange.Kind) -> String {
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
