/// W3: a series that used to report regularly and stops. On each day of a run of empty days the
/// detector asks how probable that run is under the series' own recent rate — the reports in the
/// ``Settings/baselineDays`` before the run, as a Gamma–Poisson posterior — with the days
/// weighted by coverage, so that days on which the series' outlets were quiet on everything
/// (exposure 0) count for nothing:
///
///     p = P(no report over the run) = (β / (β + E_run))^α,   α = α₀ + k_baseline,  β = E_baseline
///
/// **Multiple testing.** A series is watched every day for years, and between any two reports
/// there is a gap: some gap as improbable as `p` turns up by chance about once in `1/p` gaps.
/// What matters is how often a gap this long happens by chance *in this series*: at λ
/// independent stories a day (stories over clusters, see ``Overdispersion``) there are 365·λ gaps
/// a year, so
///
///     chance = p · 365 · λ        (expected chance gaps at least this long per series-year)
///
/// **Score.** Against the prior rate of real stops, π per series-year (``Settings/priorStopsPerYear``,
/// an assumption), the probability that the silence is a real stop is
///
///     P(real) = π / (π + chance)
///
/// The silence is raised on the first day P(real) reaches ``Settings/alarmProbability`` (and the
/// run has lasted ``Settings/minimumRunDays``), which caps the false alarms of one series at
/// π (1 − s) / s a year; its score is updated as it goes on.
///
/// **A stray report.** A programme that stopped is still reported now and then: a story of an
/// earlier gift published late, a false report, a copy. So a silence may hold up to
/// ``Settings/toleratedReports`` reports: a spell of `k` reports is judged by P(at most `k` reports
/// over the spell) (the negative binomial's distribution function), each of the `k + 1` possible
/// starts counted as a test (the chance frequency is multiplied by `k + 1`). A silence lasts while
/// its spell stays that improbable, and ends with the report that makes it probable again.
///
/// ```swift
/// let silences = SilenceDetector(settings: .default).scan(counts: daily.values, exposures: exposure)
/// silences.first?.expected     // reports the recent rate predicted over the run so far
/// silences.first?.score        // P(real stop)
/// ```
public struct SilenceDetector: Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        /// Days before the run that set the series' recent rate.
        public var baselineDays: Int
        /// The baseline must hold at least this many reports: the series "used to report regularly".
        public var minimumBaselineEvents: Int
        /// A run shorter than this is never a silence, however busy the series was.
        public var minimumRunDays: Int
        /// How often a series that was reported regularly really stops, per series-year (π).
        public var priorStopsPerYear: Double
        /// P(real stop) at which a silence is raised.
        public var alarmProbability: Double
        /// α₀ of the Gamma prior on the rate (β₀ = 0: the baseline alone sets the scale).
        public var priorShape: Double
        /// Reports a silence may hold (late stories of earlier gifts, false reports).
        public var toleratedReports: Int

        public init(
            baselineDays: Int = 90, minimumBaselineEvents: Int = 6, minimumRunDays: Int = 10,
            priorStopsPerYear: Double = 0.2, alarmProbability: Double = 0.8, priorShape: Double = 0.5,
            toleratedReports: Int = 2
        ) {
            self.toleratedReports = toleratedReports
            self.baselineDays = baselineDays
            self.minimumBaselineEvents = minimumBaselineEvents
            self.minimumRunDays = minimumRunDays
            self.priorStopsPerYear = priorStopsPerYear
            self.alarmProbability = alarmProbability
            self.priorShape = priorShape
        }

        /// The false silences a series raises a year at most, by chance alone: π (1 − s) / s.
        public var falseAlarmsPerSeriesYear: Double { priorStopsPerYear * (1 - alarmProbability) / alarmProbability }

        /// P(real stop) of a run whose probability at the recent rate is `p`, in a series of
        /// `independentPerDay` stories a day.
        public func score(probability p: Double, independentPerDay: Double) -> Double {
            let chance = p * 365 * max(independentPerDay, 1.0 / 365)
            return priorStopsPerYear / (priorStopsPerYear + chance)
        }

        public static let `default` = Settings()
    }

    /// A run of empty days that the series' recent rate made improbable.
    public struct Silence: Hashable, Sendable {
        /// Index of the first empty day.
        public var first: Int
        /// Index of the day the run became improbable enough (the detection day).
        public var detected: Int
        /// Index of the last empty day (the series' last day when the silence is ongoing).
        public var last: Int
        public var ongoing: Bool
        /// Reports and coverage-weighted days in the baseline before the run.
        public var baselineEvents: Double
        public var baselineExposure: Double
        /// P(no report over the run) on the detection day, and over the whole run.
        public var probabilityAtDetection: Double
        public var probability: Double
        /// Reports the recent rate predicted over the run up to detection, and over the whole run.
        public var expectedAtDetection: Double
        public var expected: Double
        /// Chance gaps at least this long expected per series-year, at detection and over the run.
        public var chancePerYearAtDetection: Double
        public var chancePerYear: Double
        /// P(real stop): at detection, and now (over the whole run).
        public var scoreAtDetection: Double
        public var score: Double

        /// Reports per day of full coverage before the run (the posterior mean).
        public var baselineRate: Double { baselineExposure > 0 ? baselineEvents / baselineExposure : 0 }
    }

    public let settings: Settings

    public init(settings: Settings = .default) {
        self.settings = settings
    }

    /// The silences in a daily series (`exposures` one per day, or full coverage throughout).
    /// With `dispersion` (φ per day, see ``Overdispersion``), stories that come in clusters count
    /// as the clusters: the rate is Gamma(α₀ + k/φ, E/φ) and the run's coverage E_run/φ, so
    ///
    ///     P(no report over the run) = (E_b / (E_b + E_run))^(α₀ + k/φ)
    ///
    /// with φ read on the run's first day. A gap between bursts is less surprising than between
    /// independent stories.
    public func scan(counts: [Double], exposures: [Double]? = nil, dispersion: [Double]? = nil) -> [Silence] {
        let n = counts.count
        let countSums = PrefixSums(counts)
        let exposureSums = PrefixSums(exposures ?? [Double](repeating: 1, count: n))
        var silences: [Silence] = []
        var open: Int?  // index into silences of the spell under way, once raised
        var reportDays: [Int] = []  // days with a report, the last few kept

        /// The spell from `start` to `t`: its probability, chance frequency and score, or `nil`
        /// when the baseline before it is too thin.
        func judge(start: Int, through t: Int, tests: Int) -> (p: Double, chance: Double, score: Double, events: Double,
            baseline: Double, expected: Double)?
        {
            let from = max(0, start - settings.baselineDays)
            let events = countSums[from..<start]
            let baselineExposure = exposureSums[from..<start]
            guard events >= Double(settings.minimumBaselineEvents), baselineExposure > 0 else { return nil }
            let phi = dispersion?[start] ?? 1
            let rate = GammaPoisson(shape: settings.priorShape + events / phi, rate: baselineExposure / phi)
            let inside = countSums[start..<(t + 1)]
            let runExposure = exposureSums[start..<(t + 1)]
            let p = rate.probabilityOfAtMost(inside / phi, exposure: runExposure / phi)
            let independentPerDay = events / phi / baselineExposure
            let chance = p * 365 * max(independentPerDay, 1.0 / 365) * Double(tests)
            let score = settings.priorStopsPerYear / (settings.priorStopsPerYear + chance)
            return (p, chance, score, events, baselineExposure, rate.mean * runExposure)
        }

        for t in 0..<n {
            if counts[t] > 0 {
                reportDays.append(t)
                if reportDays.count > settings.toleratedReports + 2 { reportDays.removeFirst() }
            }
            if let o = open {
                let start = silences[o].first
                let inside = Int(countSums[start..<(t + 1)].rounded())
                let tests = min(inside, settings.toleratedReports) + 1
                if inside <= settings.toleratedReports, let now = judge(start: start, through: t, tests: tests),
                    now.score >= settings.alarmProbability
                {
                    silences[o].last = t
                    silences[o].probability = now.p
                    silences[o].expected = now.expected
                    silences[o].chancePerYear = now.chance
                    silences[o].score = max(silences[o].score, now.score)
                    continue
                }
                silences[o].ongoing = false
                open = nil
                if counts[t] == 0 { continue }
            }
            // A silence is raised only once the series has been empty for minimumRunDays; it may
            // then start earlier, holding the stray reports before (candidate starts: the day
            // after each of the last reports, holding 0, 1, … of them).
            guard let lastReport = reportDays.last, t - lastReport >= settings.minimumRunDays else { continue }
            var best: (start: Int, judged: (p: Double, chance: Double, score: Double, events: Double, baseline: Double, expected: Double))?
            for k in 0...settings.toleratedReports {
                let index = reportDays.count - 1 - k
                guard index >= 0 else { break }
                let start = reportDays[index] + 1
                guard start <= t, silences.last.map({ start > $0.last }) ?? true,
                    let judged = judge(start: start, through: t, tests: k + 1)
                else { continue }
                // Ties go to the later start (fewer reports inside): the stop is where reports ended.
                if best == nil || judged.score > best!.judged.score + 1e-9 { best = (start, judged) }
            }
            guard let best, best.judged.score >= settings.alarmProbability else { continue }
            let j = best.judged
            silences.append(
                Silence(
                    first: best.start, detected: t, last: t, ongoing: true, baselineEvents: j.events,
                    baselineExposure: j.baseline, probabilityAtDetection: j.p, probability: j.p,
                    expectedAtDetection: j.expected, expected: j.expected, chancePerYearAtDetection: j.chance,
                    chancePerYear: j.chance, scoreAtDetection: j.score, score: j.score))
            open = silences.count - 1
        }
        return silences
    }
}
