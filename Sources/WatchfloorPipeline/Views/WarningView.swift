import Watchfloor
import WatchfloorAnalysis
import WatchfloorStore

/// A warning with everything behind it: the series around its onset and the events that drove
/// it, each with the sentence it came from and its source.
public struct WarningView: Sendable {
    public var warning: Warning
    /// The series the warning was raised on (see ``AnalysisSettings/selections(for:)``), from
    /// before the onset to after detection, with the analysis' change points and silences.
    public var series: [SeriesView]
    /// The supporting events as they stand now: an event an analyst has reviewed shows as the
    /// review (accepted, edited or rejected).
    public var events: [StoredEvent]
    /// Supporting events beyond ``eventLimit`` (not loaded).
    public var moreEvents: Int
    /// Supporting event ids no longer in the store (their document was recoded and the event
    /// not coded again).
    public var missingEvents: [Int64]

    public static let eventLimit = 200
    /// Days of series shown before the onset.
    public static let daysBefore = 120
    /// Days shown after detection.
    public static let daysAfter = 30

    public static func load(
        from store: any Store, id: Int64, settings: AnalysisSettings, granularity: SeriesView.Granularity = .day
    ) throws -> WarningView? {
        let warnings = try store.warnings()
        guard let warning = warnings.first(where: { $0.id == id }) else { return nil }
        let lastDay = try store.lastPublicationDay() ?? warning.detectedOn
        let first = warning.onset.adding(days: -daysBefore)
        let last = max(min(warning.detectedOn.adding(days: daysAfter), lastDay), warning.detectedOn)
        let window = DayInterval(first: first, last: max(last, first))
        let series = try SeriesView.load(
            from: store, selections: Array(settings.selections(for: warning).prefix(4)), settings: settings,
            granularity: granularity, window: window, warnings: warnings)

        let wanted = Array(warning.events.prefix(eventLimit))
        var byID: [Int64: StoredEvent] = [:]
        for event in try store.events(EventFilter(ids: wanted, includeRejected: true)) { byID[event.event.id!] = event }
        for id in wanted where byID[id] == nil {
            // A machine event superseded by a review: show the analyst's version.
            if let review = try store.review(ofEvent: id) { byID[id] = review.event }
        }
        return WarningView(
            warning: warning, series: series, events: wanted.compactMap { byID[$0] },
            moreEvents: max(warning.events.count - eventLimit, 0), missingEvents: wanted.filter { byID[$0] == nil })
    }
}

/// The warnings list, filtered.
public struct WarningList: Sendable {
    public var warnings: [Warning]
    public var kind: WarningKind?
    public var province: Province?

    public static func load(from store: any Store, parameters: QueryParameters) throws -> WarningList {
        let kind = try parameters.choice("kind", WarningKind.self)
        let province = try parameters.province()
        let national = parameters["province"]?.lowercased() == "none"
        let warnings = try store.warnings().filter { warning in
            (kind == nil || warning.kind == kind) && (province == nil || warning.province == province)
                && (!national || warning.province == nil)
        }
        return WarningList(warnings: warnings, kind: kind, province: province)
    }
}
