import Watchfloor
import WatchfloorStore

/// The filters of the events table and of its exports, read from request parameters:
/// `type` (repeatable), `province` (a code, or `none`), `since`, `until`, `source_kind`, `language`
/// (ISO 639-1), `status`.
///
/// ```swift
/// let query = try EventQuery(QueryParameters(query: "type=GIFT_DELIVERY&province=KP-10&since=2025-09-01"))
/// try store.events(query.filter)
/// ```
public struct EventQuery: Sendable, Hashable {
    /// The store filter (newest first, no page).
    public private(set) var filter: EventFilter

    /// A query for the filter's types, province, days, source kind and status (its order and
    /// page are not kept).
    public init(_ filter: EventFilter) {
        self.filter = EventFilter(
            types: filter.types?.isEmpty == true ? nil : filter.types, province: filter.province,
            nationalOnly: filter.province == nil && filter.nationalOnly, since: filter.since, until: filter.until,
            sourceKind: filter.sourceKind, language: filter.language, status: filter.status)
    }

    public init(_ parameters: QueryParameters) throws(QueryProblem) {
        let types = try parameters.eventTypes()
        self.init(EventFilter(
            types: types, province: try parameters.province(), nationalOnly: parameters["province"]?.lowercased() == "none",
            since: try parameters.day("since"), until: try parameters.day("until"),
            sourceKind: try parameters.choice("source_kind", SourceKind.self), language: try parameters.language(),
            status: try parameters.choice("status", ReviewStatus.self)))
        // `since` after `until` selects no day: an empty list, not an error a valid date could cause.
    }

    public var types: [EventType] { filter.types ?? [] }

    /// The filters as request parameters, in a fixed order, for links.
    public var parameters: QueryParameters {
        var out = QueryParameters()
        for type in types { out.append("type", type.rawValue) }
        if let province = filter.province {
            out.append("province", province.code)
        } else if filter.nationalOnly {
            out.append("province", "none")
        }
        if let since = filter.since { out.append("since", since.description) }
        if let until = filter.until { out.append("until", until.description) }
        if let kind = filter.sourceKind { out.append("source_kind", kind.rawValue) }
        if let language = filter.language { out.append("language", language.rawValue) }
        if let status = filter.status { out.append("status", status.rawValue) }
        return out
    }
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
