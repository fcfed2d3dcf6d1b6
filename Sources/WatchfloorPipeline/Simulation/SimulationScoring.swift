import Foundation
import Watchfloor
import WatchfloorAnalysis
import WatchfloorSimulation
import WatchfloorStore

/// `watchfloor simulate … --score`: closes the loop. The simulated reporting is ingested into a
/// fresh database and coded as any reporting would be, the warnings are raised, and both are
/// scored against the truth the simulation wrote: the coder against the labelled events of every
/// document, the warnings against the injected shifts (detection delay and false alarms per kind).
public struct SimulationScoring: Sendable {
    public struct Result: Sendable {
        public var database: String
        public var ingest: IngestSummary
        public var coding: EvaluationRun
        public var warnings: [Warning]
        public var warningScore: WarningScore
        public var period: DayInterval?

        /// The whole result as JSON (`score.json`).
        public func json() throws -> String {
            let warningJSON = try JSONOutput.string(warningScore)
            let ingestJSON = try JSONOutput.string(ingest)
            return """
                {"database": \(try JSONOutput.string(database)),
                 "period": \(period.map { "[\"\($0.first)\", \"\($0.last)\"]" } ?? "null"),
                 "ingest": \(ingestJSON),
                 "coding": \(EvaluationOutput.json(coding, errors: false)),
                 "warnings": \(warningJSON)}
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
        let gold = try GoldFile.read(folder.appendingPathComponent("truth/labels.jsonl"))
        let coding = EvaluationRun(gold: gold, coder: context.coder)
        let shifts = try InjectedShift.load(contentsOf: folder.appendingPathComponent("truth/shifts.json"))
        let status = try store.status()
        let period = status.firstPublished.flatMap { first in status.lastPublished.map { DayInterval(first: first, last: $0) } }
        return Result(
            database: path, ingest: ingest, coding: coding, warnings: warnings,
            warningScore: WarningScorer().score(warnings: warnings, shifts: shifts, period: period), period: period)
    }
}
