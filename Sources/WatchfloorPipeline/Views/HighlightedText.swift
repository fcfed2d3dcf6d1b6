import Watchfloor

/// Text cut at the edges of its highlights, so that a front end can mark each piece without
/// nesting tags: every segment carries the highlights that cover all of it.
///
/// Offsets are Unicode scalar offsets, as in ``TextSpan``; spans reaching past the text are
/// clipped, empty spans are ignored.
///
/// ```swift
/// let text = HighlightedText("Rice arrived in Hyesan.", marks: [
///     .init(span: TextSpan(start: 0, end: 23), kind: .sentence, event: 7),
///     .init(span: TextSpan(start: 5, end: 12), kind: .cue, event: 7, role: "trigger"),
/// ])
/// text.segments.map(\.text)   // ["Rice ", "arrived", " in Hyesan."]
/// ```
public struct HighlightedText: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The evidence sentence of an event.
        case sentence
        /// A cue that matched in it.
        case cue
        /// A search match.
        case match
    }

    public struct Mark: Sendable, Hashable {
        public var span: TextSpan
        public var kind: Kind
        /// The event the mark belongs to, if any.
        public var event: Int64?
        /// The cue's role (`trigger`, `item`, `place`, …).
        public var role: String?

        public init(span: TextSpan, kind: Kind, event: Int64? = nil, role: String? = nil) {
            self.span = span
            self.kind = kind
            self.event = event
            self.role = role
        }
    }

    public struct Segment: Sendable, Hashable {
        public var text: String
        /// The highlights covering this segment.
        public var marks: [Mark]
        /// The highlights that start with this segment (for anchors).
        public var opening: [Mark]
    }

    public private(set) var segments: [Segment]

    public init(_ text: String, marks: [Mark]) {
        let scalars = Array(text.unicodeScalars)
        let count = scalars.count
        let clipped = marks.compactMap { mark -> Mark? in
            let start = min(max(mark.span.start, 0), count)
            let end = min(max(mark.span.end, 0), count)
            guard start < end else { return nil }
            var mark = mark
            mark.span = TextSpan(start: start, end: end)
            return mark
        }
        let edges = Set([0, count] + clipped.flatMap { [$0.span.start, $0.span.end] }).sorted()
        segments = zip(edges, edges.dropFirst()).map { start, end in
            Segment(
                text: String(String.UnicodeScalarView(scalars[start..<end])),
                marks: clipped.filter { $0.span.start <= start && end <= $0.span.end },
                opening: clipped.filter { $0.span.start == start })
        }
    }

    /// An event's evidence sentence with its cues marked (cue offsets are document offsets).
    public static func evidence(of event: Event) -> HighlightedText {
        let origin = event.evidence.sentence.start
        return HighlightedText(
            event.evidence.text,
            marks: event.evidence.cues.map { cue in
                Mark(
                    span: TextSpan(start: max(cue.span.start - origin, 0), end: max(cue.span.end - origin, 0)), kind: .cue,
                    event: event.id, role: cue.role)
            })
    }

    /// A search snippet whose matches sit between ``SearchHit/matchStart`` and ``SearchHit/matchEnd``.
    /// Unbalanced markers are tolerated: a stray end is dropped, an unclosed start runs to the end.
    public static func snippet(_ snippet: String) -> HighlightedText {
        var plain = String.UnicodeScalarView()
        var marks: [Mark] = []
        var open: Int?
        let start = SearchHit.matchStart.unicodeScalars.first!
        let end = SearchHit.matchEnd.unicodeScalars.first!
        for scalar in snippet.unicodeScalars {
            if scalar == start {
                if open == nil { open = plain.count }
            } else if scalar == end {
                if let from = open { marks.append(Mark(span: TextSpan(start: from, end: plain.count), kind: .match)) }
                open = nil
            } else {
                plain.append(scalar)
            }
        }
        if let from = open { marks.append(Mark(span: TextSpan(start: from, end: plain.count), kind: .match)) }
        return HighlightedText(String(plain), marks: marks)
    }
}
