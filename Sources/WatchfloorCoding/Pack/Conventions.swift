import Foundation
import Watchfloor
import WatchfloorYAML

/// The labelling conventions that decide hard cases ("a denial is no event", "the leader thanking
/// families is not gratitude"), written into the pack with invented example sentences and what each
/// must be coded as, so that they are read where the codebook is read and checked by
/// `watchfloor pack check` (``ConventionCheck``) rather than kept in someone's head.
///
/// ```yaml
/// conventions:
///   - id: denial
///     rule: A denial ("fake news", "no troops were sent") is no event.
///     examples:
///       - {text: "The ministry called the reports of troops in Kursk fake news.", expect: []}
///       - {text: "…", language: ko, source: insider, expect: [GIFT_DELIVERY KP-10]}
/// ```
///
/// An expectation is a type, optionally followed by a province code and, for gratitude, a
/// sincerity (`GRATITUDE_EXPRESSION coerced`, `GIFT_DELIVERY KP-09`). The examples are written for
/// the pack, never quoted from real reporting.
public struct Convention: Sendable, Hashable {
    public var id: String
    /// The convention in one or two sentences, as a labeller would state it.
    public var rule: String
    public var examples: [Example]

    /// One invented sentence and the events it must be coded as, exactly.
    public struct Example: Sendable, Hashable {
        public var text: String
        public var language: Language
        public var sourceKind: SourceKind
        public var expected: [Expected]
        /// Where the example is written, for errors.
        public var file: String
        public var line: Int?
    }

    /// An event the example must be coded as.
    public struct Expected: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var type: EventType
        public var province: Province?
        public var sincerity: Sincerity?

        public var description: String {
            ([type.rawValue] + [province?.code, sincerity?.rawValue].compactMap { $0 }).joined(separator: " ")
        }

        public static func < (lhs: Expected, rhs: Expected) -> Bool { lhs.description < rhs.description }
    }
}

extension Convention {
    /// Reads a conventions file; each problem goes to `log` with its line.
    static func read(_ root: YAMLValue, types: Set<EventType>, log: inout ErrorLog) -> [Convention] {
        log.attempt { () throws(ConfigurationError) in try root.rejectUnknownKeys(["conventions"]) }
        guard let list = log.attempt({ () throws(ConfigurationError) in try root.required("conventions") }) else { return [] }
        var seen: Set<String> = []
        return list.each(&log) { (node, log) throws(ConfigurationError) -> Convention? in
            try node.rejectUnknownKeys(["id", "rule", "examples"])
            let id = try node.required("id").nonEmptyString()
            guard seen.insert(id).inserted else { throw node.error("a second convention with the id \"\(id)\"") }
            let rule = try node.required("rule").nonEmptyString()
            let examples = try node.required("examples").each(&log) { (example, _) throws(ConfigurationError) in
                try Self.example(example, types: types)
            }
            return Convention(id: id, rule: rule, examples: examples)
        }
    }

    private static func example(_ node: YAMLValue, types: Set<EventType>) throws(ConfigurationError) -> Example {
        try node.rejectUnknownKeys(["text", "language", "source", "expect"])
        let text = try node.required("text").nonEmptyString()
        let language = Language(rawValue: try node["language"]?.nonEmptyString() ?? "en")
        let sourceKind = try node["source"]?.enum(SourceKind.self) ?? .wire
        let expectNode = try node.required("expect")
        var expected: [Expected] = []
        for item in try expectNode.array() {
            let words = try item.nonEmptyString().split(separator: " ").map(String.init)
            let type = EventType(rawValue: words[0])
            guard types.contains(type) else {
                throw item.error("\"\(words[0])\" is not a type of this pack; expected one of: "
                    + types.map(\.rawValue).sorted().joined(separator: ", "))
            }
            var entry = Expected(type: type)
            for word in words.dropFirst() {
                if let province = Province(code: word), entry.province == nil {
                    entry.province = province
                } else if let sincerity = Sincerity(rawValue: word), entry.sincerity == nil {
                    entry.sincerity = sincerity
                } else {
                    throw item.error("expected TYPE [PROVINCE] [SINCERITY], e.g. \"GIFT_DELIVERY KP-10\" or "
                        + "\"GRATITUDE_EXPRESSION coerced\"; cannot read \"\(word)\"")
                }
            }
            expected.append(entry)
        }
        return Example(
            text: text, language: language, sourceKind: sourceKind, expected: expected.sorted(), file: node.file,
            line: node.line)
    }
}
