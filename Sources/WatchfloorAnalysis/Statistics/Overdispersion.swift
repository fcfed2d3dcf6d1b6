/// How much burstier than Poisson a series of story counts is, estimated as the series goes.
///
/// Stories come in clusters: one arms shipment is told by the wire, a briefing and the outlets
/// that follow them up; one visit to a province is reported with a second sentence of gratitude.
/// The change and silence detectors model a day's stories as Poisson, which takes each story for
/// independent evidence about the rate; when stories come three to an event, the evidence is
/// about a third of that, and bursts and gaps look like changes. The standard remedy is
/// quasi-likelihood: with dispersion φ = variance / mean, each story and each day of coverage
/// counts 1/φ — the rate's estimate is unchanged, the evidence about it is divided by φ.
///
/// **The estimate.** The series is cut into weeks (seven-day blocks from its first day); for a
/// day in week w, φ is read from the complete, well-covered weeks before w (at most
/// ``windowWeeks``, at least ``minimumWeeks``, else φ = 1), as the variance of the weekly counts
/// over their mean. The variance is half the mean squared difference between weeks two apart (von
/// Neumann's successive differences, at lag two), so that a change in level (two large
/// differences) barely inflates it while bursts (many) do, and a cluster told across a week's end
/// does not hide itself by making neighbouring weeks alike. φ is kept within 1 … ``maximum``: a series is never treated as more regular
/// than Poisson. The estimate uses only weeks already past, so the detectors stay online.
///
/// ```swift
/// let phi = Overdispersion.default.factors(counts: daily, exposures: exposure)
/// phi.last   // ≈ 1 for Poisson counts, ≈ 1 + stories per event for clustered ones
/// ```
public struct Overdispersion: Hashable, Sendable, Codable {
    /// Weeks read back from the current one.
    public var windowWeeks: Int
    /// Below this many usable weeks, φ = 1.
    public var minimumWeeks: Int
    /// φ is at most this.
    public var maximum: Double
    /// A week counts when its coverage (summed exposure) is at least this share of seven days.
    public var minimumCoverage: Double

    public init(windowWeeks: Int = 26, minimumWeeks: Int = 8, maximum: Double = 8, minimumCoverage: Double = 0.8) {
        precondition(minimumWeeks >= 2 && minimumWeeks <= windowWeeks, "need 2 ≤ minimumWeeks ≤ windowWeeks")
        precondition(maximum >= 1, "the maximum dispersion is at least 1")
        self.windowWeeks = windowWeeks
        self.minimumWeeks = minimumWeeks
        self.maximum = maximum
        self.minimumCoverage = minimumCoverage
    }

    public static let `default` = Overdispersion()

    /// φ for each day of the series (`exposures` one per day, or full coverage throughout).
    public func factors(counts: [Double], exposures: [Double]? = nil) -> [Double] {
        let n = counts.count
        var result = [Double](repeating: 1, count: n)
        let weeks = n / 7
        guard weeks > minimumWeeks else { return result }
        // Complete weeks: their stories, and whether coverage was good enough to compare them.
        var weekly: [Double?] = []
        weekly.reserveCapacity(weeks)
        for w in 0..<weeks {
            var stories = 0.0
            var covered = 0.0
            for t in (7 * w)..<(7 * w + 7) {
                stories += counts[t]
                covered += exposures?[t] ?? 1
            }
            weekly.append(covered >= 7 * minimumCoverage ? stories : nil)
        }
        for w in 1..<(n + 6) / 7 {
            let usable = weekly[max(0, w - windowWeeks)..<min(w, weeks)].compactMap { $0 }
            guard usable.count >= minimumWeeks else { continue }
            let phi = Self.dispersion(usable)
            guard phi > 1 else { continue }
            for t in (7 * w)..<min(n, 7 * w + 7) { result[t] = min(maximum, phi) }
        }
        return result
    }

    /// The series as the detectors weigh it: each day's count and coverage divided by its φ
    /// (quasi-likelihood: the rate stays what it was, the evidence about it is divided by φ).
    public func weighed(counts: [Double], exposures: [Double]? = nil)
        -> (counts: [Double], exposures: [Double], factors: [Double])
    {
        let factors = self.factors(counts: counts, exposures: exposures)
        var weighedCounts = counts
        var weighedExposures = exposures ?? [Double](repeating: 1, count: counts.count)
        for t in counts.indices {
            weighedCounts[t] /= factors[t]
            weighedExposures[t] /= factors[t]
        }
        return (weighedCounts, weighedExposures, factors)
    }

    /// Variance over mean of weekly counts, the variance as half the mean squared difference
    /// between weeks two apart: a change in level adds two large differences among many, and a
    /// burst that spills over a week's end (a cluster told over several days) does not make
    /// neighbouring weeks alike, as it would with successive weeks.
    static func dispersion(_ counts: [Double]) -> Double {
        let mean = counts.reduce(0, +) / Double(counts.count)
        guard mean > 0, counts.count >= 3 else { return 1 }
        var squares = 0.0
        for i in 2..<counts.count {
            let d = counts[i] - counts[i - 2]
            squares += d * d
        }
        return squares / (2 * Double(counts.count - 2)) / mean
    }
}
