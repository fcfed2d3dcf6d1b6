import Watchfloor

/// Everything the coder saw and decided in one document: its sentences, every cue found and what
/// it stands for, every rule tried and why it fired or not, and the events coded.
///
/// Used by `watchfloor eval --errors` and `watchfloor explain`:
///
/// ```swift
/// let trace = coder.trace(input)
/// print(trace.render())
/// // [1] Families in Hyesan were not given the promised rice.
/// //     cues: Hyesan (place KP-10) · not (modifier negation) · given (GIFT_DELIVERY/delivery trigger) · ...
/// //     GIFT_DELIVERY/delivery at "given": negated → AID_DISRUPTION (by "not")
/// ```
public struct CodingTrace: Sendable, CustomStringConvertible {
    public struct CueHit: Sendable, Hashable {
        /// The cue as written in the pack (the first of its uses).
        public var cue: String
        /// The text matched.
        public var text: String
        public var span: TextSpan
        /// What the cue stands for, e.g. `GIFT_DELIVERY/delivery trigger`, `modifier negation`, `place KP-09`.
        public var uses: [String]
    }

    public struct RuleAttempt: Sendable, Hashable {
        public enum Outcome: Sendable, Hashable, CustomStringConvertible {
            case fired
            /// Negated: coded as `redirectedTo`, or dropped when `nil`.
            case negated(by: String, redirectedTo: EventType?)
            /// Speculation, denial, background, foreign look-alike, a stale date.
            case suppressed(modifier: String, by: String)
            case blocked(by: String)
            case missing(role: String)
            case wrongSource(SourceKind)

            public var description: String {
                switch self {
                case .fired: "fired"
                case .negated(let cue, let target?): "negated by \"\(cue)\" → \(target)"
                case .negated(let cue, nil): "negated by \"\(cue)\" → dropped"
                case .suppressed(let modifier, let cue): "suppressed: \(modifier) (\"\(cue)\")"
                case .blocked(let cue): "blocked by \"\(cue)\""
                case .missing(let role): "no \(role) within reach"
                case .wrongSource(let kind): "not for \(kind) sources"
                }
            }

            public var fired: Bool { self == .fired }
        }

        /// `TYPE/id`.
        public var rule: String
        public var type: EventType
        /// The trigger cue's text.
        public var trigger: String
        public var outcome: Outcome
        /// The cues the rule used (trigger and roles) with their roles.
        public var cues: [CueMatch]
    }

    public struct Sentence: Sendable {
        public var span: TextSpan
        public var text: String
        public var hits: [CueHit]
        /// Place names and what they resolved to ("Hyesan → KP-10", "Pyongyang: metonym").
        public var places: [String]
        /// Date expressions and what they resolved to.
        public var dates: [String]
        public var attempts: [RuleAttempt]
    }

    public var document: DocumentID
    public var sentences: [Sentence]
    public var events: [Event]

    /// Every rule attempt for `type` (or whose negation codes `type`), with its sentence number.
    public func attempts(for type: EventType) -> [(sentence: Int, attempt: RuleAttempt)] {
        sentences.enumerated().flatMap { index, sentence in
            sentence.attempts.filter { attempt in
                if attempt.type == type { return true }
                if case .negated(_, let target) = attempt.outcome { return target == type }
                return false
            }.map { (index, $0) }
        }
    }

    /// A readable account, sentence by sentence.
    public func render() -> String {
        var lines: [String] = []
        for (index, sentence) in sentences.enumerated() {
            lines.append("[\(index + 1)] \(sentence.text)")
            if !sentence.hits.isEmpty {
                let hits = sentence.hits.map { "\($0.text) (\($0.uses.joined(separator: ", ")))" }
                lines.append("    cues: " + hits.joined(separator: " · "))
            }
            if !sentence.places.isEmpty { lines.append("    places: " + sentence.places.joined(separator: "; ")) }
            if !sentence.dates.isEmpty { lines.append("    dates: " + sentence.dates.joined(separator: "; ")) }
            for attempt in sentence.attempts {
                lines.append("    \(attempt.rule) at \"\(attempt.trigger)\": \(attempt.outcome)")
            }
        }
        if events.isEmpty {
            lines.append("events: none")
        } else {
            lines.append("events:")
            for event in events {
                var parts = [event.type.rawValue, event.province?.code ?? "no province"]
                if let date = event.date { parts.append("\(date) (\(date.precision.rawValue))") }
                for (name, value) in event.attributes.values.sorted(by: { $0.key < $1.key }) { parts.append("\(name)=\(value)") }
                parts.append(String(format: "confidence %.2f", event.confidence))
                parts.append(event.evidence.rule ?? "")
                lines.append("  - " + parts.joined(separator: " · "))
            }
        }
        return lines.joined(separator: "\n")
    }

    public var description: String { render() }
}
