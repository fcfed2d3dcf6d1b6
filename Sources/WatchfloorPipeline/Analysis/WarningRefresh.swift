import Foundation
import Watchfloor
import WatchfloorAnalysis
import WatchfloorStore

/// Runs the analysis over a store and keeps its warnings current.
///
/// Warnings are derived data: they are recomputed from the stored events and coverage log
/// whenever those have changed since the last run (ingest, recode and review all change them),
/// and saved so that the dashboard and `watchfloor warnings` read them without recomputing.
///
/// The analysis date is the last publication day in the store, not the wall clock: the warnings
/// are what an analyst would have seen on the day of the newest reporting, and an archive
/// reopened a year later does not turn into a year of silence.
public struct WarningRefresh: Sendable {
    public var store: any Store
    public var settings: AnalysisSettings
    /// Names the settings across runs (see ``PipelineContext/analysisDigest``).
    public var settingsDigest: String

    public init(store: any Store, settings: AnalysisSettings, settingsDigest: String = "default") {
        self.store = store
        self.settings = settings
        self.settingsDigest = settingsDigest
    }

    /// The analysis date to use when none is given.
    public func defaultAsOf() throws -> Day? {
        try store.status().lastPublished
    }

    /// The context every analysis of this store starts from.
    public func context(asOf: Day? = nil) throws -> AnalysisContext? {
        guard let asOf = try asOf ?? defaultAsOf() else { return nil }
        return AnalysisContext(facts: try store.eventFacts(), coverage: try store.coverage(), asOf: asOf, settings: settings)
    }

    /// Recomputes and saves the warnings if the data changed since the last run (or `force`).
    /// Returns the saved warnings.
    @discardableResult
    public func run(asOf: Day? = nil, force: Bool = false) throws -> [Warning] {
        let state = try fingerprint(asOf: asOf)
        if !force, try store.metadata("analysis_state") == state { return try store.warnings() }
        let warnings = try context(asOf: asOf).map { WarningEngine(settings: settings).warnings(in: $0) } ?? []
        let saved = try store.saveWarnings(warnings)
        try store.setMetadata("analysis_state", state)
        return saved
    }

    /// What the warnings depend on: the events (their count and the newest id), the reviews, the
    /// analysis date and the settings.
    private func fingerprint(asOf: Day?) throws -> String {
        let status = try store.status()
        let newest = try store.events(EventFilter(limit: 1, order: .newestID)).first?.event.id ?? 0
        return [
            "\(status.documents)", "\(status.events)", "\(status.reviewedEvents)", "\(newest)",
            asOf?.description ?? "latest", settingsDigest,
        ].joined(separator: "|")
    }
}
