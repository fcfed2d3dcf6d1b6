import Watchfloor

/// The detector run over a whole series, day by day, as if the analysis had run every day.
///
/// ```swift
/// let scan = ChangePointScan(counts: [3, 4, 2, 5, 0, 0, 1, 0, 0, 0], configuration: .default)
/// scan.alarms.first?.direction   // .drop, if the evidence was strong enough
/// ```
public struct ChangePointScan: Sendable {
    public var alarms: [ChangeAlarm]
    /// Per day: the most probable number of days in the current regime. Empty unless traced.
    public var runLengths: [Int32]
    /// Per day: the posterior probability of a change within the last `recentDays`. Empty unless traced.
    public var changeProbabilities: [Double]
    /// Per day: the most probable regime's rate (per unit of exposure). Empty unless traced.
    public var rates: [Double]
    /// Run-length hypotheses kept per day, on average and at most: the cost of the scan.
    public var meanHypotheses: Double
    public var maxHypotheses: Int

    /// Runs a fresh detector over `counts` (with `exposures`, one per day, or full coverage).
    /// `trace` keeps the per-day outputs for charts and exports.
    public init(
        counts: [Double], exposures: [Double]? = nil, configuration: PoissonGammaBOCPD.Configuration = .default,
        trace: Bool = false
    ) {
        precondition(exposures == nil || exposures!.count == counts.count, "one exposure per day")
        var detector = PoissonGammaBOCPD(configuration: configuration)
        var alarms: [ChangeAlarm] = []
        var open: Int?  // the alarm whose episode is still running
        var hypotheses = 0
        var most = 0
        runLengths = []
        changeProbabilities = []
        rates = []
        if trace {
            runLengths.reserveCapacity(counts.count)
            changeProbabilities.reserveCapacity(counts.count)
            rates.reserveCapacity(counts.count)
        }
        for t in counts.indices {
            let step = detector.update(count: counts[t], exposure: exposures?[t] ?? 1)
            let kept = detector.hypothesisCount
            hypotheses += kept
            if kept > most { most = kept }
            if trace {
                runLengths.append(Int32(clamping: step.runLength))
                changeProbabilities.append(step.changeProbability)
                rates.append(step.rate)
            }
            if let alarm = step.alarm {
                alarms.append(alarm)
                open = alarms.count - 1
            } else if let o = open {
                // Follow the alarmed change while it is young: its probability may still grow and
                // its first day be placed better with the days seen since.
                if let reported = step.reportedChange, t - alarms[o].index <= configuration.recentDays {
                    if reported.probability > alarms[o].peakProbability {
                        alarms[o].peakProbability = reported.probability
                        // Never after the alarm's own day: a change is not placed after it was
                        // detected (an onset past detection built a backwards interval and
                        // stopped ingest's analysis; found by the soak).
                        alarms[o].refinedLocation = min(reported.location, alarms[o].index)
                    }
                } else {
                    open = nil
                }
            }
        }
        self.alarms = alarms
        meanHypotheses = counts.isEmpty ? 0 : Double(hypotheses) / Double(counts.count)
        maxHypotheses = most
    }
}
