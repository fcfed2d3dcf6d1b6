import Hummingbird
import WatchfloorPipeline

/// Downloads: the events table in CSV, JSON Lines and GeoJSON (every matching event, streamed in
/// batches so that any size of export runs in constant memory), a series' chart as SVG and its
/// data as CSV.
struct ExportRoutes<Context: RequestContext> {
    let store: any Store
    let cache: PageCache
    let analysis: AnalysisSettings
    let seriesViews: SeriesViewMemo

    static var batchSize: Int { 2000 }

    enum Format: String, CaseIterable {
        case csv, jsonl, geojson

        var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .jsonl: "application/x-ndjson; charset=utf-8"
            case .geojson: "application/geo+json; charset=utf-8"
            }
        }
    }

    func register(on router: Router<Context>) {
        for format in Format.allCases {
            router.get("/events.\(format.rawValue)") { request, _ in
                try events(EventQuery(request.parameters), format: format)
            }
        }
        router.get("/series.svg") { request, _ in
            let series = try SeriesRequest(request.parameters)
            let download = request.parameters["download"] != nil
            let rendered = try await cache.response(key: request.uri.description, token: store.changeToken()) {
                var reply = Reply.body(
                    ChartRendering.seriesSVG(try series.load(from: store, settings: analysis, memo: seriesViews)), contentType: "image/svg+xml; charset=utf-8",
                    filename: download ? series.fileStem + ".svg" : nil)
                reply.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware<Context>.imagePolicy
                return reply
            }
            return rendered
        }
        router.get("/series.csv") { request, _ in
            let series = try SeriesRequest(request.parameters)
            return try await cache.response(key: request.uri.description, token: store.changeToken()) {
                Reply.body(try series.load(from: store, settings: analysis, memo: seriesViews).csv(), contentType: "text/csv; charset=utf-8", filename: series.fileStem + ".csv")
            }
        }
    }

    /// Every event matching `query`, newest first, written batch by batch.
    func events(_ query: EventQuery, format: Format) -> Response {
        let store = self.store
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        headers[.contentDisposition] = "attachment; filename=\"watchfloor-events.\(format.rawValue)\""
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            var filter = query.filter
            filter.limit = Self.batchSize
            filter.order = .newest
            var first = true
            if format == .geojson { try await writer.write(ByteBuffer(string: "{\"type\":\"FeatureCollection\",\"features\":[\n")) }
            while true {
                let batch = try store.events(filter)
                var chunk: String
                switch format {
                case .csv:
                    chunk = EventExport.csv(batch)
                    if !first { chunk.removeFirst(CSVOutput.row(EventExport.csvHeader).count) }
                case .jsonl:
                    chunk = try EventExport.jsonLines(batch)
                case .geojson:
                    let features = try EventExport.geoJSONFeatures(batch)
                    chunk = features.isEmpty ? "" : (first ? "" : ",\n") + features.joined(separator: ",\n")
                    if !features.isEmpty { first = false }
                }
                if format != .geojson { first = false }
                if !chunk.isEmpty { try await writer.write(ByteBuffer(string: chunk)) }
                guard batch.count == Self.batchSize, let last = batch.last, let id = last.event.id else { break }
                filter.after = EventFilter.Cursor(day: last.day, id: id)
            }
            if format == .geojson { try await writer.write(ByteBuffer(string: "\n]}\n")) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
