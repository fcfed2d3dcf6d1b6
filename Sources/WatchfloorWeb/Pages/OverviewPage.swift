import WatchfloorPipeline

/// `/`: current warnings, national indicators, latest events, what the store holds.
enum OverviewPage {
    static func render(_ overview: Overview) -> HTML {
        let totals = overview.totals
        let span: HTML = totals.firstDay.flatMap { first in
            totals.lastDay.map { last in "Reporting from \(text: first) to \(text: last)" }
        } ?? "No reporting yet: run <code>watchfloor ingest PATH…</code> or <code>watchfloor demo</code>."
        let trends = overview.indicators.map { trend in
            Components.trend(trend, link: Link.series(trend.key, granularity: .week))
        }
        let earlier = overview.warningCount - overview.currentWarnings.count
        return Layout(title: "Overview", section: .overview, footnote: footnote(totals)).render("""
            <div class="page-head"><div><h1>Overview</h1><p class="sub">\(span)</p></div>
            <div class="actions"><a class="button secondary" href="\(Link.map)">Province map</a><a class="button secondary" href="\(Link.review)">Review queue</a></div></div>
            <div class="grid two">
            <div>
            <section class="panel" aria-labelledby="current-warnings">
            <div class="panel-head"><h2 id="current-warnings">Current warnings</h2><a class="small" href="\(Link.warnings)">All \(Format.plural(overview.warningCount, "warning")) →</a></div>
            <p class="muted small">Detected in the last \(Overview.currentDays) days of reporting\(earlier > 0 ? "; \(Format.count(earlier)) earlier" : "").</p>
            \(Components.warningList(overview.currentWarnings))
            </section>
            <section class="panel" aria-labelledby="latest-events">
            <div class="panel-head"><h2 id="latest-events">Latest events</h2><a class="small" href="\(Link.events)">All events →</a></div>
            \(Components.compactEventTable(overview.recentEvents))
            </section>
            </div>
            <div>
            <section class="panel" aria-labelledby="national-indicators">
            <h2 id="national-indicators">National indicators</h2>
            <p class="muted small">Stories a week over the last \(overview.indicators.first?.values.count ?? 0) weeks; red ticks mark where a warning starts.</p>
            \(trends.isEmpty ? "<p class=\"empty\">No indicators yet.</p>" : HTML.empty)\(trends)
            </section>
            <section class="panel" aria-labelledby="ingest-status">
            <h2 id="ingest-status">Ingest status</h2>
            \(stats(totals))
            </section>
            </div>
            </div>
            """)
    }

    static func stats(_ totals: StoreTotals) -> HTML {
        let index: HTML = totals.searchIndexCurrent ? "current" : "<span class=\"up\">stale (run watchfloor reindex)</span>"
        return """
            <dl class="stats">
            <div><dt>Documents</dt><dd>\(Format.count(totals.documents))</dd></div>
            <div><dt>Events counted</dt><dd>\(Format.count(totals.events))</dd></div>
            <div><dt>Sources</dt><dd>\(Format.count(totals.sources))</dd></div>
            <div><dt>Warnings</dt><dd>\(Format.count(totals.warnings))</dd></div>
            <div><dt>Reviews</dt><dd>\(Format.count(totals.reviews))</dd></div>
            <div><dt>Search index</dt><dd class="small">\(index)</dd></div>
            </dl>
            """
    }

    static func footnote(_ totals: StoreTotals) -> String? {
        totals.lastDay.map { "reporting to \($0)" }
    }
}
