import WatchfloorPipeline

/// `/search?q=`: full-text search with snippets and filters.
enum SearchPage {
    static func render(_ results: SearchResults, parameters: QueryParameters) -> HTML {
        let kinds = [("", "any source")] + SourceKind.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "_", with: " ")) }
        let languages = [("", "any language")] + EventsPage.languages
        let hits = results.hits.map { found -> HTML in
            let hit = found.hit
            return """
                <li class="event-card"><h3><a href="\(Link.document(hit.document))">\(hit.title ?? "Untitled · \(hit.document.short)")</a></h3>
                <p class="snippet">\(Components.highlighted(found.snippet))</p>
                <div class="meta"><span>\(hit.source)</span><span>\(hit.published.map { $0.description } ?? "undated")</span>\(hit.score >= 0.005 ? HTML("<span>relevance \(Format.decimal(hit.score))</span>") : HTML.empty)</div></li>
                """
        }
        let heading: HTML
        if let query = results.query {
            heading = "<p class=\"muted\">\(Format.plural(results.hits.count, "document")) for “\(query.text)”\(results.hits.count == query.limit ? " (the best \(query.limit); narrow the search for others)" : "")</p>"
        } else {
            heading = "<p class=\"muted\">Words match whole words and, from four letters, their beginnings (gift finds gifts); Korean, Chinese and Japanese match inside words (유가족 finds 유가족들에게); \"quoted words\" match as a phrase; at most \(SearchQuery.maximumTerms) words.</p>"
        }
        let stale: HTML = results.indexStale
            ? "<p class=\"notice\" role=\"status\">The search index is stale: an ingest that deferred it was stopped before rebuilding it, so documents may be missing from these results. Run <code>watchfloor reindex</code>.</p>"
            : HTML.empty
        return Layout(title: results.query.map { "Search: \($0.text)" } ?? "Search", section: .search).render("""
            <div class="page-head"><div><h1>Search</h1></div></div>
            <form class="filters" method="get" action="\(Link.search)" role="search">
            <label>Words<input type="search" name="q" value="\(parameters["q"])" size="32" autofocus></label>
            <label>Source kind<select name="source_kind">\(Components.options(kinds, selected: parameters["source_kind"]))</select></label>
            <label>Language<select name="language">\(Components.options(languages, selected: parameters["language"]))</select></label>
            <label>From<input type="date" name="since" value="\(parameters["since"])"></label>
            <label>to<input type="date" name="until" value="\(parameters["until"])"></label>
            <button type="submit">Search</button></form>
            <section class="panel">\(stale)\(heading)\(hits.isEmpty ? HTML.empty : "<ul class=\"warning-list\">\(hits)</ul>" as HTML)</section>
            """)
    }
}
