import Watchfloor
import WatchfloorStore

/// A document as the document page shows it: its text with every event's sentence and cues
/// marked, its events (reviews included, rejected ones too), its near-duplicate cluster and its
/// source.
public struct DocumentView: Sendable {
    public struct Member: Sendable, Hashable {
        public var id: DocumentID
        public var title: String?
        public var source: String
        public var published: Day?
    }

    public var stored: StoredDocument
    public var events: [StoredEvent]
    public var text: HighlightedText
    /// The other documents of the story (syndicated copies), at most ``memberLimit``.
    public var cluster: [Member]
    public var moreMembers: Int

    public static let memberLimit = 25

    public static func load(from store: any Store, id: String) throws -> DocumentView? {
        guard let stored = try store.document(id) else { return nil }
        let events = try store.events(EventFilter(document: stored.document.id, includeRejected: true, order: .documentOrder))
        var marks: [HighlightedText.Mark] = []
        for event in events where event.event.status != .rejected {
            marks.append(.init(span: event.event.evidence.sentence, kind: .sentence, event: event.event.id))
            marks += event.event.evidence.cues.map { .init(span: $0.span, kind: .cue, event: event.event.id, role: $0.role) }
        }
        let memberIDs = ([stored.cluster] + stored.clusterMembers).filter { $0 != stored.document.id }
        let cluster = try memberIDs.prefix(memberLimit).compactMap { id -> Member? in
            guard let member = try store.document(id.rawValue) else { return nil }
            return Member(
                id: id, title: member.document.title, source: member.sourceInfo.name, published: member.document.published)
        }
        return DocumentView(
            stored: stored, events: events, text: HighlightedText(stored.document.text, marks: marks), cluster: cluster,
            moreMembers: max(memberIDs.count - memberLimit, 0))
    }
}
