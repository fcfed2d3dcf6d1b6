import WatchfloorPipeline

// The JSON the API answers with, as described by `/api/v1/openapi.yaml` (OpenAPIDocument.swift).
// Optional values are written as `null`, never left out, so that every key is always present.

struct APIWarning: Encodable {
    var warning: Warning

    enum CodingKeys: String, CodingKey {
        case id, kind, title, province, types, onset, score, explanation, events, figures
        case detectedOn = "detected_on"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(warning.id, forKey: .id)
        try c.encode(warning.kind.rawValue, forKey: .kind)
        try c.encode(warning.kind.title, forKey: .title)
        try c.encode(warning.province?.code, forKey: .province)
        try c.encode(warning.types.map(\.rawValue), forKey: .types)
        try c.encode(warning.onset, forKey: .onset)
        try c.encode(warning.detectedOn, forKey: .detectedOn)
        try c.encode(warning.score, forKey: .score)
        try c.encode(warning.explanation, forKey: .explanation)
        try c.encode(warning.events, forKey: .events)
        try c.encode(warning.figures, forKey: .figures)
    }
}

struct APIWarningList: Encodable {
    var warnings: [APIWarning]
}

struct APIWarningDetail: Encodable {
    var warning: APIWarning
    var series: [APISeries]
    var events: [EventRecord]
}

struct APIEventPage: Encodable {
    var events: [EventRecord]
    var count: Int
    var countExact: Bool
    var limit: Int
    var offset: Int
    var next: String?

    enum CodingKeys: String, CodingKey {
        case events, count, limit, offset, next
        case countExact = "count_exact"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(events, forKey: .events)
        try c.encode(count, forKey: .count)
        try c.encode(countExact, forKey: .countExact)
        try c.encode(limit, forKey: .limit)
        try c.encode(offset, forKey: .offset)
        try c.encode(next, forKey: .next)
    }
}

struct APISeries: Encodable {
    var view: SeriesView

    struct Point: Encodable {
        var start: Day
        var days: Int
        var value: Double
    }

    struct Change: Encodable {
        var mark: SeriesView.ChangeMark

        enum CodingKeys: String, CodingKey {
            case day, direction, probability, warning
            case detectedOn = "detected_on"
            case rateBefore = "rate_before"
            case rateAfter = "rate_after"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mark.change.location, forKey: .day)
            try c.encode(mark.change.detectedOn, forKey: .detectedOn)
            try c.encode(mark.change.direction.rawValue, forKey: .direction)
            try c.encode(min(max(mark.change.probability, 0), 1), forKey: .probability)
            try c.encode(mark.change.rateBefore, forKey: .rateBefore)
            try c.encode(mark.change.rateAfter, forKey: .rateAfter)
            try c.encode(mark.warning, forKey: .warning)
        }
    }

    struct Silence: Encodable {
        var span: SeriesView.SilenceSpan

        enum CodingKeys: String, CodingKey {
            case first, last, ongoing, expected, warning
            case detectedOn = "detected_on"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(span.interval.first, forKey: .first)
            try c.encode(span.interval.last, forKey: .last)
            try c.encode(span.detectedOn, forKey: .detectedOn)
            try c.encode(span.ongoing, forKey: .ongoing)
            try c.encode(span.expected, forKey: .expected)
            try c.encode(span.warning, forKey: .warning)
        }
    }

    struct Coverage: Encodable {
        var day: Day
        var source: String
        var kind: String
    }

    enum CodingKeys: String, CodingKey {
        case type, types, province, granularity, first, last, total, points, silences, coverage
        case asOf = "as_of"
        case changePoints = "change_points"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // `type` is the first of `types` (the only one unless several are counted together).
        try c.encode(view.selection.types[0].rawValue, forKey: .type)
        try c.encode(view.selection.types.map(\.rawValue), forKey: .types)
        try c.encode(view.selection.province?.code, forKey: .province)
        try c.encode(view.granularity.rawValue, forKey: .granularity)
        try c.encode(view.asOf, forKey: .asOf)
        try c.encode(view.window?.first, forKey: .first)
        try c.encode(view.window?.last, forKey: .last)
        try c.encode(view.total, forKey: .total)
        try c.encode(view.bins.map { Point(start: $0.start, days: $0.days, value: $0.value) }, forKey: .points)
        try c.encode(view.changePoints.map(Change.init), forKey: .changePoints)
        try c.encode(view.silenceSpans.map(Silence.init), forKey: .silences)
        try c.encode(
            view.coverageChanges.map { Coverage(day: $0.day, source: $0.source, kind: $0.kind.rawValue) }, forKey: .coverage)
    }
}

