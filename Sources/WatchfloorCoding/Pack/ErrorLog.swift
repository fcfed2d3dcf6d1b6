import WatchfloorYAML

/// Collects the errors of a pack as it is read, so that `pack check` reports all of them at once
/// instead of stopping at the first.
struct ErrorLog {
    private(set) var errors: [ConfigurationError] = []

    var isEmpty: Bool { errors.isEmpty }

    mutating func add(_ error: ConfigurationError) { errors.append(error) }

    /// Runs `body`; on a configuration error, records it and returns `nil`.
    mutating func attempt<T>(_ body: () throws(ConfigurationError) -> T) -> T? {
        do {
            return try body()
        } catch {
            errors.append(error)
            return nil
        }
    }
}

extension YAMLValue {
    /// The entries of a list, each read by `read`; an entry that fails is logged and skipped so
    /// that the entries after it are still checked.
    func each<T>(_ log: inout ErrorLog, _ read: (YAMLValue, inout ErrorLog) throws(ConfigurationError) -> T?) -> [T] {
        guard let items = log.attempt({ () throws(ConfigurationError) in try array() }) else { return [] }
        var result: [T] = []
        for item in items {
            do {
                if let value = try read(item, &log) { result.append(value) }
            } catch {
                log.add(error)
            }
        }
        return result
    }
}
