import Foundation
import Yams

/// A node of a parsed YAML file that remembers where it came from, so that every validation
/// error can name the file, line and column.
///
/// ```swift
/// let root = try YAMLValue.load(contentsOf: url)
/// for type in try root.required("types").array() {
///     let name = try type.required("name").string()
///     let strength = try type["strength"]?.double(in: 0...1) ?? 1
///     try type.rejectUnknownKeys(["name", "strength", "cues"])
/// }
/// ```
public struct YAMLValue: @unchecked Sendable {
    public let node: Node
    public let file: String
    /// Where the node sits in the document, e.g. `types[2].cues`.
    public let path: String

    public init(node: Node, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Reads and parses a YAML file (UTF-8).
    public static func load(contentsOf url: URL) throws(ConfigurationError) -> YAMLValue {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigurationError(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: url.path, message: "expected UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    /// Parses YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> YAMLValue {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigurationError(file: file, line: 1, message: "expected a YAML document, found an empty file")
            }
            return YAMLValue(node: node, file: file)
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw ConfigurationError(file: file, message: "cannot parse YAML: \(error)")
        }
    }

    public var line: Int? { node.mark?.line }
    public var column: Int? { node.mark?.column }

    /// An error located at this node.
    public func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, column: column, message: message)
    }

    private var what: String { path.isEmpty ? "the document" : "\"\(path)\"" }

    private var found: String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: Mappings

    /// The entries of a mapping, in file order.
    public func mapping() throws(ConfigurationError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping for \(what), found \(found)")
        }
        var entries: [(key: String, value: YAMLValue)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLValue(node: key, file: file, path: path).error("expected a plain key in \(what)")
            }
            entries.append((scalar.string, YAMLValue(node: value, file: file, path: child(scalar.string))))
        }
        return entries
    }

    public var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = node {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// The value under `key`, or `nil` when the key is absent or its value is null.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let mapping) = node, let value = mapping[Node(key)] else { return nil }
        let wrapped = YAMLValue(node: value, file: file, path: child(key))
        return wrapped.isNull ? nil : wrapped
    }

    /// The value under `key`, or an error naming the missing key.
    public func required(_ key: String) throws(ConfigurationError) -> YAMLValue {
        _ = try mapping()
        guard let value = self[key] else { throw error("expected a key \"\(key)\" in \(what)") }
        return value
    }

    /// Fails on a key outside `allowed`: a misspelt key should not be silently ignored.
    public func rejectUnknownKeys(_ allowed: Set<String>) throws(ConfigurationError) {
        for (key, value) in try mapping() where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw value.error("unknown key \"\(key)\" in \(what); expected one of: \(known)")
        }
    }

    // MARK: Sequences

    public func array() throws(ConfigurationError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list for \(what), found \(found)")
        }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A list of strings; a single string is accepted as a list of one.
    public func stringList() throws(ConfigurationError) -> [String] {
        if case .scalar = node { return [try string()] }
        var strings: [String] = []
        for item in try array() { strings.append(try item.string()) }
        return strings
    }

    // MARK: Scalars

    public func string() throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text for \(what), found \(found)") }
        return scalar.string
    }

    /// A non-empty string after trimming white space.
    public func nonEmptyString() throws(ConfigurationError) -> String {
        let text = try string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("expected non-empty text for \(what)") }
        return text
    }

    public func int(in range: ClosedRange<Int>? = nil) throws(ConfigurationError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.replacingOccurrences(of: "_", with: ""))
        else { throw error("expected a whole number for \(what), found \(found)") }
        if let range, !range.contains(value) {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound) for \(what), found \(value)")
        }
        return value
    }

    public func double(in range: ClosedRange<Double>? = nil) throws(ConfigurationError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")),
            value.isFinite
        else { throw error("expected a number for \(what), found \(found)") }
        if let range, !range.contains(value) {
            throw error("expected a number from \(range.lowerBound) to \(range.upperBound) for \(what), found \(value)")
        }
        return value
    }

    public func bool() throws(ConfigurationError) -> Bool {
        guard case .scalar(let scalar) = node else { throw error("expected true or false for \(what), found \(found)") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false for \(what), found \(found)")
        }
    }

    /// A value of a string-backed enumeration, with the allowed values listed in the error.
    public func `enum`<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(ConfigurationError) -> T
    where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("expected one of \(allowed) for \(what), found \"\(raw)\"")
        }
        return value
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func describe(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return ConfigurationError(
                file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)\(problem)")
        case .reader(let problem, _, _, _):
            return ConfigurationError(file: file, message: "cannot read YAML: \(problem)")
        default:
            return ConfigurationError(file: file, message: "invalid YAML: \(error)")
        }
    }
}
