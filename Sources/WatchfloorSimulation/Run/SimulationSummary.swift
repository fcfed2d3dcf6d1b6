import Watchfloor

/// `summary.json`: what was run, how much reporting it produced, and the strain horizon.
public struct SimulationSummary: Encodable, Sendable {
    public struct Horizon: Encodable, Sendable {
        public var unit = "weeks"
        public var definition: String
        public var threshold: Double
        // Unknown values are written as null, never left out.
        @ExplicitNull public var median: Double?
        @ExplicitNull public var p10: Double?
        @ExplicitNull public var p90: Double?
        /// The day the median week starts, when it is known.
        @ExplicitNull public var medianDate: String?
        public var runs: Int
        public var crossed: Int
        public var weeksByRun: [Int?]

        enum CodingKeys: String, CodingKey {
            case unit, definition, threshold, median, p10, p90, runs, crossed
            case medianDate = "median_date"
            case weeksByRun = "weeks_by_run"
        }
    }

    public struct Final: Encodable, Sendable {
        public var week: Int
        public var bereaved: Int
        public var resentfulShare: Double
        public var discontentShare: Double
        public var giftsLastWeek: Int
        public var budgetSpentTotal: Double

        enum CodingKeys: String, CodingKey {
            case week, bereaved
            case resentfulShare = "resentful_share"
            case discontentShare = "discontent_share"
            case giftsLastWeek = "gifts_last_week"
            case budgetSpentTotal = "budget_spent_total"
        }
    }

    public var scenario: String
    public var description: String
    public var seed: UInt64
    public var start: String
    public var weeks: Int
    public var families: Int
    public var documents: Int
    public var documentsByOutlet: [String: Int]
    public var documentsByLanguage: [String: Int]
    public var syndicatedCopies: Int
    /// Original stories that could not be worded apart from an earlier one (the store may fold
    /// them into its cluster).
    public var similarOriginals: Int
    public var falseReports: Int
    public var labelledEvents: Int
    public var shifts: Int
    public var strainHorizon: Horizon
    public var final: Final

    enum CodingKeys: String, CodingKey {
        case scenario, description, seed, start, weeks, families, documents, shifts, final
        case documentsByOutlet = "documents_by_outlet"
        case documentsByLanguage = "documents_by_language"
        case syndicatedCopies = "syndicated_copies"
        case similarOriginals = "similar_originals"
        case falseReports = "false_reports"
        case labelledEvents = "labelled_events"
        case strainHorizon = "strain_horizon"
    }

    public init(_ run: SimulationRun) {
        let scenario = run.scenario
        self.scenario = scenario.name
        description = scenario.summary.trimmingWhitespace()
        seed = run.seed
        start = scenario.start.description
        weeks = scenario.weeks
        families = scenario.families
        documents = run.documents.count
        documentsByOutlet = Dictionary(grouping: run.documents, by: { $0.record.outlet ?? "unknown" }).mapValues(\.count)
        documentsByLanguage = Dictionary(grouping: run.documents, by: { $0.record.language?.rawValue ?? "unknown" }).mapValues(\.count)
        syndicatedCopies = run.documents.count { $0.syndicatedFrom != nil }
        similarOriginals = run.similarOriginals
        falseReports = run.documents.count { $0.falseReport && $0.syndicatedFrom == nil }
        labelledEvents = run.documents.reduce(0) { $0 + $1.events.count }
        shifts = run.shifts.count
        let horizon = run.horizon
        strainHorizon = Horizon(
            definition: "first week in which at least \(scenario.strain.threshold) of bereaved families are privately resentful (with at least \(scenario.strain.minimumBereaved) bereaved)",
            threshold: horizon.threshold, median: horizon.median, p10: horizon.p10, p90: horizon.p90,
            medianDate: horizon.median.map { scenario.day(ofWeek: Int($0.rounded(.down))).description },
            runs: horizon.runs, crossed: horizon.crossed, weeksByRun: horizon.weeks)
        let last = run.truth.national.last ?? ProvinceWeek(week: 0, province: nil)
        final = Final(
            week: last.week, bereaved: last.bereaved, resentfulShare: (last.resentfulShare * 10000).rounded() / 10000,
            discontentShare: (last.discontentShare * 10000).rounded() / 10000, giftsLastWeek: last.gifts,
            budgetSpentTotal: (run.truth.national.reduce(0) { $0 + $1.budgetSpent } * 100).rounded() / 100)
    }
}
