import Watchfloor

/// The prior on a new regime's rate in ``PoissonGammaBOCPD``: a Gamma(shape, rate) distribution.
public enum GammaPrior: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The same Gamma(shape, rate) for every new run (Adams & MacKay's form; `rate` is in days of
    /// full coverage, so the prior mean is `shape / rate` events per day).
    case fixed(shape: Double, rate: Double)
    /// Gamma(shape, shape / m) with m the series' running mean rate up to the day the run starts,
    /// (1 + Σ count) / (1 + Σ exposure): centred on the series' own level, so one setting serves a
    /// series with 0.1 reports a day and one with 50. Causal: it uses only days already seen.
    case empirical(shape: Double)

    public var description: String {
        switch self {
        case .fixed(let shape, let rate): "Gamma(\(shape), \(rate))"
        case .empirical(let shape): "Gamma(\(shape), \(shape)/running mean)"
        }
    }
}

extension PoissonGammaBOCPD {
    /// How the detector models a series and when it raises an alarm.
    public struct Configuration: Hashable, Sendable, Codable {
        /// The prior probability of a change on any one day: 1 / (expected days between changes).
        public var hazard: Double
        public var prior: GammaPrior
        /// An alarm is about a change within this many days: its score is the posterior probability
        /// that the current regime started in the last `recentDays` days.
        public var recentDays: Int
        /// The posterior probability of a recent change at which the detector raises an alarm.
        public var alarmProbability: Double
        /// A new regime must have lasted this many days before it can raise an alarm: a single
        /// outlying day is not a change.
        public var confirmationDays: Int
        /// Runs starting within this many days after an alarmed change are that change: they do not
        /// raise another alarm. One alarm per change.
        public var separationDays: Int
        /// Run-length hypotheses whose posterior probability falls below this are dropped.
        public var pruneMass: Double
        /// At most this many run-length hypotheses are kept (the least probable are dropped).
        public var maxHypotheses: Int

        public init(
            hazard: Double = 1.0 / 365, prior: GammaPrior = .empirical(shape: 1), recentDays: Int = 21,
            alarmProbability: Double = 0.7, confirmationDays: Int = 2, separationDays: Int = 10,
            pruneMass: Double = 1e-5,
            maxHypotheses: Int = 400
        ) {
            precondition(hazard > 0 && hazard < 1, "the hazard is a probability in (0, 1), got \(hazard)")
            precondition(recentDays >= 1, "recentDays must be at least 1")
            precondition(confirmationDays >= 1 && confirmationDays <= recentDays, "confirmationDays must be in 1...recentDays")
            precondition(maxHypotheses >= 2, "keep at least two run-length hypotheses")
            self.hazard = hazard
            self.prior = prior
            self.recentDays = recentDays
            self.alarmProbability = alarmProbability
        self.confirmationDays = confirmationDays
        self.separationDays = separationDays
                self.pruneMass = pruneMass
            self.maxHypotheses = maxHypotheses
        }

        public static let `default` = Configuration()
    }
}

/// A change the detector found, as of the day it found it.
public struct ChangeAlarm: Hashable, Sendable, Codable {
    /// The index of the observation after which the alarm was raised (the detection day).
    public var index: Int
    /// The estimated index of the first observation of the new regime.
    public var location: Int
    public var direction: ChangeDirection
    /// The posterior probability of a change within the last `recentDays` when the alarm was raised.
    public var probability: Double
    /// Posterior mean rates (per unit of exposure) of the old and new regimes at the alarm.
    public var rateBefore: Double
    public var rateAfter: Double
    /// The highest probability of the alarmed change in the `recentDays` after the alarm, and its
    /// first day as estimated then (with those later days' evidence). Filled in by a scan; an
    /// online caller sees them equal to `probability` and `location`.
    public var peakProbability: Double
    public var refinedLocation: Int

    public init(
        index: Int, location: Int, direction: ChangeDirection, probability: Double, rateBefore: Double,
        rateAfter: Double
    ) {
        self.index = index
        self.location = location
        self.direction = direction
        self.probability = probability
        self.rateBefore = rateBefore
        self.rateAfter = rateAfter
        self.peakProbability = probability
        self.refinedLocation = location
    }

    /// Days from the estimated start of the change to its detection.
    public var delay: Int { index - location }

    /// The alarm in days, for a series whose first day is `start`: located where the episode's
    /// evidence put it, scored with its peak probability.
    public func changePoint(start: Day) -> ChangePoint {
        ChangePoint(
            location: start.adding(days: refinedLocation), detectedOn: start.adding(days: index), direction: direction,
            probability: peakProbability, rateBefore: rateBefore, rateAfter: rateAfter)
    }
}
