import WatchfloorPipeline

/// `/series?type=T&province=KP-xx`: one indicator with the change points, silences and coverage
/// changes the analysis finds in it (as `watchfloor series` prints them) and the warnings they
/// became; day or week; the chart as SVG and the data as CSV.
enum SeriesPage {
    /// - Parameter combinations: the groups of types the warnings count together, offered in the form.
    static func render(_ view: SeriesView, requestedWindow: DayInterval?, combinations: [[EventType]]) -> HTML {
        let selection = view.selection
        let switcher = SeriesView.Granularity.allCases.map { granularity -> HTML in
            let link = Link.series(selection, granularity: granularity, window: requestedWindow)
            return granularity == view.granularity
                ? "<a href=\"\(link)\" aria-current=\"true\">by \(granularity.rawValue)</a>"
                : "<a href=\"\(link)\">by \(granularity.rawValue)</a>"
        }
        let events = EventQuery(
            EventFilter(types: selection.types, province: selection.province, since: view.window?.first, until: view.window?.last))
        let chartAlt = "\(view.title): bar chart of stories per \(view.granularity.rawValue), with "
            + "\(Format.plural(view.changePoints.count, "change point")) and \(Format.plural(view.silenceSpans.count, "silence")) marked"
        return Layout(title: view.title, section: .map).render("""
            <div class="page-head"><div><h1>\(view.title)</h1>
            <p class="sub">\(Format.count(view.total)) stories\(view.window.map { " from \($0.first) to \($0.last)" })\
            \(view.asOf.map { " · analysed as of \($0)" })\
            \(selection.province.map { HTML(" · <a href=\"\(Link.province($0))\">\($0.name)</a>") })</p></div>
            <div class="actions"><span class="switch">\(switcher)</span>
            <a class="button secondary" href="\(Link.series(selection, granularity: view.granularity, window: requestedWindow, extension: "svg", download: true))" download>Chart (SVG)</a>
            <a class="button secondary" href="\(Link.series(selection, granularity: view.granularity, window: requestedWindow, extension: "csv", download: true))" download>Data (CSV)</a></div></div>
            \(form(view, requestedWindow: requestedWindow, combinations: combinations))
            <section class="panel chart-wrap"><img class="chart" src="\(Link.series(selection, granularity: view.granularity, window: requestedWindow, extension: "svg"))" width="\(Int(ChartRendering.seriesWidth))" height="\(Int(ChartRendering.seriesHeight))" alt="\(chartAlt)"></section>
            <div class="grid two">
            <section class="panel">\(findings(view))</section>
            <section class="panel"><h2>Coverage</h2><p class="muted small">Outlets reporting on this series that started, went quiet, resumed or changed their volume in this window: a change in who is watching, not in what happens. The rates above are already per day of usual coverage.</p>
            \(coverage(view))
            <p><a href="\(Link.events(events))">The events behind this series →</a></p></section>
            </div>
            """)
    }

