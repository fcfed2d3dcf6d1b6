import Foundation
import Hummingbird
import NIOCore

/// Rendered responses kept until the store changes: the dashboard's precomputed views.
///
/// A page is built from several queries over the whole store; built once, it is served again to
/// every request with the same URL until ``Store/changeToken()`` moves (any commit, by this
/// server or by another process such as an ingest), the server writes (``invalidate()``), or
/// ``maximumAge`` passes. While a page is being built, other requests for it wait for that build
/// instead of starting their own. Pages that carry a per-browser token (the review forms) are
/// never cached.
final class PageCache: @unchecked Sendable {
    private struct Stored {
        var token: String
        var generation: Int
        var created: ContinuousClock.Instant
        var entry: Rendered
    }

    private struct Build {
        var token: String
        var generation: Int
        var task: Task<Rendered, any Error>
    }

    let enabled: Bool
    let maximumAge: Duration
    let maximumEntries: Int
    private let lock = NSLock()
    private var stored: [String: Stored] = [:]
    private var building: [String: Build] = [:]
    private var generation = 0

    /// Builds run through this gate, cached or not.
    private let gate = RenderGate(permits: ProcessInfo.processInfo.activeProcessorCount)

    init(enabled: Bool, maximumAge: Duration = .seconds(30), maximumEntries: Int = 500) {
        self.enabled = enabled
        self.maximumAge = maximumAge
        self.maximumEntries = maximumEntries
    }

    /// Forgets every page (after this server wrote to the store).
    func invalidate() {
        lock.withLock {
            generation += 1
            stored.removeAll()
        }
    }

    /// The cached response for `key`, or `build`'s, cached when it succeeds with status 200.
    func response(key: String, token: String?, build: @escaping @Sendable () async throws -> Rendered) async throws -> Rendered {
        let gate = self.gate
        guard enabled, let token else { return try await gate.run(build) }
        let now = ContinuousClock.now
        let task: Task<Rendered, any Error> = lock.withLock {
            if let hit = stored[key], hit.token == token, hit.generation == generation, now - hit.created < maximumAge {
                let entry = hit.entry
                return Task { entry }
            }
            if let running = building[key], running.token == token, running.generation == generation {
                return running.task
            }
            let generationAtStart = generation
            let task = Task<Rendered, any Error> { try await gate.run(build) }
            building[key] = Build(token: token, generation: generationAtStart, task: task)
            return task
        }
        do {
            let entry = try await task.value
            lock.withLock {
                if let running = building[key], running.task == task {
                    building[key] = nil
                    if entry.status == .ok, running.generation == generation {
                        if stored.count >= maximumEntries, stored[key] == nil { evictOldest() }
                        stored[key] = Stored(token: running.token, generation: running.generation, created: now, entry: entry)
                    }
                }
            }
            return entry
        } catch {
            lock.withLock {
                if let running = building[key], running.task == task { building[key] = nil }
            }
            throw error
        }
    }

    private func evictOldest() {
        let excess = stored.count - maximumEntries + 1
        for key in stored.sorted(by: { $0.value.created < $1.value.created }).prefix(max(excess, maximumEntries / 10)).map(\.key) {
            stored[key] = nil
        }
    }
}
