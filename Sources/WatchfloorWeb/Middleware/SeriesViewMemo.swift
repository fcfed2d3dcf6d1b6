import Foundation
import WatchfloorPipeline

/// Series views kept while the store is unchanged, so that a series page and the chart it shows
/// (`<img src="/series.svg…">`, a second request), its CSV and the API's series run the analysis
/// once between them — and the charts of a warning page reuse the views the page built.
///
/// An analysis reads every event of its series (a second or so for a national series of a
/// million-event store), which the page cache alone would pay once per URL. Entries are keyed by
/// the request (types, province, granularity, window) and the store's change token, so a write
/// by anyone makes them stale; at most ``capacity`` are kept, the least recently used dropped.
final class SeriesViewMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var request: SeriesRequest
        var token: String
    }

    let enabled: Bool
    let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (view: SeriesView, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(enabled: Bool, capacity: Int = 64) {
        self.enabled = enabled
        self.capacity = capacity
    }

    /// The kept view for `request`, or `load`'s, kept when the store can say whether it changed.
    func view(_ request: SeriesRequest, token: String?, load: () throws -> SeriesView) rethrows -> SeriesView {
        guard enabled, let token else { return try load() }
        let key = Key(request: request, token: token)
        if let view = lock.withLock({ touch(key) }) { return view }
        let view = try load()
        keep(view, for: request, token: token)
        return view
    }

    /// Keeps a view built elsewhere (a warning page's series) for the request that would build it.
    func keep(_ view: SeriesView, for request: SeriesRequest, token: String?) {
        guard enabled, let token else { return }
        lock.withLock {
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
                entries[oldest] = nil
            }
            clock += 1
            entries[Key(request: request, token: token)] = (view, clock)
        }
    }

    /// Keeps a warning page's series for the chart requests the page makes next.
    func keep(seriesOf warning: WarningView, token: String?) {
        for view in warning.series {
            keep(view, for: SeriesRequest(selection: view.selection, granularity: view.granularity, window: view.window), token: token)
        }
    }

    private func touch(_ key: Key) -> SeriesView? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key] = (entry.view, clock)
        return entry.view
    }
}
