/// A failure of the store, saying what it was doing and on which database.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: Sendable, Hashable {
        /// The database file cannot be opened or created.
        case cannotOpen
        /// The file is not a Watchfloor database, or was written by a newer version.
        case incompatible
        /// A read or write failed.
        case failed
        /// A record named by the caller does not exist.
        case notFound
        /// The read ran past the ``WorkBudget`` of the request it serves, or its client went away.
        case overBudget
    }

    public var code: Code
    public var message: String
    public var path: String

    public init(_ code: Code, _ message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { "\(path): \(message)" }
}
