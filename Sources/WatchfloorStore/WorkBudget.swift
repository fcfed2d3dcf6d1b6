import Synchronization

/// How long the work for one request may run, and whether anyone is still waiting for it.
///
/// A server sets a budget for each request (`WorkBudget.$current.withValue(budget) { … }`); a
/// store checks it while a statement runs (SQLite: a progress handler every few thousand virtual
/// machine steps) and stops the statement when the deadline has passed or the budget was
/// cancelled (the server shutting down, the request's task cancelled), throwing a
/// ``StoreError`` with code `.overBudget`. Without a budget — the command line, an ingest — work
/// runs to its end.
///
/// ```swift
/// let budget = WorkBudget(limit: .seconds(10))
/// let hits = try WorkBudget.$current.withValue(budget) { try store.search(query) }
/// ```
public final class WorkBudget: Sendable {
    /// The budget of the work the current task does for a request, if any.
    @TaskLocal public static var current: WorkBudget?

    public let limit: Duration
    public let deadline: ContinuousClock.Instant
    private let cancelled = Atomic<Bool>(false)

    public init(limit: Duration) {
        self.limit = limit
        deadline = ContinuousClock.now.advanced(by: limit)
    }

    /// Stops the work at its next check.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// True once the deadline has passed or the budget was cancelled.
    public var isExhausted: Bool { isCancelled || ContinuousClock.now >= deadline }

    /// Why the work was stopped, in words for the person who asked for it.
    public var reason: String {
        isCancelled
            ? "the request was cancelled (the server is shutting down)"
            : "the request took longer than its limit of \(limit.components.seconds) seconds"
    }
}
