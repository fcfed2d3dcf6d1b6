import Watchfloor
import WatchfloorStore

/// The filters of the events table and of its exports, read from request parameters:
/// `type` (repeatable), `province` (a code, or `none`), `since`, `until`, `source_kind`, `status`.
///
/// ```swift
/// let query = try EventQuery(QueryParameters(query: "type=GIFT_DELIVERY&province=KP-10&since=2025-09-01"))
/// try store.events(query.filter)
/// ```
public struct EventQuery: Sendable, Hashable {
    public var types: [EventType]
    public var province: Province?
    /// `province=none`: only events with no province.
    public var nationalOnly: Bool
    public var since: Day?
    public var until: Day?
    public var sourceKind: SourceKind?
    public var status: ReviewStatus?

    public init(
        types: [EventType] = [], province: Province? = nil, nationalOnly: Bool = false, since: Day? = nil,
        until: Day? = nil, sourceKind: SourceKind? = nil, status: ReviewStatus? = nil
    ) {
        self.types = types
        self.province = province
        self.nationalOnly = nationalOnly
        self.since = since
        self.until = until
        self.sourceKind = sourceKind
        self.status = status
    }

    public init(_ parameters: QueryParameters) throws(QueryProblem) {
        self.init(
            types: try parameters.eventTypes(), province: try parameters.province(),
            nationalOnly: parameters["province"]?.lowercased() == "none", since: try parameters.day("since"),
            until: try parameters.day("until"), sourceKind: try parameters.choice("source_kind", SourceKind.self),
            status: try parameters.choice("status", ReviewStatus.self))
        if let since, let until, since > until {
            throw QueryProblem("until", until.description, expected: "a day on or after since (\(since))")
        }
    }

    /// The store filter (newest first, no page).
    public var filter: EventFilter {
        EventFilter(
            types: types.isEmpty ? nil : types, province: province, nationalOnly: nationalOnly, since: since, until: until,
            sourceKind: sourceKind, status: status)
    }

    /// The filters as request parameters, in a fixed order, for links.
    public var parameters: QueryParameters {
        var out = QueryParameters()
        for type in types { out.append("type", type.rawValue) }
        if let province { out.append("province", province.code) } else if nationalOnly { out.append("province", "none") }
        if let since { out.append("since", since.description) }
        if let until { out.append("until", until.description) }
        if let sourceKind { out.append("source_kind", sourceKind.rawValue) }
        if let status { out.append("status", status.rawValue) }
        return out
    }

    public var isEmpty: Bool { parameters.items.isEmpty }
}

/// One page of the events table.
public struct EventListing: Sendable {
    public var query: EventQuery
    public var events: [StoredEvent]
    /// Matching events in all pages (exact, or a lower bound past ``countLimit``).
    public var count: EventCount
    /// The 1-based page shown.
    public var page: Int
    public var pageSize: Int

    /// Counting stops here: beyond it the table says "more than".
    public static let countLimit = 10_000

    public var hasNextPage: Bool { events.count == pageSize && (!count.isExact || page * pageSize < count.value) }
    public var firstShown: Int { events.isEmpty ? 0 : (page - 1) * pageSize + 1 }
    public var lastShown: Int { (page - 1) * pageSize + events.count }

    public static func load(from store: any Store, query: EventQuery, page: Int = 1, pageSize: Int = 50) throws -> EventListing {
        var filter = query.filter
        filter.limit = pageSize
        filter.offset = (max(page, 1) - 1) * pageSize
        return EventListing(
            query: query, events: try store.events(filter), count: try store.countEvents(query.filter, upTo: countLimit),
            page: max(page, 1), pageSize: pageSize)
    }
}
