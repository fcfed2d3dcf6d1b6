import WatchfloorPipeline

/// `/series?type=T&province=KP-xx`: one indicator with its change points, silences and coverage
/// marks; day or week; the chart as SVG and the data as CSV.
enum SeriesPage {
    static func render(_ view: SeriesView, requestedWindow: DayInterval?) -> HTML {
        let key = view.key
        let switcher = SeriesView.Granularity.allCases.map { granularity -> HTML in
            let link = Link.series(key, granularity: granularity, window: requestedWindow)
            return granularity == view.granularity
                ? "<a href=\"\(link)\" aria-current=\"true\">by \(granularity.rawValue)</a>"
                : "<a href=\"\(link)\">by \(granularity.rawValue)</a>"
        }
        let changes = view.changePoints.map { change -> HTML in
            """
            <tr><td class="nowrap">\(text: change.day)</td><td class="\(change.direction == .rise ? "up" : "down")">\(change.direction == .rise ? "▲ rise" : "▼ drop")</td>\
            <td class="num">\(Format.decimal(change.probability))</td><td class="nowrap">\(text: change.detectedOn)</td>\
            <td>\(change.warning.map { HTML("<a href=\"\(Link.warning($0))\">warning \($0)</a>") })</td></tr>
            """
        }
        let silences = view.silenceSpans.map { span -> HTML in
            "<tr><td class=\"nowrap\">\(text: span.interval.first)</td><td class=\"nowrap\">\(text: span.interval.last)</td><td class=\"num\">\(span.interval.count)</td><td>\(span.warning.map { HTML("<a href=\"\(Link.warning($0))\">warning \($0)</a>") })</td></tr>"
        }
        let coverage = view.coverageMarks.prefix(30).map { mark -> HTML in
            "<tr><td class=\"nowrap\">\(text: mark.day)</td><td>\(mark.source)</td><td>\(mark.kind.rawValue)</td></tr>"
        }
        let events = EventQuery(EventFilter(types: [key.type], province: key.province, since: view.window?.first, until: view.window?.last))
        return Layout(title: view.title, section: .map).render("""
            <div class="page-head"><div><h1>\(view.title)</h1>
            <p class="sub">\(Format.count(view.total)) stories\(view.window.map { " from \($0.first) to \($0.last)" })\
            \(key.province.map { HTML(" · <a href=\"\(Link.province($0))\">\($0.name)</a>") })</p></div>
            <div class="actions"><span class="switch">\(switcher)</span>
            <a class="button secondary" href="\(Link.series(key, granularity: view.granularity, window: requestedWindow, extension: "svg", download: true))" download>Chart (SVG)</a>
            <a class="button secondary" href="\(Link.series(key, granularity: view.granularity, window: requestedWindow, extension: "csv", download: true))" download>Data (CSV)</a></div></div>
            \(form(view, requestedWindow: requestedWindow))
            <section class="panel chart-wrap"><img class="chart" src="\(Link.series(key, granularity: view.granularity, window: requestedWindow, extension: "svg"))" width="960" height="340" alt="\(view.title): bar chart of stories per \(view.granularity.rawValue), with \(view.changePoints.count) change points and \(view.silenceSpans.count) silences marked"></section>
            <div class="grid two">
            <section class="panel"><h2>Change points</h2>\(table(changes, head: "<th>From</th><th>Direction</th><th class=\"num\">p</th><th>Detected</th><th>Warning</th>"))
            <h2>Silences</h2>\(table(silences, head: "<th>From</th><th>To</th><th class=\"num\">Days</th><th>Warning</th>"))
            <p class="muted small">Read from the stored warnings: a change warning marks its onset, a silence warning its span.</p></section>
            <section class="panel"><h2>Coverage</h2><p class="muted small">Outlets that started publishing or went quiet in this window: a change in who is watching, not in what happens.</p>
            \(table(coverage, head: "<th>Day</th><th>Outlet</th><th>Change</th>"))
            <p><a href="\(Link.events(events))">The events behind this series →</a></p></section>
            </div>
            """)
    }

    private static func table(_ rows: [HTML], head: HTML) -> HTML {
        rows.isEmpty
            ? "<p class=\"empty\">None.</p>"
            : "<div class=\"table-wrap\"><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    private static func form(_ view: SeriesView, requestedWindow: DayInterval?) -> HTML {
        """
        <form class="filters" method="get" action="/series">
        <label>Type<select name="type">\(Components.typeOptions(selected: view.key.type.rawValue, any: nil))</select></label>
        <label>Province<select name="province">\(Components.provinceOptions(selected: view.key.province?.code, any: "national", none: false))</select></label>
        <label>From<input type="date" name="since" value="\(requestedWindow.map { $0.first.description })"></label>
        <label>To<input type="date" name="until" value="\(requestedWindow.map { $0.last.description })"></label>
        <input type="hidden" name="granularity" value="\(view.granularity.rawValue)">
        <button type="submit">Show</button></form>
        """
    }
}
