/// An error in a data file (a pack, a scenario, a configuration): the file, the line and column
/// where it is, and what was expected there.
///
/// ```
/// packs/gift-politics/types.yaml:42:7: expected a number between 0 and 1 for "strength", found "high"
/// ```
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based; `nil` when the error concerns the file as a whole.
    public var line: Int?
    /// 1-based, counted in Unicode scalars.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}

/// Several configuration errors found in one pass, so that an author fixes them all at once.
public struct ConfigurationErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [ConfigurationError]

    public init(_ errors: [ConfigurationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
