import Hummingbird
import WatchfloorPipeline

/// The JSON API under `/api/v1`, described by `/api/v1/openapi.yaml`. Read-only: reviews are
/// made through the dashboard's forms, which carry a CSRF token.
struct APIRoutes<Context: RequestContext> {
    let store: any Store
    let cache: PageCache
    let analysis: AnalysisSettings
    let seriesViews: SeriesViewMemo

    static var prefix: String { "/api/v1" }

    func register(on router: Router<Context>) {
        let api = router.group(RouterPath(Self.prefix))
        api.get("openapi.yaml") { _, _ in
            Reply.body(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8", cacheControl: "public, max-age=3600")
        }
        api.get("status") { request, _ in
            try await cached(request) { try Reply.json(try store.totals()) }
        }
        api.get("warnings") { request, _ in
            let parameters = request.parameters
            return try await cached(request) {
                try Reply.json(APIWarningList(warnings: try WarningList.load(from: store, parameters: parameters).warnings.map(APIWarning.init)))
            }
        }
        api.get("warnings/:id") { request, context in
            let id = try PageRoutes<Context>.id(context.parameters.require("id"), what: "warning")
            return try await cached(request) {
                guard let view = try WarningView.load(from: store, id: id, settings: analysis) else {
                    throw HTTPError(.notFound, message: "There is no warning \(id).")
                }
                seriesViews.keep(seriesOf: view, token: store.changeToken())
                return try Reply.json(APIWarningDetail(
                    warning: APIWarning(warning: view.warning), series: view.series.map(APISeries.init),
                    events: view.events.map(EventRecord.init)))
            }
        }
        api.get("events") { request, _ in
            let parameters = request.parameters
            let query = try EventQuery(parameters)
            let limit = try parameters.int("limit", in: 1...1000) ?? 100
            let offset = try parameters.int("offset", in: 0...100_000_000) ?? 0
            return try await cached(request) {
                var filter = query.filter
                filter.limit = limit
                filter.offset = offset
                let events = try store.events(filter)
                let count = try store.countEvents(query.filter, upTo: EventListing.countLimit)
                var next: String?
                if events.count == limit, !count.isExact || offset + limit < count.value {
                    var link = query.parameters
                    link.append("limit", String(limit))
                    link.append("offset", String(offset + limit))
                    next = "\(Self.prefix)/events?" + link.encoded
                }
                return try Reply.json(APIEventPage(
                    events: events.map(EventRecord.init), count: count.value, countExact: count.isExact, limit: limit,
                    offset: offset, next: next))
            }
        }
        api.get("events/:id") { request, context in
            let id = try PageRoutes<Context>.id(context.parameters.require("id"), what: "event")
            return try await cached(request) {
                guard let event = try store.event(id) else { throw HTTPError(.notFound, message: "There is no event \(id).") }
                return try Reply.json(EventRecord(event))
            }
        }
        api.get("series") { request, _ in
            let series = try SeriesRequest(request.parameters)
            return try await cached(request) { try Reply.json(APISeries(view: try series.load(from: store, settings: analysis, memo: seriesViews))) }
        }
        api.get("documents") { request, _ in
            let parameters = request.parameters
            let after = try parameters.int("after", in: 0...Int.max)
            let limit = try parameters.int("limit", in: 1...500) ?? 50
            return try await cached(request) {
                let page = try store.documents(after: after.map(Int64.init), limit: limit)
                let next = page.count == limit ? page.last.map { "\(Self.prefix)/documents?after=\($0.cursor)&limit=\(limit)" } : nil
                return try Reply.json(APIDocumentList(
                    documents: page.map { APIDocumentList.Summary(cursor: $0.cursor, document: $0.document, source: $0.source) },
                    next: next))
            }
        }
        api.get("documents/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await cached(request) {
                guard let view = try DocumentView.load(from: store, id: id) else {
                    throw HTTPError(.notFound, message: "There is no document \(Format.truncated(id, 80)).")
                }
                return try Reply.json(APIDocument(view: view))
            }
        }
        api.get("search") { request, _ in
            let parameters = request.parameters
            guard parameters["q"] != nil else { throw QueryProblem("q", "", expected: "words to search for") }
            return try await cached(request) {
                let results = try SearchResults.load(from: store, parameters: parameters)
                return try Reply.json(APISearch(
                    query: results.query?.text ?? "", hits: results.hits.map(APISearch.Hit.init), indexStale: results.indexStale))
            }
        }
    }

    private func cached(_ request: Request, build: @escaping @Sendable () throws -> Rendered) async throws -> Rendered {
        try await cache.response(key: request.uri.description, token: store.changeToken()) { try build() }
    }
}
