import Watchfloor
import WatchfloorStore

/// Machine-coded events waiting for an analyst, least confident first, and the latest reviews.
public struct ReviewQueue: Sendable {
    public var events: [StoredEvent]
    /// Machine events not yet reviewed (a lower bound past ``countLimit``).
    public var waiting: EventCount
    public var page: Int
    public var pageSize: Int
    public var recentReviews: [StoredReview]

    public static let countLimit = 10_000

    public var hasNextPage: Bool { events.count == pageSize && (!waiting.isExact || page * pageSize < waiting.value) }

    public static func load(from store: any Store, page: Int = 1, pageSize: Int = 20, recent: Int = 10) throws -> ReviewQueue {
        let page = max(page, 1)
        return ReviewQueue(
            events: try store.events(
                EventFilter(status: .machine, limit: pageSize, offset: (page - 1) * pageSize, order: .leastConfident)),
            waiting: try store.countEvents(EventFilter(status: .machine), upTo: countLimit), page: page, pageSize: pageSize,
            recentReviews: try store.reviews(limit: recent, offset: 0))
    }
}
