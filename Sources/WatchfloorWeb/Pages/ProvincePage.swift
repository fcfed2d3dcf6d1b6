import WatchfloorPipeline

/// `/provinces/KP-xx`: a province's warnings, its indicators as small multiples, its latest events.
enum ProvincePage {
    static func render(_ view: ProvinceView) -> HTML {
        let province = view.province
        let cards = view.indicators.map { trend -> HTML in
            """
            <a class="panel card" href="\(Link.series(trend.key, granularity: .week))">
            <h3>\(trend.key.type.displayName)</h3>
            <div class="figure"><strong>\(Format.count(trend.total))</strong> in \(trend.values.count) weeks · \(Format.count(trend.lastWeek)) in the last 7 days</div>
            \(ChartRendering.sparkline(trend, width: 240, height: 42))
            </a>
            """
        }
        let allEvents = Link.events(EventQuery(EventFilter(province: province)))
        return Layout(title: province.name, section: .map).render("""
            <div class="page-head"><div><h1>\(province.name) <span lang="ko">\(province.koreanName)</span> <span class="muted mono">\(province.code)</span></h1>
            <p class="sub">\(Format.plural(view.eventCount, "event")) counted\(view.lastDay.map { ", reporting to \($0)" })</p></div>
            <div class="actions"><a class="button secondary" href="\(allEvents)">Events in \(province.name)</a><a class="button secondary" href="\(Link.map)">Map</a></div></div>
            <section class="panel"><h2>Warnings</h2>\(Components.warningList(view.warnings))</section>
            <section class="panel"><h2>Indicators</h2><p class="muted small">Stories a week over the last \(view.indicators.first?.values.count ?? 0) weeks; open one for its series with change points and silences.</p>
            <div class="grid cards">\(cards)</div></section>
            <section class="panel"><div class="panel-head"><h2>Latest events</h2><a class="small" href="\(allEvents)">All →</a></div>
            \(Components.compactEventTable(view.recentEvents))</section>
            """)
    }
}
