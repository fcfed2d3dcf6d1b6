import WatchfloorYAML

/// A YAML mapping read through layers: a scenario that `extends` another sees its own keys
/// first and the base file's keys beneath them.
///
/// Mappings merge key by key, to any depth; any other value (a number, a list) comes whole from
/// the top-most layer that has it. Every value keeps its own file, line and column, so an error
/// in an inherited value names the base file.
struct LayeredYAML {
    /// Top layer first.
    let layers: [YAMLValue]

    init(_ layers: [YAMLValue]) {
        precondition(!layers.isEmpty, "a layered value needs at least one layer")
        self.layers = layers
    }

    /// The top-most layer's value: where errors about the value as a whole point.
    var top: YAMLValue { layers[0] }

    subscript(key: String) -> LayeredYAML? {
        var found: [YAMLValue] = []
        for layer in layers where layer.isMapping {
            guard let value = layer[key] else { continue }
            if let first = found.first, !(first.isMapping && value.isMapping) { break }
            found.append(value)
        }
        return found.isEmpty ? nil : LayeredYAML(found)
    }

    func required(_ key: String) throws(ConfigurationError) -> LayeredYAML {
        guard let value = self[key] else {
            let container = top.path.isEmpty ? "the scenario" : "\"\(top.path)\""
            throw top.error("expected a key \"\(key)\" in \(container)")
        }
        return value
    }

    /// Every key present in any layer, in the order first seen (top layer first).
    func keys() throws(ConfigurationError) -> [String] {
        var seen: Set<String> = []
        var keys: [String] = []
        for layer in layers {
            for (key, _) in try layer.mapping() where seen.insert(key).inserted { keys.append(key) }
        }
        return keys
    }

    func rejectUnknownKeys(_ allowed: Set<String>) throws(ConfigurationError) {
        for layer in layers { try layer.rejectUnknownKeys(allowed) }
    }

    // The value's own readers, from the top layer.
    func string() throws(ConfigurationError) -> String { try top.string() }
    func nonEmptyString() throws(ConfigurationError) -> String { try top.nonEmptyString() }
    func int(in range: ClosedRange<Int>) throws(ConfigurationError) -> Int { try top.int(in: range) }
    func double(in range: ClosedRange<Double>) throws(ConfigurationError) -> Double { try top.double(in: range) }
    func array() throws(ConfigurationError) -> [YAMLValue] { try top.array() }
}
