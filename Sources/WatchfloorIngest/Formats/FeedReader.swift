import CLibXML2
import Watchfloor

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item, HTML content turned into
/// text, dates kept as written for the date parser.
///
/// A feed that is not well-formed XML (truncated, or with a stray `&`) is read in libxml2's
/// recovering mode: every item that parsed is kept, the item in which the error lies is
/// rejected with the line of the error.
///
/// A feed that declares entities (`<!ENTITY` in a DTD) is refused whole: no real feed needs them,
/// and nested entities expand a few kilobytes into gigabytes ("billion laughs"). Each item's text
/// is held to the same size limit as any document (`--max-document-size`).
struct FeedReader {
    var limits: IngestLimits

    func read(text: String, display: String, emit: (ReadItem) throws -> Void) throws {
        if let line = Self.entityDeclarationLine(text) {
            return try emit(.rejection(Rejection(
                InputLocation(file: display, line: line),
                .malformed("the feed declares XML entities (<!ENTITY), which feeds do not use; refused, since "
                    + "entities can expand a small file without bound"))))
        }
        let bytes = HTMLEntities.numericReferences(Array(Self.droppingEncodingDeclaration(text).utf8))
        let strict = bytes.withUnsafeBufferPointer { XMLDocumentRef.xml(utf8: $0, recover: false) }
        var parse = strict
        if strict.document == nil || strict.errorLine != nil {
            parse = bytes.withUnsafeBufferPointer { XMLDocumentRef.xml(utf8: $0, recover: true) }
            parse.errorLine = strict.errorLine ?? parse.errorLine
            parse.errorMessage = strict.errorMessage ?? parse.errorMessage
        }
        guard let document = parse.document, let root = document.root else {
            return try emit(.rejection(Rejection(
                InputLocation(file: display, line: parse.errorLine),
                .malformed("not XML (\(parse.errorMessage ?? "no markup found")); expected an RSS or Atom feed"))))
        }
        let feed: (items: [XMLNodeRef], channelTitle: String?, language: String?, atom: Bool)
        switch root.name {
        case "rss":
            let channel = root.elementChildren.first { $0.name == "channel" }
            feed = (
                channel?.elementChildren.filter { $0.name == "item" } ?? [],
                channel.flatMap { Self.child($0, "title") }, channel.flatMap { Self.child($0, "language") }, false
            )
        case "rdf":
            let channel = root.elementChildren.first { $0.name == "channel" }
            feed = (
                root.elementChildren.filter { $0.name == "item" }, channel.flatMap { Self.child($0, "title") },
                channel.flatMap { Self.child($0, "language") }, false
            )
        case "feed":
            feed = (root.elementChildren.filter { $0.name == "entry" }, Self.child(root, "title"), root.attribute("lang"), true)
        default:
            return try emit(.rejection(Rejection(
                InputLocation(file: display, line: root.line),
                .malformed("expected an RSS or Atom feed (an <rss>, <feed> or <rdf:RDF> root element), found <\(root.name)>"))))
        }
        if feed.items.isEmpty, parse.errorLine == nil {
            return try emit(.rejection(Rejection(InputLocation(file: display), .malformed("the feed has no items"))))
        }
        // The item in which a parse error lies is not trusted; the others are.
        let broken = parse.errorLine.flatMap { line in feed.items.lastIndex { $0.line <= line } }
        if let line = parse.errorLine, broken == nil {
            try emit(.notice(InputNotice(
                InputLocation(file: display, line: line),
                "XML error before the first item (\(parse.errorMessage ?? "not well-formed")); items read in recovery mode")))
        }
        for (index, item) in feed.items.enumerated() {
            let location = InputLocation(file: display, line: item.line, record: "item \(index + 1)")
            if index == broken {
                let what = parse.errorMessage.map { "XML error at line \(parse.errorLine!): \($0)" } ?? "XML error"
                let ending = index == feed.items.count - 1 ? " (the feed may be truncated)" : ""
                try emit(.rejection(Rejection(location, .malformed("\(what)\(ending); expected a complete, well-formed item"))))
                continue
            }
            do {
                let parsed = try (feed.atom ? atomEntry(item, location: location) : rssItem(item, location: location))
                let size = parsed.text.utf8.count
                guard size <= limits.maxDocumentBytes else {
                    throw InputProblem.tooLarge(
                        "the item's text is \(formatBytes(size)), over the \(formatBytes(limits.maxDocumentBytes)) limit "
                            + "for one document (--max-document-size)")
                }
                var document = parsed
                document.containerOutlet = feed.channelTitle
                if document.language == nil { document.language = feed.language.map(Language.init(rawValue:)) }
                try emit(.document(document))
            } catch let problem as InputProblem {
                try emit(.rejection(Rejection(location, problem)))
            }
        }
    }

