import Foundation

/// A moving-window test on a proportion: on each day, the share of "successes" among the
/// (weighted) reports of the last ``Settings/windowDays`` against the share over the
/// ``Settings/baselineDays`` before that window, each as a Beta posterior. A shift is raised on
/// the first day the window's credible interval lies wholly above the baseline's — the share has
/// moved *clearly* above its baseline — and lasts, as one episode, until the two intervals have
/// overlapped again for a whole window. The test is silent until the baseline spans at least half
/// of its days: a share against a few weeks of history is not a shift.
///
/// Hollow gratitude (W2) uses it with successes = gratitude reported as coerced, failures =
/// gratitude reported as sincere; the narrative gap (W4) with successes = provincial reports of
/// strain, failures = central-narrative reports.
///
/// ```swift
/// let test = ShareShiftTest(settings: .init(windowDays: 60, baselineDays: 180))
/// let shifts = test.scan(successes: coerced.values, failures: sincere.values)
/// shifts.first?.probability    // P(window share > baseline share)
/// ```
public struct ShareShiftTest: Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        public var windowDays: Int
        public var baselineDays: Int
        /// The credible level of both intervals (0.9: 5% and 95% quantiles).
        public var interval: Double
        /// Beta prior on the share.
        public var priorSuccesses: Double
        public var priorFailures: Double
        /// Minimum (weighted) reports in the window and in the baseline for the test to speak.
        public var minimumWindow: Double
        public var minimumBaseline: Double
        /// Minimum successes and failures in the window (W4 needs the narrative still running).
        public var minimumWindowSuccesses: Double
        public var minimumWindowFailures: Double

        public init(
            windowDays: Int = 60, baselineDays: Int = 180, interval: Double = 0.9, priorSuccesses: Double = 1,
            priorFailures: Double = 1, minimumWindow: Double = 5, minimumBaseline: Double = 5,
            minimumWindowSuccesses: Double = 1, minimumWindowFailures: Double = 0
        ) {
            precondition(windowDays >= 1 && baselineDays >= 1, "windows are at least a day long")
            precondition(interval > 0 && interval < 1, "the credible level is in (0, 1)")
            self.windowDays = windowDays
            self.baselineDays = baselineDays
            self.interval = interval
            self.priorSuccesses = priorSuccesses
            self.priorFailures = priorFailures
            self.minimumWindow = minimumWindow
            self.minimumBaseline = minimumBaseline
            self.minimumWindowSuccesses = minimumWindowSuccesses
            self.minimumWindowFailures = minimumWindowFailures
        }
    }

    /// One episode of a share clearly above its baseline.
    public struct Shift: Hashable, Sendable {
        /// Estimated first day of the higher share: the split of the days considered that best
        /// separates a lower share from a higher one (maximum likelihood, two Bernoulli segments).
        public var onset: Int
        public var detected: Int
        /// The last day the intervals were apart.
        public var last: Int
        public var ongoing: Bool
        /// The window's and the baseline's posteriors on the detection day.
        public var window: BetaDistribution
        public var baseline: BetaDistribution
        public var windowSuccesses: Double
        public var windowTotal: Double
        public var baselineSuccesses: Double
        public var baselineTotal: Double
        /// P(window share > baseline share) on the detection day, and its highest in the episode.
        public var probability: Double
        public var peakProbability: Double
    }

    public let settings: Settings

    public init(settings: Settings) {
        self.settings = settings
    }

    public func scan(successes: [Double], failures: [Double]) -> [Shift] {
        precondition(successes.count == failures.count, "one success and one failure count per day")
        let n = successes.count
        let s = PrefixSums(successes)
        let f = PrefixSums(failures)
        let w = settings.windowDays
        let b = settings.baselineDays
        let prior = BetaDistribution(alpha: settings.priorSuccesses, beta: settings.priorFailures)
        let tail = (1 - settings.interval) / 2
        var shifts: [Shift] = []
        var open: Int?
        for t in 0..<n {
            let windowStart = max(0, t - w + 1)
            let baselineStart = max(0, windowStart - b)
            let ws = s[windowStart..<(t + 1)]
            let wf = f[windowStart..<(t + 1)]
            let bs = s[baselineStart..<windowStart]
            let bf = f[baselineStart..<windowStart]
            var apart = false
            var window = prior
            var baseline = prior
            if ws + wf >= settings.minimumWindow, bs + bf >= settings.minimumBaseline,
                ws >= settings.minimumWindowSuccesses, wf >= settings.minimumWindowFailures,
                windowStart - baselineStart >= (b + 1) / 2
            {
                window = prior.updated(successes: ws, failures: wf)
                baseline = prior.updated(successes: bs, failures: bf)
                // The baseline's upper bound is cheaper to beat than to compute twice: test the
                // window's lower bound against the baseline's mean first.
                if window.quantile(tail) > baseline.mean {
                    apart = window.quantile(tail) > baseline.quantile(1 - tail)
                }
            }
            if apart {
                if let o = open {
                    shifts[o].last = t
                    let p = window.probabilityExceeds(baseline)
                    if p > shifts[o].peakProbability { shifts[o].peakProbability = p }
                } else {
                    let p = window.probabilityExceeds(baseline)
                    shifts.append(
                        Shift(
                            onset: onset(s: s, f: f, from: baselineStart, to: t + 1, earliest: windowStart - b / 2),
                            detected: t, last: t, ongoing: true, window: window, baseline: baseline,
                            windowSuccesses: ws, windowTotal: ws + wf, baselineSuccesses: bs, baselineTotal: bs + bf,
                            probability: p, peakProbability: p))
                    open = shifts.count - 1
                }
            } else if let o = open, t - shifts[o].last >= w {
                shifts[o].ongoing = false
                open = nil
            }
        }
        if let o = open, n - 1 - shifts[o].last >= w { shifts[o].ongoing = false }
        return shifts
    }

    /// The day in `earliest...` that best splits days `from..<to` into a lower then a higher share.
    private func onset(s: PrefixSums, f: PrefixSums, from: Int, to: Int, earliest: Int) -> Int {
        func logLikelihood(_ successes: Double, _ failures: Double) -> Double {
            let total = successes + failures
            guard total > 0 else { return 0 }
            var value = 0.0
            if successes > 0 { value += successes * log(successes / total) }
            if failures > 0 { value += failures * log(failures / total) }
            return value
        }
        var best = max(from + 1, earliest)
        var bestValue = -Double.infinity
        for d in max(from + 1, earliest)..<to {
            // Only a day with reports can open the new segment.
            guard s[d..<(d + 1)] + f[d..<(d + 1)] > 0 else { continue }
            let (bs, bf) = (s[from..<d], f[from..<d])
            let (as_, af) = (s[d..<to], f[d..<to])
            // The split must put the higher share after it.
            guard bs + bf == 0 || as_ / (as_ + af) > bs / (bs + bf) else { continue }
            let value = logLikelihood(bs, bf) + logLikelihood(as_, af)
            if value > bestValue {
                bestValue = value
                best = d
            }
        }
        return best
    }
}

