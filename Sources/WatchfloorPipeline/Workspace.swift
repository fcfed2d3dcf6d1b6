import Foundation
import Watchfloor
import WatchfloorStore

/// Opens the store a command works on.
public enum Workspace {
    /// The SQLite store at `path` (created when missing).
    public static func openStore(path: String) throws -> SQLiteStore {
        try refuseURL(path)
        return try SQLiteStore(path: path)
    }

    /// A `postgresql://` URL was once taken as a file name, creating a SQLite file called
    /// `postgresql:`. Until the team store exists (issue 12), a URL is refused, not misread.
    static func refuseURL(_ path: String) throws {
        guard let scheme = path.range(of: "://").map({ path[..<$0.lowerBound] }),
            !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." })
        else { return }
        throw StoreError(
            .cannotOpen,
            "\(scheme):// is a URL, and this build stores only in a SQLite file; team mode on PostgreSQL is not "
                + "built yet. Pass a file path to --db (or $WATCHFLOOR_DB)",
            path: path.replacingOccurrences(of: #"//[^@/]*@"#, with: "//…@", options: .regularExpression))
    }

    /// The store at `path`, which must already exist: reading commands should not create empty
    /// databases by accident.
    public static func openExistingStore(path: String) throws -> SQLiteStore {
        try refuseURL(path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                .cannotOpen, "no database here; run `watchfloor ingest PATH…` or `watchfloor demo` first, or pass --db",
                path: path)
        }
        return try SQLiteStore(path: path)
    }
}
