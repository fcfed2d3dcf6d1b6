import WatchfloorPipeline

/// The dashboard's URLs, built in one place so that pages and tests agree on them.
enum Link {
    static let overview = "/"
    static let map = "/map"
    static let warnings = "/warnings"
    static let events = "/events"
    static let review = "/review"
    static let search = "/search"

    static func province(_ province: Province) -> String { "/provinces/\(province.code)" }

    static func warning(_ id: Int64) -> String { "/warnings/\(id)" }

    static func document(_ id: DocumentID, event: Int64? = nil) -> String {
        "/documents/\(id.rawValue)" + (event.map { "#event-\($0)" } ?? "")
    }

    static func map(_ measure: ProvinceMapView.Measure) -> String { "/map?indicator=\(QueryParameters.encode(measure.parameter))" }

    /// The series page, or its chart (`svg`) or data (`csv`) with `extension`.
    static func series(
        _ selection: SeriesSelection, granularity: SeriesView.Granularity = .day, window: DayInterval? = nil,
        extension: String? = nil, download: Bool = false
    ) -> String {
        var parameters = QueryParameters(selection.types.map { (name: "type", value: $0.rawValue) })
        if let province = selection.province { parameters.append("province", province.code) }
        if granularity != .day { parameters.append("granularity", granularity.rawValue) }
        if let window {
            parameters.append("since", window.first.description)
            parameters.append("until", window.last.description)
        }
        if download { parameters.append("download", "1") }
        return "/series" + (`extension`.map { ".\($0)" } ?? "") + "?" + parameters.encoded
    }

    static func series(_ key: SeriesKey, granularity: SeriesView.Granularity = .day) -> String {
        series(SeriesSelection(key), granularity: granularity)
    }

    /// The events table (or an export, with `extension`) for `query`.
    static func events(_ query: EventQuery, page: Int = 1, extension: String? = nil) -> String {
        var parameters = query.parameters
        if page > 1 { parameters.append("page", String(page)) }
        let path = "/events" + (`extension`.map { ".\($0)" } ?? "")
        return parameters.items.isEmpty ? path : path + "?" + parameters.encoded
    }

    static func search(_ text: String) -> String { "/search?q=\(QueryParameters.encode(text))" }

    static func reviewQueue(page: Int) -> String { page > 1 ? "/review?page=\(page)" : "/review" }
}
