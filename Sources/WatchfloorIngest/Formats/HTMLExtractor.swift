import CLibXML2
import Watchfloor

/// The visible article text of an HTML page and the metadata a page usually carries.
struct HTMLExtraction: Sendable {
    var text: String
    var title: String?
    var url: String?
    var published: String?
    var siteName: String?
    var language: String?
}

/// Extracts the article from an HTML page: no scripts, styles, navigation, comments or page
/// furniture; paragraphs kept; entities decoded (by libxml2, which also survives broken markup).
///
/// The article is the longest `<article>`, else `<main>`, else the element whose class or id
/// names the story body (`article-body`, `entry-content`, …), else `<body>`. Elements that are
/// furniture by tag (`nav`, `aside`, `footer`, `form`, …), by ARIA role, or by class/id words
/// (`menu`, `share`, `related`, `cookie`, …) are skipped wherever they are.
enum HTMLExtractor {
    static func extract(utf8 bytes: UnsafeBufferPointer<UInt8>) -> HTMLExtraction? {
        guard let document = XMLDocumentRef.html(utf8: bytes), let root = document.root else { return nil }
        let head = root.first { $0.name == "head" }
        let body = root.first { $0.name == "body" } ?? root
        let article = articleRoot(in: body)
        var text = TextCollector()
        text.collect(article)
        var extracted = text.result
        if extracted.count < 200, article.pointer != body.pointer {
            var whole = TextCollector()
            whole.collect(body)
            if whole.result.count > 3 * extracted.count { extracted = whole.result }
        }
        return HTMLExtraction(
            text: extracted,
            title: meta(head, ["og:title", "twitter:title"]) ?? head?.first { $0.name == "title" }?.textContent.nonBlank
                ?? body.first { $0.name == "h1" }?.textContent.nonBlank,
            url: head?.first { $0.name == "link" && $0.attribute("rel")?.lowercased() == "canonical" }?
                .attribute("href")?.nonBlank ?? meta(head, ["og:url"]),
            published: published(head: head, article: article),
            siteName: meta(head, ["og:site_name", "application-name"]),
            language: root.attribute("lang")?.nonBlank)
    }

    /// The visible text below `node` (an Atom `xhtml` content element), with paragraph breaks.
    static func visibleText(of node: XMLNodeRef) -> String {
        var collector = TextCollector()
        collector.collect(node)
        return collector.result
    }

    // MARK: Choosing the article

    private static func articleRoot(in body: XMLNodeRef) -> XMLNodeRef {
        let candidates: [[XMLNodeRef]] = [
            body.descendants { $0.name == "article" },
            body.descendants { $0.name == "main" || $0.attribute("role")?.lowercased() == "main" },
            body.descendants { node in
                guard node.name == "div" || node.name == "section" else { return false }
                let words = classWords(node)
                return words.contains("article") || words.contains("story") || words.contains("entry")
                    || words.contains("content") || words.contains("post")
            },
        ]
        for group in candidates where !group.isEmpty {
            var best: (node: XMLNodeRef, length: Int)?
            for node in group {
                var collector = TextCollector()
                collector.collect(node)
                let length = collector.result.count
                if length > (best?.length ?? -1) { best = (node, length) }
            }
            if let best, best.length > 0 { return best.node }
        }
        return body
    }

    static let skippedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside", "form",
        "button", "select", "option", "textarea", "input", "label", "iframe", "object", "embed", "canvas", "video",
        "audio", "figure", "menu", "dialog", "head", "title", "meta", "link",
    ]

    static let skippedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert", "menu", "menubar",
    ]

    static let furnitureWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "header", "masthead", "sidebar",
        "share", "sharing", "social", "related", "recommended", "recommend", "comment", "comments", "cookie", "cookies",
        "advert", "advertisement", "ad", "ads", "promo", "subscribe", "newsletter", "popup", "modal", "widget",
        "toolbar", "skip", "byline", "tags", "pagination", "sponsored",
    ]

    static func classWords(_ node: XMLNodeRef) -> Set<String> {
        let raw = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        return Set(raw.split { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" }.map(String.init))
    }

    static func isFurniture(_ node: XMLNodeRef) -> Bool {
        if skippedTags.contains(node.name) { return true }
        if let role = node.attribute("role")?.lowercased(), skippedRoles.contains(role) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }), style.contains("display:none") {
            return true
        }
        return !classWords(node).isDisjoint(with: furnitureWords)
    }

    // MARK: Metadata

    private static func meta(_ head: XMLNodeRef?, _ names: [String]) -> String? {
        guard let head else { return nil }
        let metas = head.descendants { $0.name == "meta" }
        for name in names {
            for meta in metas {
                let key = (meta.attribute("property") ?? meta.attribute("name") ?? meta.attribute("itemprop"))?.lowercased()
                if key == name, let content = meta.attribute("content")?.nonBlank { return content }
            }
        }
        return nil
    }

    private static func published(head: XMLNodeRef?, article: XMLNodeRef) -> String? {
        let names = [
            "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date", "dc.date",
            "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
            "article.published", "citation_publication_date", "og:published_time",
        ]
        if let value = meta(head, names) { return value }
        if let time = article.first(where: { $0.name == "time" && $0.attribute("datetime") != nil }) {
            return time.attribute("datetime")
        }
        return nil
    }
}

/// Collects visible text with paragraph breaks at block elements.
private struct TextCollector {
    private var paragraphs: [String] = []
    private var current = ""
    private var pendingSpace = false

    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "caption", "address", "figcaption", "details",
        "summary", "hr", "center",
    ]

    var result: String {
        var all = paragraphs
        let last = current.trimmingWhitespace()
        if !last.isEmpty { all.append(last) }
        return all.joined(separator: "\n\n")
    }

    mutating func collect(_ node: XMLNodeRef, preformatted: Bool = false) {
        for child in node.children {
            if child.isText {
                append(child.content, preformatted: preformatted)
            } else if child.isElement {
                if HTMLExtractor.isFurniture(child) { continue }
                let name = child.name
                if name == "br" {
                    current += "\n"
                    pendingSpace = false
                    continue
                }
                let block = Self.blocks.contains(name)
                if block { breakParagraph() }
                collect(child, preformatted: preformatted || name == "pre")
                if block { breakParagraph() }
            }
        }
    }

    private mutating func append(_ text: String, preformatted: Bool) {
        if preformatted {
            current += text
            return
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace && scalar != "\u{00A0}" {
                pendingSpace = true
            } else {
                if pendingSpace, !current.isEmpty, current.last != "\n" { current += " " }
                pendingSpace = false
                current.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func breakParagraph() {
        let text = current.trimmingWhitespace()
        if !text.isEmpty { paragraphs.append(text) }
        current = ""
        pendingSpace = false
    }
}

extension String {
    /// `nil` when the string is empty or only white space; otherwise the trimmed string.
    var nonBlank: String? {
        let trimmed = trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
