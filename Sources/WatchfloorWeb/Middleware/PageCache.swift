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
    /// Bytes of bodies kept at most.
    let maximumBytes: Int
    private var bytes = 0
    private let lock = NSLock()
    private var stored: [String: Stored] = [:]
    private var building: [String: Build] = [:]
    private var generation = 0

    /// Builds run through this gate, cached or not.
    private let gate = RenderGate(permits: ProcessInfo.processInfo.activeProcessorCount)

    init(enabled: Bool, maximumAge: Duration = .seconds(30), maximumEntries: Int = 500, maximumBytes: Int = 64 << 20) {
        self.enabled = enabled
        self.maximumAge = maximumAge
        self.maximumEntries = maximumEntries
        self.maximumBytes = maximumBytes
    }

    /// Forgets every page (after this server wrote to the store).
    func invalidate() {
        lock.withLock {
            generation += 1
            stored.removeAll()
            bytes = 0
        }
    }

    /// The cached response for `key`, or `build`'s, cached when it succeeds with status 200.
    func response(key: String, token: String?, build: @escaping @Sendable () async throws -> Rendered) async throws -> Rendered {
        let gate = self.gate
        guard enabled, let token else { return try await gate.run(build) }
        let now = ContinuousClock.now
        enum Found {
            case hit(Rendered)
            case wait(Task<Rendered, any Error>)
        }
        let found: Found = lock.withLock {
            if let hit = stored[key], hit.token == token, hit.generation == generation, now - hit.created < maximumAge {
                return .hit(hit.entry)
            }
            if let running = building[key], running.token == token, running.generation == generation {
                return .wait(running.task)
            }
            let task = Task<Rendered, any Error> { try await gate.run(build) }
            building[key] = Build(token: token, generation: generation, task: task)
            return .wait(task)
        }
        let task: Task<Rendered, any Error>
        switch found {
        case .hit(let entry): return entry
        case .wait(let running): task = running
        }
        do {
            let entry = try await task.value
            lock.withLock {
                if let running = building[key], running.task == task {
                    building[key] = nil
                    if entry.status == .ok, running.generation == generation {
                        if let old = stored.removeValue(forKey: key) { bytes -= old.entry.body.readableBytes }
                        if stored.count >= maximumEntries || bytes + entry.body.readableBytes > maximumBytes { evictOldest() }
                        stored[key] = Stored(token: running.token, generation: running.generation, created: now, entry: entry)
                        bytes += entry.body.readableBytes
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
        // A tenth at a time, oldest first, so that eviction is rare.
        for key in stored.sorted(by: { $0.value.created < $1.value.created }).prefix(max(stored.count / 10, 1)).map(\.key) {
            bytes -= stored[key]?.entry.body.readableBytes ?? 0
            stored[key] = nil
        }
    }
}
