import Watchfloor
import WatchfloorYAML

/// A cue of a pack: a phrase (see ``CuePattern`` for its syntax) and how strongly it indicates
/// what it is listed for, from 0 to 1.
public struct Cue: Hashable, Sendable, CustomStringConvertible {
    public var pattern: CuePattern
    public var strength: Double
    /// Set when the cue stands for a compound of `types.yaml` (`"@bereaved-near"`): two cues near
    /// each other rather than words in a row.
    public var compound: String?
    /// The language file that added the cue (`languages/ru.yaml`); `nil` for the pack's own files.
    public var language: Language?

    public init(_ text: String, strength: Double = 1) throws(CuePatternError) {
        pattern = try CuePattern(text)
        self.strength = strength
    }

    init(pattern: CuePattern, strength: Double) {
        self.pattern = pattern
        self.strength = strength
    }

    /// The cue as written in the pack.
    public var text: String { compound.map { "@\($0)" } ?? pattern.source }
    public var description: String { text }
}

/// Reads cue lists, resolving `@name` references to the named sets of `types.yaml`.
///
/// A cue list is a YAML list whose items are text (`- bereaved families`), a reference to a set
/// or a compound (`- "@recipients"`), or a mapping with its own strength
/// (`- {cue: "gift*", strength: 0.9}`).
struct CueReader {
    var sets: [String: [Cue]] = [:]
    var compounds: Set<String> = []
    /// The language of the file being read, given to every cue written there.
    var language: Language?

    func cues(_ node: YAMLValue, strength: Double, log: inout ErrorLog) -> [Cue] {
        node.each(&log) { (item: YAMLValue, log: inout ErrorLog) throws(ConfigurationError) -> [Cue]? in
            if item.isMapping {
                try item.rejectUnknownKeys(["cue", "strength"])
                let own = try item["strength"]?.double(in: 0...1) ?? strength
                return [try cue(item.required("cue"), strength: own)]
            }
            let text = try item.nonEmptyString()
            if text.hasPrefix("@") {
                let name = String(text.dropFirst())
                if compounds.contains(name) {
                    var cue = try cue(item, strength: strength, text: name)
                    cue.compound = name
                    return [cue]
                }
                guard let set = sets[name] else {
                    let known = sets.keys.sorted().joined(separator: ", ")
                    throw item.error("unknown cue set \"@\(name)\"; the sets of types.yaml are: \(known)")
                }
                return set.map { var cue = $0; cue.strength = strength; return cue }
            }
            return [try cue(item, strength: strength)]
        }.flatMap { $0 }
    }

    private func cue(_ node: YAMLValue, strength: Double, text: String? = nil) throws(ConfigurationError) -> Cue {
        let written: String
        if let text { written = text } else { written = try node.nonEmptyString() }
        let text = written
        do {
            var cue = try Cue(text, strength: strength)
            cue.language = language
            return cue
        } catch {
            throw node.error("expected a cue: \(error.message) in \"\(text)\"")
        }
    }
}
