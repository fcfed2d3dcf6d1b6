import WatchfloorPipeline

/// `/events`: the filtered events table with pagination and exports of exactly what is filtered.
enum EventsPage {
    static func render(_ listing: EventListing) -> HTML {
        let query = listing.query
        let statuses = [("", "any status")] + ReviewStatus.allCases.map { ($0.rawValue, $0.rawValue) }
        let kinds = [("", "any source")] + SourceKind.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "_", with: " ")) }
        let languages = [("", "any language")] + Self.languages
        let province = query.filter.nationalOnly ? "none" : query.filter.province?.code
        let summary = listing.events.isEmpty
            ? "No events match."
            : "Events \(Format.count(listing.firstShown))–\(Format.count(listing.lastShown)) of \(Format.count(listing.count))"
        let exports: HTML = """
            <p class="exports small">Export all \(Format.count(listing.count)) matching events: \
            <a href="\(Link.events(query, extension: "csv"))" download>CSV</a>\
            <a href="\(Link.events(query, extension: "jsonl"))" download>JSON Lines</a>\
            <a href="\(Link.events(query, extension: "geojson"))" download>GeoJSON</a>\
            <span class="muted">(GeoJSON places events at province centroids and leaves out events with no province)</span></p>
            """
        return Layout(title: "Events", section: .events).render("""
            <div class="page-head"><div><h1>Events</h1><p class="sub">Coded events, newest reporting first. Reviewed events show as reviewed; rejected ones only when asked for.</p></div></div>
            <form class="filters" method="get" action="\(Link.events)">
            <label>Type<select name="type">\(Components.typeOptions(selected: query.types.first?.rawValue))</select></label>
            <label>Province<select name="province">\(Components.provinceOptions(selected: province))</select></label>
            <label>Published from<input type="date" name="since" value="\(query.filter.since.map { $0.description })"></label>
            <label>to<input type="date" name="until" value="\(query.filter.until.map { $0.description })"></label>
            <label>Source kind<select name="source_kind">\(Components.options(kinds, selected: query.filter.sourceKind?.rawValue))</select></label>
            <label>Language<select name="language">\(Components.options(languages, selected: query.filter.language?.rawValue))</select></label>
            <label>Review status<select name="status">\(Components.options(statuses, selected: query.filter.status?.rawValue))</select></label>
            <button type="submit">Filter</button> <a href="\(Link.events)">Clear</a></form>
            <section class="panel">\(exports)
            \(Components.eventTable(listing.events))
            \(Components.pager(
                previous: listing.page > 1 ? Link.events(query, page: listing.page - 1) : nil,
                next: listing.hasNextPage ? Link.events(query, page: listing.page + 1) : nil, summary: summary))
            </section>
            """)
    }

    /// The languages the shipped pack codes, for the filter (any other code works in the URL).
    static let languages: [(String, String)] = [
        ("en", "English"), ("ko", "Korean"), ("ru", "Russian"), ("uk", "Ukrainian"), ("ja", "Japanese"), ("zh", "Chinese"),
        ("de", "German"), ("es", "Spanish"),
    ]
}