    /// Change points, silences and the warnings on the series.
    private static func findings(_ view: SeriesView) -> HTML {
        let changes = view.changePoints.map { mark -> HTML in
            let change = mark.change
            return """
                <tr><td class="nowrap">\(text: change.location)</td><td class="\(change.direction.rawValue)" title="the colour the chart draws it in">\(change.direction == .rise ? "▲ rise" : "▼ drop")</td>\
                <td class="num nowrap">\(rate(change.rateBefore)) → \(rate(change.rateAfter))</td>\
                <td class="num">\(Format.decimal(change.probability))</td><td class="nowrap">\(text: change.detectedOn)</td>\
                <td>\(warningLink(mark.warning))</td></tr>
                """
        }
        let silences = view.silenceSpans.map { span -> HTML in
            """
            <tr><td class="nowrap">\(text: span.interval.first)</td><td class="nowrap">\(span.ongoing ? "continues" : span.interval.last.description)</td>\
            <td class="num">\(span.interval.count)</td><td class="num">\(Format.decimal(span.expected))</td>\
            <td class="nowrap">\(text: span.detectedOn)</td><td>\(warningLink(span.warning))</td></tr>
            """
        }
        let watched = view.watchedSelections.map { other -> HTML in
            "<li><a href=\"\(Link.series(other, granularity: view.granularity, window: view.window))\">\(other.title)</a></li>"
        }
        let warnings = view.warnings.prefix(12).map { warning -> HTML in
            """
            <li>\(Components.kind(warning.kind)) <a href="\(Link.warning(warning.id ?? 0))">\(warning.kind.title.capitalizedFirst)</a> \
            <span class="muted small">onset \(text: warning.onset) · detected \(text: warning.detectedOn) · \(warning.types.map(\.rawValue).joined(separator: ", "))</span></li>
            """
        }
        return """
            <h2>Change points</h2>\(table(changes, head: "<th>From</th><th>Direction</th><th class=\"num\">Rate a day</th><th class=\"num\">p</th><th>Detected</th><th>Warning</th>"))
            <h2>Silences</h2>\(table(silences, head: "<th>From</th><th>To</th><th class=\"num\">Days</th><th class=\"num\">Expected</th><th>Detected</th><th>Warning</th>"))
            <p class="muted small">Found by the analysis over every day it reads\(view.asOf.map { " up to \($0)" }), with the pack's settings — what <code>watchfloor series</code> prints. A change or silence links to the warning it became; the warnings watch only some series and directions.</p>
            \(watched.isEmpty ? HTML.empty : "<p class=\"small\">The warnings count this type together with others:</p><ul class=\"small\">\(watched)</ul>")
            \(warnings.isEmpty ? HTML.empty : "<h2>Warnings on this series</h2><ul class=\"plain small\">\(warnings)</ul>")
            """
    }

    private static func coverage(_ view: SeriesView) -> HTML {
        let rows = view.coverageChanges.prefix(40).map { change -> HTML in
            "<tr><td class=\"nowrap\">\(text: change.day)</td><td>\(change.source)</td><td>\(SeriesChart.coverageVerb(change.kind))</td></tr>"
        }
        let more = view.coverageChanges.count - rows.count
        return table(rows, head: "<th>Day</th><th>Outlet</th><th>Change</th>")
            + (more > 0 ? "<p class=\"muted small\">… and \(Format.count(more)) more (in the CSV of <code>watchfloor series</code>).</p>" : HTML.empty)
    }

    private static func warningLink(_ id: Int64?) -> HTML {
        id.map { HTML("<a href=\"\(Link.warning($0))\">warning \($0)</a>") } ?? "<span class=\"muted\">none</span>"
    }

    /// Reports a day at full coverage: two decimals below ten.
    private static func rate(_ value: Double) -> String {
        value >= 10 ? Format.count(value.rounded()) : Format.decimal(value)
    }

    private static func table(_ rows: [HTML], head: HTML) -> HTML {
        rows.isEmpty
            ? "<p class=\"empty\">None.</p>"
            : "<div class=\"table-wrap\"><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    private static func form(_ view: SeriesView, requestedWindow: DayInterval?, combinations: [[EventType]]) -> HTML {
        let selected = view.selection.types.map(\.rawValue).joined(separator: ",")
        let choices = EventType.giftPolitics.map { (value: $0.rawValue, label: $0.displayName) }
            + combinations.map { group in
                (value: group.map(\.rawValue).joined(separator: ","), label: group.map(\.displayName).joined(separator: " + "))
            }
        // A selection asked for by hand (by URL) stays selectable.
        let all = choices.contains { $0.value == selected }
            ? choices : choices + [(value: selected, label: view.selection.types.map(\.displayName).joined(separator: " + "))]
        return """
            <form class="filters" method="get" action="/series">
            <label>Type<select name="type">\(Components.options(all, selected: selected))</select></label>
            <label>Province<select name="province">\(Components.provinceOptions(selected: view.selection.province?.code, any: "national", none: false))</select></label>
            <label>From<input type="date" name="since" value="\(requestedWindow.map { $0.first.description })"></label>
            <label>To<input type="date" name="until" value="\(requestedWindow.map { $0.last.description })"></label>
            <input type="hidden" name="granularity" value="\(view.granularity.rawValue)">
            <button type="submit">Show</button></form>
            """
    }
}
