import Watchfloor
import WatchfloorYAML

/// Reads a pack's source registry (`sources.yaml`).
///
/// ```yaml
/// sources:
///   - name: Daily NK
///     kind: insider          # state_media | insider | wire | government | think_tank | other
///     grade: B               # Admiralty reliability, A–F
///     language: en
///     aliases: [DailyNK, 데일리NK]
/// ```
enum SourceFile {
    static func read(_ root: YAMLValue, log: inout ErrorLog) -> SourceRegistry {
        log.attempt { () throws(ConfigurationError) in try root.rejectUnknownKeys(["sources"]) }
        var seen: [String: Int] = [:]
        let entries = (log.attempt { () throws(ConfigurationError) in try root.required("sources") })?
            .each(&log) { (node, _) throws(ConfigurationError) -> SourceRegistry.Entry? in
                try node.rejectUnknownKeys(["name", "kind", "grade", "language", "aliases", "note"])
                let name = try node.required("name").nonEmptyString()
                let aliases = try node["aliases"]?.stringList() ?? []
                var own = Set<String>()
                for alias in [name] + aliases {
                    let key = alias.lowercased().filter { $0.isLetter || $0.isNumber }
                    if let line = seen[key], !own.contains(key) {
                        throw node.error("the name \"\(alias)\" is already used by the source on line \(line)")
                    }
                    seen[key] = node.line ?? 0
                    own.insert(key)
                }
                var reliability = Reliability.f
                if let gradeNode = node["grade"] {
                    let grade = try gradeNode.string()
                    guard let parsed = Reliability(grade: grade) else {
                        throw gradeNode.error("expected an Admiralty grade from A to F for \"grade\", found \"\(grade)\"")
                    }
                    reliability = parsed
                }
                let language = try node["language"].map { value throws(ConfigurationError) in
                    Language(rawValue: try value.nonEmptyString())
                }
                let source = Source(
                    name: name, kind: try node.required("kind").enum(SourceKind.self), reliability: reliability,
                    language: language)
                return SourceRegistry.Entry(source: source, aliases: aliases)
            } ?? []
        return SourceRegistry(entries)
    }
}
