import WatchfloorPipeline

/// `/documents/ID`: the text with each event's sentence and cues marked, the events, the
/// near-duplicate cluster and the source.
enum DocumentPage {
    static func render(_ view: DocumentView) -> HTML {
        let document = view.stored.document
        let source = view.stored.sourceInfo
        var colors: [Int64: Int] = [:]
        for (i, stored) in view.events.enumerated() { if let id = stored.event.id { colors[id] = i % 4 + 1 } }
        let events = view.events.map { stored -> HTML in
            let e = stored.event
            let swatch: HTML = e.status == .rejected ? "<span class=\"swatch\"></span>" : "<span class=\"swatch e\(colors[e.id ?? 0] ?? 1)\"></span>"
            return """
                <li><div class="meta">\(swatch)\(Components.type(e.type)) \(Components.place(e.province)) \(Components.status(e.status))</div>
                <div class="meta small"><span>confidence \(Format.decimal(e.confidence))</span>\(e.date.map { HTML("<span>event date \(text: $0)</span>") })\
                \(e.sincerity.map { HTML("<span>sincerity \(text: $0)</span>") })\(e.evidence.rule.map { HTML("<span>rule \($0)</span>") })</div>
                <div class="small"><a href="#event-\(e.id ?? 0)">Show in text</a> · <a href="/review/events/\(e.id ?? 0)">Review</a></div></li>
                """
        }
        let cluster = view.cluster.map { member -> HTML in
            "<li><a href=\"\(Link.document(member.id))\">\(member.title ?? member.id.short)</a> <span class=\"muted small\">\(member.source)\(member.published.map { " · \($0)" })</span></li>"
        }
        let url: HTML = SafeURL(document.url).map { "<a href=\"\($0.value)\" rel=\"noopener noreferrer nofollow\">\($0.value)</a>" }
            ?? (document.url.map { "<span class=\"muted\">\($0)</span> (not a web link)" } ?? "—")
        return Layout(title: document.title ?? "Document \(document.id.short)", section: .events).render("""
            <div class="page-head"><div><h1>\(document.title ?? "Untitled document")</h1>
            <p class="sub">\(Components.source(source)) · \(document.published.map { "published \($0)" } ?? "undated") · <span class="mono">\(document.id.short)</span></p></div></div>
            <div class="grid two">
            <section class="panel"><h2>Text</h2><p class="muted small">Each event's sentence is shaded; the cues that matched are underlined.</p>
            <div class="doc-text" lang="\(document.language.rawValue)">\(Components.highlighted(view.text, eventColors: colors, anchors: true))</div></section>
            <div>
            <section class="panel"><h2>Events (\(view.events.count))</h2>\(events.isEmpty ? "<p class=\"empty\">No events were coded in this document.</p>" as HTML : "<ol class=\"doc-events\">\(events)</ol>")</section>
            <section class="panel"><h2>Same story elsewhere</h2>\(cluster.isEmpty ? "<p class=\"empty\">No near-duplicates: this story was carried once.</p>" as HTML : "<p class=\"muted small\">Syndicated copies count once in indicators.</p><ul>\(cluster)</ul>")\
            \(view.moreMembers > 0 ? "<p class=\"muted\">… and \(view.moreMembers) more.</p>" : HTML.empty)</section>
            <section class="panel"><h2>Source and record</h2><dl class="facts">
            <dt>Outlet</dt><dd>\(source.name)</dd><dt>Kind</dt><dd>\(source.kind.rawValue)</dd>
            <dt>Grade</dt><dd>\(source.reliability.rawValue) — \(source.reliability.meaning)</dd>
            <dt>Language</dt><dd>\(document.language.rawValue)</dd><dt>URL</dt><dd>\(url)</dd>
            <dt>External id</dt><dd>\(document.externalID ?? "—")</dd><dt>Origin</dt><dd>\(document.origin ?? "—")</dd>
            <dt>Id</dt><dd class="mono">\(document.id.rawValue)</dd></dl></section>
            </div></div>
            """)
    }
}
