import Hummingbird
import WatchfloorPipeline

/// The read-only pages. Each is built from a view in WatchfloorPipeline and kept in the page
/// cache until the store changes.
struct PageRoutes<Context: RequestContext> {
    let store: any Store
    let cache: PageCache
    let analysis: AnalysisSettings
    let seriesViews: SeriesViewMemo

    func register(on router: Router<Context>) {
        router.get("/") { request, _ in
            try await cached(request) { Reply.html(OverviewPage.render(try Overview.load(from: store))) }
        }
        router.get("/map") { request, _ in
            let parameters = request.parameters
            let measure = try ProvinceMapView.Measure(parameter: parameters["indicator"])
            let days = try parameters.int("days", in: 1...3650) ?? ProvinceMapView.defaultDays
            return try await cached(request) {
                Reply.html(MapPage.render(try ProvinceMapView.load(from: store, measure: measure, days: days), days: days))
            }
        }
        router.get("/provinces/:code") { request, context in
            let province = try Self.province(context.parameters.require("code"))
            return try await cached(request) { Reply.html(ProvincePage.render(try ProvinceView.load(from: store, province: province))) }
        }
        router.get("/series") { request, _ in
            let series = try SeriesRequest(request.parameters)
            return try await cached(request) {
                Reply.html(SeriesPage.render(
                    try series.load(from: store, settings: analysis, memo: seriesViews), requestedWindow: series.window,
                    combinations: analysis.combinedTypes))
            }
        }
        router.get("/warnings") { request, _ in
            let parameters = request.parameters
            return try await cached(request) { Reply.html(WarningPages.list(try WarningList.load(from: store, parameters: parameters))) }
        }
        router.get("/warnings/:id") { request, context in
            let id = try Self.id(context.parameters.require("id"), what: "warning")
            return try await cached(request) {
                guard let view = try WarningView.load(from: store, id: id, settings: analysis) else {
                    throw HTTPError(.notFound, message: "There is no warning \(id). Warnings are replaced when the analysis runs again.")
                }
                seriesViews.keep(seriesOf: view, token: store.changeToken())
                return Reply.html(WarningPages.detail(view))
            }
        }
        router.get("/documents/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await cached(request) {
                guard let view = try DocumentView.load(from: store, id: id) else {
                    throw HTTPError(.notFound, message: "There is no document \(Format.truncated(id, 80)) (ids are hexadecimal; give at least 6 digits).")
                }
                return Reply.html(DocumentPage.render(view))
            }
        }
        router.get("/events") { request, _ in
            let parameters = request.parameters
            let query = try EventQuery(parameters)
            let page = try parameters.int("page", in: 1...1_000_000) ?? 1
            return try await cached(request) {
                Reply.html(EventsPage.render(try EventListing.load(from: store, query: query, page: page)))
            }
        }
        router.get("/search") { request, _ in
            let parameters = request.parameters
            return try await cached(request) {
                Reply.html(SearchPage.render(try SearchResults.load(from: store, parameters: parameters), parameters: parameters))
            }
        }
    }

    private func cached(_ request: Request, build: @escaping @Sendable () throws -> Rendered) async throws -> Rendered {
        try await cache.response(key: request.uri.description, token: store.changeToken()) { try build() }
    }

    static func province(_ code: String) throws -> Province {
        guard let province = Province(code: code) else {
            throw HTTPError(
                .notFound,
                message: "There is no province \(Format.truncated(code, 40)); provinces are named by ISO 3166-2:KP codes (\(Province.allCases.map(\.code).joined(separator: ", "))).")
        }
        return province
    }

    static func id(_ text: String, what: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw HTTPError(.notFound, message: "There is no \(what) \(Format.truncated(text, 40)); \(what) ids are whole numbers.")
        }
        return id
    }
}

/// The series a request names: `type` (required; repeated, the types are counted together, as
/// the warnings count gift deliveries with condolence visits), `province` (a code; absent for
/// national), `granularity` (`day` or `week`), `since` and `until`.
struct SeriesRequest: Sendable, Hashable {
    var selection: SeriesSelection
    var granularity: SeriesView.Granularity
    var window: DayInterval?

    init(selection: SeriesSelection, granularity: SeriesView.Granularity, window: DayInterval?) {
        self.selection = selection
        self.granularity = granularity
        self.window = window
    }

    init(_ parameters: QueryParameters) throws {
        let types = try parameters.eventTypes()
        guard !types.isEmpty else {
            throw QueryProblem("type", "", expected: "an event type such as GIFT_DELIVERY")
        }
        guard types.count <= EventType.giftPolitics.count else {
            throw QueryProblem("type", types.last!.rawValue, expected: "at most \(EventType.giftPolitics.count) types")
        }
        selection = SeriesSelection(types: types, province: try parameters.province())
        granularity = try parameters.choice("granularity", SeriesView.Granularity.self) ?? .day
        let since = try parameters.day("since")
        let until = try parameters.day("until")
        // Any two days make a window (in either order, the last 20 years of it at most); one day
        // alone shows the year that begins or ends there. Nothing a valid date can say is refused.
        switch (since, until) {
        case (nil, nil): window = nil
        case (let first?, let last?):
            let (low, high) = first <= last ? (first, last) : (last, first)
            window = DayInterval(first: max(low, high.adding(days: -(366 * 20))), last: high)
        case (let first?, nil): window = DayInterval(first: first, last: first.adding(days: 365))
        case (nil, let last?): window = DayInterval(first: last.adding(days: -365), last: last)
        }
    }

    /// The view, analysed with `settings`, or as `memo` kept it while the store is unchanged.
    func load(from store: any Store, settings: AnalysisSettings, memo: SeriesViewMemo) throws -> SeriesView {
        try memo.view(self, token: store.changeToken()) {
            try SeriesView.load(from: store, selection: selection, settings: settings, granularity: granularity, window: window)
        }
    }

    /// `GIFT_DELIVERY-KP-09-week` (or `CONDOLENCE_VISIT+GIFT_DELIVERY-…`), for file names.
    var fileStem: String {
        "\(selection.types.map(\.rawValue).joined(separator: "+"))-\(selection.province?.code ?? "national")-\(granularity.rawValue)"
    }
}
