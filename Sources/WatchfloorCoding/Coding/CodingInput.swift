import Watchfloor

/// One document to code.
public struct CodingInput: Sendable {
    public var document: DocumentID
    /// The document's text, already passed through `TextNormalizer.normalize`; event offsets refer to it.
    public var text: String
    public var language: Language
    /// The anchor for relative dates ("last week", "지난달"); `nil` leaves them unresolved.
    public var published: Day?
    /// The kind of the document's source: rules and the sincerity rule may depend on it.
    public var sourceKind: SourceKind

    public init(document: DocumentID, text: String, language: Language, published: Day?, sourceKind: SourceKind) {
        self.document = document
        self.text = text
        self.language = language
        self.published = published
        self.sourceKind = sourceKind
    }

    /// The input for a stored document whose source is of kind `sourceKind`.
    public init(_ document: Document, sourceKind: SourceKind) {
        self.init(
            document: document.id, text: document.text, language: document.language, published: document.published,
            sourceKind: sourceKind)
    }
}
