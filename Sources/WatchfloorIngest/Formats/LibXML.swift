import Foundation
import Watchfloor
import CLibXML2

/// Thin, read-only access to a libxml2 tree. Nodes are only valid while their document lives.
struct XMLNodeRef {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name, lower-cased (HTML names are case-insensitive; feeds use lower case).
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The namespace URI, for feeds (Atom, Dublin Core, content:encoded).
    var namespace: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    var line: Int { Int(xmlGetLineNo(pointer)) }

    var children: [XMLNodeRef] {
        var result: [XMLNodeRef] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(XMLNodeRef(pointer: node))
            child = node.pointee.next
        }
        return result
    }

    var elementChildren: [XMLNodeRef] { children.filter(\.isElement) }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// The raw content of a text node.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All text below this node, concatenated.
    var textContent: String {
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { free(value) }
        return String(cString: value)
    }

    /// Every element below this one (depth first, document order) for which `match` holds.
    func descendants(where match: (XMLNodeRef) -> Bool) -> [XMLNodeRef] {
        var found: [XMLNodeRef] = []
        func walk(_ node: XMLNodeRef) {
            for child in node.elementChildren {
                if match(child) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    func first(where match: (XMLNodeRef) -> Bool) -> XMLNodeRef? {
        for child in elementChildren {
            if match(child) { return child }
            if let deeper = child.first(where: match) { return deeper }
        }
        return nil
    }
}

/// A parsed libxml2 document, freed when released.
final class XMLDocumentRef {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    var root: XMLNodeRef? { xmlDocGetRootElement(pointer).map(XMLNodeRef.init) }

    /// Parses HTML that is already UTF-8, recovering from whatever real pages do.
    static func html(utf8 bytes: UnsafeBufferPointer<UInt8>) -> XMLDocumentRef? {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let doc = bytes.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
        }
        return doc.map(XMLDocumentRef.init)
    }

    /// The outcome of parsing XML strictly, with the first error's line when it failed.
    struct XMLParse {
        var document: XMLDocumentRef?
        var errorLine: Int?
        var errorMessage: String?
    }

    /// Parses XML; `recover` keeps what can be read after an error.
    ///
    /// libxml2's own limits stay on (no `XML_PARSE_HUGE`: it lifts the caps on entity expansion
    /// and node depth); entities are not substituted and no external entity or DTD is loaded
    /// (`XML_PARSE_NONET`, no `XML_PARSE_NOENT` or `XML_PARSE_DTDLOAD`). Callers refuse documents
    /// that declare entities before they get here (``FeedReader``).
    static func xml(utf8 bytes: UnsafeBufferPointer<UInt8>, recover: Bool) -> XMLParse {
        guard let context = xmlNewParserCtxt() else { return XMLParse() }
        defer { xmlFreeParserCtxt(context) }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue
        if recover { options |= XML_PARSE_RECOVER.rawValue }
        let doc = bytes.withMemoryRebound(to: CChar.self) { chars in
            xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(options))
        }
        var result = XMLParse(document: doc.map(XMLDocumentRef.init))
        if let error = xmlCtxtGetLastError(context), error.pointee.code != 0 {
            result.errorLine = Int(error.pointee.line)
            if let message = error.pointee.message {
                result.errorMessage = String(cString: message).trimmingWhitespace()
            }
        }
        return result
    }
}

