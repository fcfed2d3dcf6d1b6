import WatchfloorPipeline

/// The page every route renders into: head, navigation, quick search, footer.
struct Layout {
    enum Section: String, CaseIterable {
        case overview, map, warnings, events, review, search

        var title: String {
            switch self {
            case .overview: "Overview"
            case .map: "Map"
            case .warnings: "Warnings"
            case .events: "Events"
            case .review: "Review"
            case .search: "Search"
            }
        }

        var link: String {
            switch self {
            case .overview: Link.overview
            case .map: Link.map
            case .warnings: Link.warnings
            case .events: Link.events
            case .review: Link.review
            case .search: Link.search
            }
        }
    }

    var title: String
    var section: Section?
    /// Shown in the footer: what the database covers.
    var footnote: String?

    /// Changes whenever the stylesheet or script does, so that browsers, which may keep them for
    /// a year, fetch the new ones.
    static let assetVersion = String(SHA256.hex(Stylesheet.css + Script.javascript).prefix(12))

    func render(_ body: HTML) -> HTML {
        let navigation = Section.allCases.map { item -> HTML in
            item == section
                ? "<a href=\"\(item.link)\" aria-current=\"page\">\(item.title)</a>"
                : "<a href=\"\(item.link)\">\(item.title)</a>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · Watchfloor</title>
            <link rel="stylesheet" href="/static/watchfloor.css?v=\(Self.assetVersion)">
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <script src="/static/watchfloor.js?v=\(Self.assetVersion)" defer></script>
            </head>
            <body>
            <header class="top">
            <a class="brand" href="/">\(HTML(trusted: Favicon.svg.replacingOccurrences(of: "<svg ", with: "<svg width=\"22\" height=\"22\" aria-hidden=\"true\" ")))Watchfloor</a>
            <nav aria-label="Sections">\(navigation)</nav>
            <form class="quick-search" action="/search" method="get" role="search">
            <input type="search" name="q" placeholder="Search reporting (유가족, Hyesan…)" aria-label="Search reporting">
            </form>
            </header>
            <main id="main">
            \(body)
            </main>
            <footer>Watchfloor · offline indications-and-warnings workbench\(footnote.map { " · \($0)" })</footer>
            </body>
            </html>

            """
    }
}
