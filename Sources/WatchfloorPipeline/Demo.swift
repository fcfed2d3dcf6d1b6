import Foundation
import Watchfloor
import WatchfloorStore

/// `watchfloor demo`: a fresh database filled with the bundled sample reporting.
public enum Demo {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates a fresh demo database at `path`. A file already there is replaced only if it is an
    /// earlier demo database: the demo never overwrites an analyst's own data.
    public static func freshStore(path: String) throws -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try? SQLiteStore(path: path)
            guard (try? existing?.metadata("demo")) == "true" else {
                throw Failure(description: "\(path) exists and is not a demo database; choose another --db or remove it")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try SQLiteStore(path: path)
        try store.setMetadata("demo", "true")
        return store
    }

    /// The folders of bundled reporting the demo ingests.
    public static func reportingFolders() throws -> [URL] {
        guard let samples = BundledData.folder("samples", containing: "illustrative") else {
            throw Failure(description: "cannot find the bundled samples/ folder; run from the repository or set WATCHFLOOR_HOME")
        }
        return [samples.appendingPathComponent("illustrative")]
    }
}
