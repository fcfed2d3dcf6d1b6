/// Lets at most `permits` page builds run at once, in the order they arrived.
///
/// A build reads the store synchronously, holding a thread of Swift's cooperative pool until it
/// ends. Without a gate, fifty concurrent builds on two cores are scheduled in no particular
/// order and some wait for seconds; with it, the others wait (suspended, holding no thread) in a
/// queue, so that a build's wait is bounded by the queue ahead of it.
actor RenderGate {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    init(permits: Int) { available = max(permits, 1) }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let value = try await body()
            leave()
            return value
        } catch {
            leave()
            throw error
        }
    }

    private func enter() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        guard head < waiting.count else {
            available += 1
            return
        }
        let next = waiting[head]
        head += 1
        if head > 64, head * 2 > waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
        next.resume()
    }
}
