import Foundation
import Watchfloor

/// Codes every example of a pack's ``Convention``s and reports those coded otherwise than the
/// convention says: `pack check` fails on them, so a change to the pack that breaks a convention
/// is caught where it is made.
public struct ConventionCheck: Sendable {
    /// An example coded otherwise than expected.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var convention: String
        public var example: Convention.Example
        public var coded: [Convention.Expected]

        public var description: String {
            let place = example.file + (example.line.map { ":\($0)" } ?? "")
            func list(_ events: [Convention.Expected]) -> String {
                events.isEmpty ? "no event" : events.map(\.description).joined(separator: ", ")
            }
            return "\(place): convention \"\(convention)\": expected \(list(example.expected)), coded "
                + "\(list(coded)) for \"\(example.text)\""
        }
    }

    public var conventions: Int
    public var examples: Int
    public var failures: [Failure]

    /// Codes each example as `watchfloor eval` codes a passage: normalised, with its language and
    /// source kind, no publication day. Only what the expectation states is compared: a province
    /// or sincerity the expectation leaves out is not checked.
    public init(pack: Pack, coder: Coder) {
        conventions = pack.conventions.count
        examples = pack.conventions.reduce(0) { $0 + $1.examples.count }
        var failures: [Failure] = []
        for convention in pack.conventions {
            for example in convention.examples {
                let text = TextNormalizer.normalize(example.text)
                let events = coder.code(CodingInput(
                    document: DocumentID(outlet: "convention", published: nil, normalizedText: text), text: text,
                    language: example.language, published: nil, sourceKind: example.sourceKind))
                let coded = events.map { event in
                    Convention.Expected(
                        type: event.type, province: event.province, sincerity: event.attributes.sincerity)
                }.sorted()
                if !Self.matches(expected: example.expected, coded: coded) {
                    failures.append(Failure(convention: convention.id, example: example, coded: coded))
                }
            }
        }
        self.failures = failures
    }

    /// One coded event per expected one, of its type, agreeing on what the expectation names.
    static func matches(expected: [Convention.Expected], coded: [Convention.Expected]) -> Bool {
        guard expected.count == coded.count else { return false }
        var remaining = coded
        for want in expected {
            guard let index = remaining.firstIndex(where: { got in
                got.type == want.type && (want.province == nil || got.province == want.province)
                    && (want.sincerity == nil || got.sincerity == want.sincerity)
            }) else { return false }
            remaining.remove(at: index)
        }
        return true
    }
}
