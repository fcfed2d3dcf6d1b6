import Foundation
import Watchfloor

/// Turns what a reader parsed into a stored-ready ``Document``: normalised text and its id, the
/// source resolved against the registry, the publication day, the language and the
/// near-duplicate fingerprint.
///
/// The outlet a document is filed under is, in order: the record's own outlet (a JSON Lines
/// `outlet`, a CSV column, Markdown front matter), then `--source`, then the container's name (a
/// feed's channel title, a page's site name), else `unknown`.
public struct DocumentBuilder: Sendable {
    public struct Built: Sendable {
        public var document: Document
        public var source: Source
        public var fingerprint: ShingleFingerprint?
        public var notices: [InputNotice]
    }

    public var registry: SourceRegistry
    /// `--source NAME`: the outlet for documents that do not name their own.
    public var defaultOutlet: String?
    public var retrieved: Date
    /// Outlets resolved so far: a file names the same few outlets thousands of times.
    private let resolved = ResolvedSources()

    public init(registry: SourceRegistry = SourceRegistry(), defaultOutlet: String? = nil, retrieved: Date = Date()) {
        self.registry = registry
        self.defaultOutlet = defaultOutlet
        self.retrieved = retrieved
    }

    public func build(_ parsed: ParsedDocument) -> Result<Built, Rejection> {
        let text = TextNormalizer.normalize(parsed.text)
        guard !text.isEmpty else { return .failure(Rejection(parsed.location, .noText)) }
        var notices: [InputNotice] = []

        let outlet = parsed.outlet?.nonBlank ?? defaultOutlet?.nonBlank ?? parsed.containerOutlet?.nonBlank
        let source = resolved.source(outlet: outlet, statedKind: parsed.sourceKind) {
            registry.resolve(outlet: outlet, statedKind: parsed.sourceKind)
        }
        if let stated = parsed.sourceKind, stated != source.kind {
            notices.append(InputNotice(
                parsed.location,
                "source_kind \"\(stated)\" differs from the registry's \"\(source.kind)\" for \(source.name); using the registry"))
        }

        var published: Day?
        if let raw = parsed.published?.nonBlank {
            published = PublicationDate.parse(raw)
            if published == nil {
                notices.append(InputNotice(
                    parsed.location, "published \"\(raw)\" is not a date (expected e.g. 2025-10-24); stored without one"))
            }
        }

        let language = parsed.language.flatMap(Self.primaryLanguage) ?? LanguageGuesser.guess(text)
        var document = Document(
            text: text, source: source.name, language: language, externalID: parsed.externalID?.nonBlank,
            url: parsed.url?.nonBlank, title: parsed.title.map(TextNormalizer.normalize)?.nonBlank,
            published: published, retrieved: retrieved, origin: parsed.location.description)
        document.origin = parsed.location.description
        return .success(Built(
            document: document, source: source, fingerprint: ShingleFingerprint(text: text), notices: notices))
    }

    /// `ko-KR` → `ko`.
    public static func primaryLanguage(_ language: Language) -> Language? {
        let primary = language.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return primary.isEmpty ? nil : Language(rawValue: primary)
    }
}

/// A memo of resolved outlets, shared by copies of a builder.
private final class ResolvedSources: @unchecked Sendable {
    private struct Key: Hashable {
        var outlet: String?
        var kind: SourceKind?
    }

    private let lock = NSLock()
    private var sources: [Key: Source] = [:]

    func source(outlet: String?, statedKind: SourceKind?, resolve: () -> Source) -> Source {
        let key = Key(outlet: outlet, kind: statedKind)
        lock.lock()
        defer { lock.unlock() }
        if let known = sources[key] { return known }
        let source = resolve()
        if sources.count < 10_000 { sources[key] = source }
        return source
    }
}