struct APISource: Encodable {
    var name: String
    var kind: String
    var reliability: String

    init(_ source: Source) {
        name = source.name
        kind = source.kind.rawValue
        reliability = source.reliability.rawValue
    }
}

struct APIDocument: Encodable {
    var view: DocumentView

    enum CodingKeys: String, CodingKey {
        case id, url, title, source, published, language, text, cluster, events
        case externalID = "external_id"
        case clusterMembers = "cluster_members"
    }

    func encode(to encoder: any Encoder) throws {
        let document = view.stored.document
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document.id.rawValue, forKey: .id)
        try c.encode(document.externalID, forKey: .externalID)
        try c.encode(document.url, forKey: .url)
        try c.encode(document.title, forKey: .title)
        try c.encode(APISource(view.stored.sourceInfo), forKey: .source)
        try c.encode(document.published, forKey: .published)
        try c.encode(document.language.rawValue, forKey: .language)
        try c.encode(document.text, forKey: .text)
        try c.encode(view.stored.cluster.rawValue, forKey: .cluster)
        try c.encode(view.stored.clusterMembers.map(\.rawValue), forKey: .clusterMembers)
        try c.encode(view.events.map(EventRecord.init), forKey: .events)
    }
}

struct APIDocumentList: Encodable {
    struct Summary: Encodable {
        var cursor: Int64
        var document: Document
        var source: Source

        enum CodingKeys: String, CodingKey { case cursor, id, title, source, published, language }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(cursor, forKey: .cursor)
            try c.encode(document.id.rawValue, forKey: .id)
            try c.encode(document.title, forKey: .title)
            try c.encode(APISource(source), forKey: .source)
            try c.encode(document.published, forKey: .published)
            try c.encode(document.language.rawValue, forKey: .language)
        }
    }

    var documents: [Summary]
    var next: String?

    enum CodingKeys: String, CodingKey { case documents, next }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documents, forKey: .documents)
        try c.encode(next, forKey: .next)
    }
}

struct APISearch: Encodable {
    struct Match: Encodable {
        var start: Int
        var end: Int
    }

    struct Hit: Encodable {
        var found: SearchResults.Hit

        enum CodingKeys: String, CodingKey { case document, title, source, published, score, snippet, matches }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(found.hit.document.rawValue, forKey: .document)
            try c.encode(found.hit.title, forKey: .title)
            try c.encode(found.hit.source, forKey: .source)
            try c.encode(found.hit.published, forKey: .published)
            try c.encode(found.hit.score, forKey: .score)
            try c.encode(found.snippet.segments.map(\.text).joined(), forKey: .snippet)
            var offset = 0
            var matches: [Match] = []
            for segment in found.snippet.segments {
                let length = segment.text.unicodeScalars.count
                if segment.marks.contains(where: { $0.kind == .match }) {
                    if let last = matches.last, last.end == offset {
                        matches[matches.count - 1].end += length
                    } else {
                        matches.append(Match(start: offset, end: offset + length))
                    }
                }
                offset += length
            }
            try c.encode(matches, forKey: .matches)
        }
    }

    var query: String
    var hits: [Hit]
    /// The index was left stale by a stopped ingest: hits may be missing (`watchfloor reindex`).
    var indexStale: Bool

    enum CodingKeys: String, CodingKey { case query, hits, indexStale = "index_stale" }
}
