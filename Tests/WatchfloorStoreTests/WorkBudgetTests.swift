import Foundation
import GRDB
import Testing
import Watchfloor
import WatchfloorTesting

@testable import WatchfloorStore

/// A request's reads stop when its budget is spent or cancelled, however long the statement.
@Suite struct WorkBudgetTests {
    /// A statement that counts to a billion: minutes of work for SQLite.
    static let runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c"

    func store() throws -> (TemporaryDirectory, SQLiteStore) {
        let folder = try TemporaryDirectory()
        return (folder, try SQLiteStore(path: folder.file("budget.sqlite").path))
    }

    @Test func aRunawayReadStopsAtTheDeadline() throws {
        let (_, store) = try store()
        let started = ContinuousClock.now
        let error = #expect(throws: StoreError.self) {
            try WorkBudget.$current.withValue(WorkBudget(limit: .milliseconds(200))) {
                try store.read("count") { db in try Int.fetchOne(db, sql: Self.runaway) }
            }
        }
        #expect(error?.code == .overBudget)
        #expect(error?.message.contains("took longer than its limit") == true)
        #expect(ContinuousClock.now - started < .seconds(5))
        // The connection is usable afterwards, without a budget.
        #expect(try store.read("count") { db in try Int.fetchOne(db, sql: "SELECT 1") } == 1)
    }

    @Test func aCancelledBudgetStopsTheReadAtOnce() async throws {
        let (_, store) = try store()
        let budget = WorkBudget(limit: .seconds(600))
        let task = Task.detached {
            try WorkBudget.$current.withValue(budget) {
                try store.read("count") { db in try Int.fetchOne(db, sql: Self.runaway) }
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        budget.cancel()
        let result = await task.result
        #expect(throws: StoreError.self) { try result.get() }
        if case .failure(let error as StoreError) = result {
            #expect(error.code == .overBudget && error.message.contains("cancelled"))
        }
    }

    @Test func withoutABudgetReadsRunToTheirEnd() throws {
        let (_, store) = try store()
        let small = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c"
        #expect(try store.read("count") { db in try Int.fetchOne(db, sql: small) } == 200_000)
    }
}
