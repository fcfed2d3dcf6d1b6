import Foundation
import GRDB
import GRDBSQLite
import Watchfloor

/// The one-analyst store: a single SQLite file in WAL mode, through GRDB.
///
/// ```swift
/// let store = try SQLiteStore(path: "watchfloor.sqlite")
/// let outcomes = try store.write(batch)
/// let hits = try store.search(SearchQuery("유가족"))
/// ```
///
/// Writes happen in transactions (a batch is all or nothing), so a process killed at any moment
/// leaves a consistent database. Readers do not block the writer.
public final class SQLiteStore: Store, @unchecked Sendable {
    public let location: String
    let pool: DatabasePool
    let nearDuplicates = Locked(NearDuplicateIndex())

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    public init(path: String) throws {
        location = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL survives a killed process (not a power cut mid-commit, which
            // loses at most the last transactions, never consistency). A larger autocheckpoint lets
            // bulk loads write each page to the database once per 64 MB of log, not per commit.
            try db.execute(sql: """
                PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;
                PRAGMA wal_autocheckpoint = 16384
                """)
        }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(.cannotOpen, "cannot open the database (\(Self.describe(error)))", path: path)
        }
        let migrator = Schema.migrator()
        do {
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(.incompatible, "the database was written by a newer Watchfloor; upgrade to open it", path: path)
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.incompatible, "not a Watchfloor database, or damaged (\(Self.describe(error)))", path: path)
        }
    }

    /// A value used under a lock (the near-duplicate index is shared by every writer of this store).
    final class Locked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private let value: Value

        init(_ value: Value) { self.value = value }

        func withLock<T>(_ body: (Value) throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body(value)
        }
    }

    /// Runs a read, turning database errors into ``StoreError``s that name the database.
    ///
    /// Under a ``WorkBudget`` (a request's), the statements stop when it is exhausted: SQLite's
    /// progress handler asks it every few thousand steps, and the interrupted read becomes a
    /// `.overBudget` error that says why.
    func read<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        let budget = WorkBudget.current
        do {
            if let budget, budget.isExhausted { throw StoreError(.overBudget, "stopped: \(budget.reason)", path: location) }
            return try pool.read { db in
                guard let budget else { return try body(db) }
                return try Self.within(budget, db, body)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && budget?.isExhausted == true {
            throw StoreError(.overBudget, "stopped while trying to \(what): \(budget!.reason)", path: location)
        } catch {
            throw StoreError(.failed, "cannot \(what): \(Self.describe(error))", path: location)
        }
    }

    /// Runs `body` with a progress handler that interrupts its statements once `budget` is exhausted.
    private static func within<T>(_ budget: WorkBudget, _ db: Database, _ body: (Database) throws -> T) throws -> T {
        let connection = db.sqliteConnection
        sqlite3_progress_handler(
            connection, 4_000,
            { context in
                guard let context else { return 0 }
                return Unmanaged<WorkBudget>.fromOpaque(context).takeUnretainedValue().isExhausted ? 1 : 0
            }, Unmanaged.passUnretained(budget).toOpaque())
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        return try body(db)
    }

    /// Runs a write transaction, turning database errors into ``StoreError``s.
    func write<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.failed, "cannot \(what): \(Self.describe(error))", path: location)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    public func setMetadata(_ key: String, _ value: String?) throws {
        try write("save metadata") { db in try MetadataTable.set(key, value, in: db) }
    }

    public func metadata(_ key: String) throws -> String? {
        try read("read metadata") { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func status() throws -> StoreStatus {
        try read("read the status") { db in
            let documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
            let clusters = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE cluster = seq") ?? 0
            let range = try Row.fetchOne(db, sql: "SELECT MIN(published) AS first, MAX(published) AS last FROM documents")
            return StoreStatus(
                documents: documents,
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE counted") ?? 0,
                sources: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0,
                warnings: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM warnings") ?? 0,
                clusters: clusters,
                nearDuplicates: documents - clusters,
                reviewedEvents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE origin = 'review'") ?? 0,
                firstPublished: (range?["first"] as String?).flatMap { Day($0) },
                lastPublished: (range?["last"] as String?).flatMap { Day($0) },
                searchIndexCurrent: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_index'") == "current",
                path: location)
        }
    }
}

/// The `meta` table: small named values about the database (`nil` removes one).
enum MetadataTable {
    static func set(_ key: String, _ value: String?, in db: Database) throws {
        if let value {
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
        }
    }
}
