import Foundation
import Watchfloor
import WatchfloorStore

/// Opens the store a command works on.
public enum Workspace {
    /// The SQLite store at `path` (created when missing).
    public static func openStore(path: String) throws -> SQLiteStore {
        try SQLiteStore(path: path)
    }

    /// The store at `path`, which must already exist: reading commands should not create empty
    /// databases by accident.
    public static func openExistingStore(path: String) throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                .cannotOpen, "no database here; run `watchfloor ingest PATH…` or `watchfloor demo` first, or pass --db",
                path: path)
        }
        return try SQLiteStore(path: path)
    }
}
