import WatchfloorPipeline

/// `/warnings` and `/warnings/ID`.
enum WarningPages {
    static func list(_ list: WarningList) -> HTML {
        let rows = list.warnings.map { warning -> HTML in
            """
            <tr><td>\(Components.kind(warning.kind))</td><td><a href="\(Link.warning(warning.id ?? 0))">\(warning.kind.title.capitalizedFirst)</a></td>\
            <td class="nowrap">\(Components.place(warning.province))</td><td>\(warning.types.map { Components.type($0) }.joined(separator: " "))</td>\
            <td class="nowrap">\(text: warning.onset)</td><td class="nowrap">\(text: warning.detectedOn)</td><td class="nowrap">\(Components.score(warning.score))</td>\
            <td class="evidence">\(Format.firstSentence(warning.explanation, limit: 160))</td></tr>
            """
        }
        let kinds = [("", "any kind")] + WarningKind.allCases.map { ($0.rawValue, "\($0.rawValue) \($0.title)") }
        return Layout(title: "Warnings", section: .warnings).render("""
            <div class="page-head"><div><h1>Warnings</h1><p class="sub">\(Format.plural(list.warnings.count, "warning")), newest detection first</p></div></div>
            <form class="filters" method="get" action="\(Link.warnings)">
            <label>Kind<select name="kind">\(Components.options(kinds, selected: list.kind?.rawValue))</select></label>
            <label>Province<select name="province">\(Components.provinceOptions(selected: list.province?.code))</select></label>
            <button type="submit">Filter</button> <a href="\(Link.warnings)">Clear</a></form>
            <section class="panel">\(rows.isEmpty ? "<p class=\"empty\">No warnings match.</p>" as HTML : """
            <div class="table-wrap"><table><thead><tr><th>Kind</th><th>Warning</th><th>Province</th><th>Types</th><th>Onset</th><th>Detected</th><th>Score</th><th>Explanation</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)</section>
            """)
    }

    static func detail(_ view: WarningView) -> HTML {
        let warning = view.warning
        let figures = warning.figures.sorted { $0.key < $1.key }.map { name, value -> HTML in
            "<dt>\(name.replacingOccurrences(of: "_", with: " "))</dt><dd class=\"mono\">\(value == value.rounded() && abs(value) < 1e9 ? Format.count(Int(value)) : String(format: "%.4g", value))</dd>"
        }
        let charts = view.series.map { series -> HTML in
            let (selection, window) = (series.selection, series.window)
            let found = series.changePoints.filter { $0.warning == warning.id }.count
                + series.silenceSpans.filter { $0.warning == warning.id }.count
            return """
                <figure class="series-figure"><div class="chart-wrap"><img class="chart" src="\(Link.series(selection, window: window, extension: "svg"))" width="\(Int(ChartRendering.seriesWidth))" height="\(Int(ChartRendering.seriesHeight))" alt="\(series.title) around the onset"></div>
                <figcaption class="exports small"><span>\(found > 0 ? "\(Format.plural(found, "change or silence", "changes or silences")) found on this series became this warning" : "no change or silence found on this series is linked to this warning")</span>\
                <a href="\(Link.series(selection, window: window))">Open series</a>\
                <a href="\(Link.series(selection, window: window, extension: "svg", download: true))" download>Chart (SVG)</a>\
                <a href="\(Link.series(selection, window: window, extension: "csv", download: true))" download>Data (CSV)</a></figcaption></figure>
                """
        }
        let events = view.events.map { stored in eventCard(stored) }
        return Layout(title: "\(warning.kind.rawValue) \(warning.kind.title)", section: .warnings).render("""
            <div class="page-head"><div><h1>\(Components.kind(warning.kind)) \(warning.kind.title.capitalizedFirst) · \(warning.province?.name ?? "national")</h1>
            <p class="sub">\(warning.types.map(\.displayName).joined(separator: ", ")) · onset \(text: warning.onset) · detected \(text: warning.detectedOn)</p></div>
            <div>\(Components.score(warning.score))</div></div>
            <div class="grid two">
            <section class="panel"><h2>Why</h2><p class="explanation">\(warning.explanation)</p></section>
            <section class="panel"><h2>Figures</h2>\(figures.isEmpty ? "<p class=\"empty\">None recorded.</p>" as HTML : "<dl class=\"facts\">\(figures)</dl>")</section>
            </div>
            <section class="panel"><h2>The series around the onset</h2>\(charts)</section>
            <section class="panel"><h2>Supporting events (\(Format.count(warning.events.count)))</h2>
            <p class="muted small">Each with the sentence it was coded from. An event an analyst has reviewed shows as reviewed.</p>
            \(events.isEmpty ? "<p class=\"empty\">No supporting events are stored.</p>" : HTML.empty)\(events)
            \(view.moreEvents > 0 ? "<p class=\"muted\">… and \(Format.count(view.moreEvents)) more.</p>" : HTML.empty)\
            \(view.missingEvents.isEmpty ? HTML.empty : "<p class=\"muted small\">\(Format.plural(view.missingEvents.count, "event")) no longer in the store (recoded away).</p>")
            </section>
            """)
    }

    /// One supporting event: its sentence, then where it came from.
    static func eventCard(_ stored: StoredEvent) -> HTML {
        let e = stored.event
        return """
            <article class="event-card" id="supporting-\(e.id ?? 0)">
            <div class="meta">\(Components.type(e.type)) \(Components.place(e.province)) \(Components.status(e.status))\
            <span>published \(text: stored.day)</span>\(e.date.map { HTML("<span>event date \(text: $0)</span>") })<span>confidence \(Format.decimal(e.confidence))</span></div>
            <blockquote class="evidence-sentence">\(Components.evidence(e))</blockquote>
            <div class="meta"><span>\(Components.source(stored.source))</span>\
            <span>\(stored.documentTitle.map { "“\(Format.truncated($0, 90))”" } ?? "untitled document")</span>\
            <a href="\(Link.document(e.document, event: e.id))">Read in the document →</a>\
            <a href="/review/events/\(e.id ?? 0)">Correct this event</a></div>
            </article>
            """
    }
}