    /// The line of the first `<!ENTITY` declaration, if any (a bounded scan of the raw text).
    static func entityDeclarationLine(_ text: String) -> Int? {
        guard let range = text.range(of: "<!ENTITY") else { return nil }
        return text[..<range.lowerBound].utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    private static let dublinCore = "http://purl.org/dc/elements/1.1/"

    private func rssItem(_ item: XMLNodeRef, location: InputLocation) throws(InputProblem) -> ParsedDocument {
        let children = item.elementChildren
        func value(_ name: String, namespace: String? = nil) -> String? {
            children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }?.textContent.nonBlank
        }
        let description = value("description")
        let encoded = value("encoded", namespace: Self.contentNamespace)
        let html = [encoded, description].compactMap { $0 }.max { $0.count < $1.count }
        let text = try Self.text(fromHTML: html, limits: limits)
        return ParsedDocument(
            text: text, location: location, title: value("title").map(Self.plain), url: value("link"),
            externalID: value("guid") ?? value("link"), sourceKind: nil,
            language: value("language", namespace: Self.dublinCore).map(Language.init(rawValue:)),
            published: value("pubdate") ?? value("date", namespace: Self.dublinCore))
    }

    private func atomEntry(_ entry: XMLNodeRef, location: InputLocation) throws(InputProblem) -> ParsedDocument {
        let children = entry.elementChildren
        func element(_ name: String) -> XMLNodeRef? { children.first { $0.name == name } }
        let link = children.first { $0.name == "link" && ($0.attribute("rel") ?? "alternate") == "alternate" }
        let body = [element("content"), element("summary")].compactMap { $0 }
        var text = ""
        for node in body {
            let candidate: String
            switch node.attribute("type")?.lowercased() {
            case "html", "text/html": candidate = try Self.text(fromHTML: node.textContent, limits: limits)
            case "xhtml": candidate = HTMLExtractor.visibleText(of: node)
            default: candidate = node.textContent
            }
            if candidate.count > text.count { text = candidate }
        }
        guard text.nonBlank != nil else { throw .malformed("the entry has no content or summary; expected its text") }
        return ParsedDocument(
            text: text, location: location, title: element("title")?.textContent.nonBlank.map(Self.plain),
            url: link?.attribute("href"), externalID: element("id")?.textContent.nonBlank,
            published: (element("published") ?? element("updated"))?.textContent.nonBlank)
    }

    private static func child(_ node: XMLNodeRef, _ name: String) -> String? {
        node.elementChildren.first { $0.name == name }?.textContent.nonBlank
    }

    /// Text from an HTML fragment (a feed item's description).
    static func text(fromHTML html: String?, limits: IngestLimits) throws(InputProblem) -> String {
        guard let html, html.nonBlank != nil else { throw .malformed("the item has no description or content; expected its text") }
        guard html.contains("<") || html.contains("&") else { return html }
        var bytes = Array(html.utf8)
        let text = bytes.withUnsafeMutableBufferPointer { HTMLExtractor.extract(utf8: UnsafeBufferPointer($0))?.text } ?? html
        guard text.nonBlank != nil else { throw .malformed("the item's content has no visible text") }
        return text
    }

    /// Titles sometimes carry markup; keep their text.
    private static func plain(_ title: String) -> String {
        guard title.contains("<") else { return title }
        var bytes = Array(title.utf8)
        return bytes.withUnsafeMutableBufferPointer { HTMLExtractor.extract(utf8: UnsafeBufferPointer($0))?.text } ?? title
    }

    /// The text is already decoded; an `encoding="euc-kr"` declaration would make libxml2 decode it twice.
    static func droppingEncodingDeclaration(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return text }
        return "<?xml version=\"1.0\"?>" + text[end.upperBound...]
    }
}
