/// The strain horizon over several runs: when the share of privately resentful bereaved
/// families first reaches the scenario's threshold, as a distribution over seeds.
///
/// Runs that never cross are counted as crossing after the end: a percentile that falls among
/// them is `nil` ("not within the run"), never a made-up number.
public struct StrainHorizon: Sendable, Equatable {
    /// The week of crossing in each run, `nil` where it never crossed.
    public var weeks: [Int?]
    public var threshold: Double

    public init(weeks: [Int?], threshold: Double) {
        self.weeks = weeks
        self.threshold = threshold
    }

    public var runs: Int { weeks.count }
    public var crossed: Int { weeks.count { $0 != nil } }

    public var median: Double? { percentile(0.5) }
    public var p10: Double? { percentile(0.1) }
    public var p90: Double? { percentile(0.9) }

    /// The `q`-quantile with linear interpolation between order statistics (NumPy's default);
    /// `nil` when it involves a run that never crossed.
    public func percentile(_ q: Double) -> Double? {
        guard !weeks.isEmpty else { return nil }
        let sorted = weeks.map { $0.map(Double.init) ?? .infinity }.sorted()
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Int(position.rounded(.up))
        guard sorted[upper].isFinite else { return nil }
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
