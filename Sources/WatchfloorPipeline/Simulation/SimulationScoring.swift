import Foundation
import Watchfloor
import WatchfloorAnalysis
import WatchfloorSimulation
import WatchfloorStore

/// `watchfloor simulate … --score`: closes the loop. The simulated reporting is ingested into a
/// fresh database and coded as any reporting would be, the warnings are raised, and both are
/// scored against the truth the simulation wrote: the coder against the labelled events of every
/// document, the warnings against the injected shifts (the named changes) and against every
/// change of at least 50% that `truth/expected.csv` shows in what a warning kind watches (the
/// real changes, named or not: see ``WarningScorer``). Detection delay and false alarms per kind.
public struct SimulationScoring: Sendable {
    public struct Result: Sendable {
        public var database: String
        public var ingest: IngestSummary
        public var coding: EvaluationRun
        public var warnings: [Warning]
        public var warningScore: WarningScore
        public var period: DayInterval?
        /// Scopes the warnings may be about: the nation and the provinces with reporting.
        public var scopes: Int
        /// The same analysis and scoring on the gold labels instead of the coder's events: what
        /// the analysis stage finds by itself.
        public var goldCodingWarnings: [Warning]
        public var goldCodingScore: WarningScore

        /// The whole result as JSON (`score.json`).
        public func json() throws -> String {
            let warningJSON = try JSONOutput.string(warningScore)
            let ingestJSON = try JSONOutput.string(ingest)
            return """
                {"database": \(try JSONOutput.string(database)),
                 "period": \(period.map { "[\"\($0.first)\", \"\($0.last)\"]" } ?? "null"),
                 "scopes": \(scopes),
                 "ingest": \(ingestJSON),
                 "coding": \(EvaluationOutput.json(coding, errors: false)),
                 "warnings": \(warningJSON),
                 "raised": \(try JSONOutput.string(warnings.map(WarningRecord.init))),
                 "gold_coding": {"warnings": \(try JSONOutput.string(goldCodingScore)),
                                 "raised": \(try JSONOutput.string(goldCodingWarnings.map(WarningRecord.init)))}}
                """
        }
    }

    public var context: PipelineContext

    public init(context: PipelineContext) {
        self.context = context
    }

    /// Scores the simulation output in `folder` (as `SimulationOutput.write` leaves it), building
    /// `folder/score.sqlite` afresh.
    public func run(folder: URL) throws -> Result {
        let path = folder.appendingPathComponent("score.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try SQLiteStore(path: path)
        let ingest = try context.ingestor(store: store, options: IngestOptions())
            .run(paths: [folder.appendingPathComponent("reporting.jsonl").path])
        let warnings = try context.warnings(store: store).run(force: true)
        let labelled = try GoldFile.read(folder.appendingPathComponent("truth/labels.jsonl"))
        let coding = EvaluationRun(gold: labelled, coder: context.coder)
        let shifts = try InjectedShift.load(contentsOf: folder.appendingPathComponent("truth/shifts.json"))
        let latent = try Self.latentTruth(folder: folder, watches: context.analysis.latentWatches)
        let status = try store.status()
        let period = status.firstPublished.flatMap { first in status.lastPublished.map { DayInterval(first: first, last: $0) } }
        let gold = try GoldCodedReporting(labels: folder.appendingPathComponent("truth/labels.jsonl"), registry: context.registry)
        let goldWarnings = period.map {
            WarningEngine(settings: context.analysis).warnings(facts: gold.facts, coverage: gold.coverage, asOf: $0.last)
        } ?? []
        let scorer = WarningScorer()
        return Result(
            database: path, ingest: ingest, coding: coding, warnings: warnings,
            warningScore: scorer.score(warnings: warnings, shifts: shifts, latent: latent, period: period),
            period: period, scopes: 1 + Set(warnings.compactMap(\.province)).union(latent?.expected.provinces ?? []).count,
            goldCodingWarnings: goldWarnings,
            goldCodingScore: scorer.score(warnings: goldWarnings, shifts: shifts, latent: latent, period: period))
    }

    /// The real changes of the run, from `truth/expected.csv` (`nil` for output written before
    /// the simulation wrote one: then only the named shifts are scored).
    static func latentTruth(folder: URL, watches: [LatentWatch]) throws -> LatentTruth? {
        let file = folder.appendingPathComponent("truth/expected.csv")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        var weeks: Int?
        if let data = try? Data(contentsOf: folder.appendingPathComponent("summary.json")),
            let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            weeks = summary["weeks"] as? Int
        }
        let expected = try ExpectedReporting(csv: String(contentsOf: file, encoding: .utf8), file: file.path, weeks: weeks)
        return LatentTruth(expected: expected, watches: watches)
    }
}
