import Foundation
import Watchfloor

/// Bayesian online change-point detection (Adams & MacKay 2007) for daily counts: a Poisson
/// likelihood whose rate has a Gamma prior, so that each run-length hypothesis predicts the next
/// count with a negative binomial, and a constant hazard.
///
/// The detector is online: ``update(count:exposure:)`` sees one day at a time and everything it
/// reports about day *t* uses only days up to *t*, so an alarm's ``ChangeAlarm/index`` is the day
/// the reporting first made the change probable.
///
/// **Exposure.** The count of day *t* is modelled as Poisson(λ · eₜ), where eₜ is the share of the
/// series' usual coverage that was watching that day (1 when every outlet that reports on the
/// series was active, 0.5 when half of it was, 0 when none was). A run's posterior is then
/// Gamma(α₀ + Σx, β₀ + Σe): an outlet starting or going quiet changes eₜ, not λ, and raises no alarm.
///
/// **Pruning.** Hypotheses whose posterior probability falls below ``Configuration/pruneMass``
/// are dropped, at most ``Configuration/maxHypotheses`` are kept, and a hypothesis born on a day
/// with no exposure is merged into the one before it (nothing was seen that could tell them
/// apart), so the cost per day stays bounded and a scan is linear in the series' length.
///
/// **Alarms.** The score of a change is the posterior probability that the current regime began
/// within the last ``Configuration/recentDays`` days. When it reaches
/// ``Configuration/alarmProbability`` the detector raises one alarm, locates the change at the
/// start of the most probable recent run, and tells a rise from a drop by comparing that run's
/// rate with the rate believed on the day before it. Runs that start within
/// ``Configuration/separationDays`` of an alarmed change count as that change from then on, so
/// one change raises one alarm, and the next alarm is about a later change.
///
/// ```swift
/// var detector = PoissonGammaBOCPD(configuration: .default)
/// for count in dailyCounts {
///     let step = detector.update(count: count)
///     if let alarm = step.alarm { print(alarm.direction, alarm.location, alarm.probability) }
/// }
/// ```
public struct PoissonGammaBOCPD: Sendable {
    /// What the detector believes after one day.
    public struct Step: Hashable, Sendable {
        /// The index of the day just seen.
        public var index: Int
        /// The most probable number of days in the current regime (including this one).
        public var runLength: Int
        /// The posterior probability that the current regime began within the last `recentDays`.
        public var changeProbability: Double
        /// The posterior mean rate of the most probable regime.
        public var rate: Double
        /// Set on the day an alarm is raised.
        public var alarm: ChangeAlarm?
        /// After an alarm: the posterior probability that the current regime began within
        /// `separationDays` of the alarmed change, and its most probable first day, as of today.
        public var reportedChange: (probability: Double, location: Int)?

        public static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.index == rhs.index && lhs.runLength == rhs.runLength && lhs.changeProbability == rhs.changeProbability
                && lhs.rate == rhs.rate && lhs.alarm == rhs.alarm
                && lhs.reportedChange?.probability == rhs.reportedChange?.probability
                && lhs.reportedChange?.location == rhs.reportedChange?.location
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(index)
            hasher.combine(alarm)
        }
    }

    public let configuration: Configuration

    // Run-length hypotheses, oldest first (struct of arrays: the inner loop streams through them).
    private var starts: [Int] = [0]
    private var shapes: [Double]
    private var rates: [Double]
    private var logRates: [Double]
    private var logGammaShapes: [Double]
    private var probabilities: [Double] = [1]
    private var scratch: [Double] = []

    /// Days seen so far.
    public private(set) var count = 0
    private var totalCount = 0.0
    private var totalExposure = 0.0
    /// The first day of the last change alarmed; runs starting near it are not a new change.
    private var lastAlarmLocation: Int?
    /// The most probable regime's rate on each of the last `recentDays + 2` days.
    private var rateHistory: [Double]

    /// The number of run-length hypotheses currently kept.
    public var hypothesisCount: Int { starts.count }

    public init(configuration: Configuration = .default) {
        self.configuration = configuration
        let (shape, rate) = Self.prior(configuration.prior, totalCount: 0, totalExposure: 0)
        shapes = [shape]
        rates = [rate]
        logRates = [log(rate)]
        logGammaShapes = [LogGamma.of(shape)]
        rateHistory = [Double](repeating: shape / rate, count: configuration.recentDays + 2)
        let capacity = min(configuration.maxHypotheses + 1, 1024)
        starts.reserveCapacity(capacity)
        shapes.reserveCapacity(capacity)
        rates.reserveCapacity(capacity)
        logRates.reserveCapacity(capacity)
        logGammaShapes.reserveCapacity(capacity)
        probabilities.reserveCapacity(capacity)
        scratch.reserveCapacity(capacity)
    }

    static func prior(_ prior: GammaPrior, totalCount: Double, totalExposure: Double) -> (shape: Double, rate: Double) {
        switch prior {
        case .fixed(let shape, let rate):
            return (shape, rate)
        case .empirical(let shape):
            let mean = (1 + totalCount) / (1 + totalExposure)
            return (shape, shape / mean)
        }
    }

    /// Takes the next day's count (a whole number of reports, or a weighted count) and the share
    /// of coverage that was watching (see the type's discussion); returns what the detector now
    /// believes, with an alarm on the day one is raised.
    public mutating func update(count x: Double, exposure: Double = 1) -> Step {
        precondition(x >= 0 && x.isFinite, "a count is finite and not negative, got \(x)")
        // A report on a day with no recorded coverage still shows that someone was watching.
        let e = x > 0 ? max(exposure, 1e-3) : max(exposure, 0)
        let t = count
        let n = starts.count
        let hazard = configuration.hazard

        // Predictive probability of x under each run, and the runs' posteriors updated with it.
        if scratch.count < n { scratch.append(contentsOf: repeatElement(0, count: n - scratch.count)) }
        var maxLog = -Double.infinity
        shapes.withUnsafeMutableBufferPointer { shape in
            rates.withUnsafeMutableBufferPointer { rate in
                logRates.withUnsafeMutableBufferPointer { logRate in
                    logGammaShapes.withUnsafeMutableBufferPointer { logGammaShape in
                        scratch.withUnsafeMutableBufferPointer { logPredictive in
                            for i in 0..<n {
                                let newRate = rate[i] + e
                                let newLogRate = e > 0 ? log(newRate) : logRate[i]
                                var newLogGamma = logGammaShape[i]
                                if x > 0 {
                                    let z = shape[i] + x
                                    newLogGamma = z >= LogGamma.stirlingThreshold
                                        ? LogGamma.stirling(z, logZ: log(z)) : LogGamma.of(z)
                                }
                                // log NB(x; α, β/(β+e)) without the terms every run shares.
                                let value = newLogGamma - logGammaShape[i] + shape[i] * (logRate[i] - newLogRate)
                                    - x * newLogRate
                                logPredictive[i] = value
                                if value > maxLog { maxLog = value }
                                shape[i] += x
                                rate[i] = newRate
                                logRate[i] = newLogRate
                                logGammaShape[i] = newLogGamma
                            }
                        }
                    }
                }
            }
        }

        // Growth probabilities (1 − H) · P(r) · π(x | r), normalised; the change hypothesis gets H.
        var total = 0.0
        probabilities.withUnsafeMutableBufferPointer { probability in
            scratch.withUnsafeBufferPointer { logPredictive in
                for i in 0..<n {
                    let w = probability[i] * exp(logPredictive[i] - maxLog)
                    probability[i] = w
                    total += w
                }
            }
        }
        let growth = (1 - hazard) / total

        totalCount += x
        totalExposure += e
        let (priorShape, priorRate) = Self.prior(configuration.prior, totalCount: totalCount, totalExposure: totalExposure)
        let mergeNewborn = e == 0 && shapes[n - 1] == priorShape && rates[n - 1] == priorRate

        // Scale, prune and compact in one pass; the most probable run is always kept.
        var mapIndex = 0
        var mapProbability = -1.0
        var kept = 0
        var keptMass = 0.0
        let pruneMass = configuration.pruneMass
        for i in 0..<n {
            let p = probabilities[i] * growth
            if p > mapProbability {
                mapProbability = p
                mapIndex = i
            }
        }
        for i in 0..<n {
            let p = probabilities[i] * growth
            if p >= pruneMass || i == mapIndex || (mergeNewborn && i == n - 1) {
                if kept != i { move(from: i, to: kept) }
                probabilities[kept] = p
                keptMass += p
                kept += 1
            }
        }
        truncate(to: kept)
        if mergeNewborn {
            probabilities[kept - 1] += hazard
        } else {
            starts.append(t + 1)
            shapes.append(priorShape)
            rates.append(priorRate)
            logRates.append(log(priorRate))
            logGammaShapes.append(LogGamma.of(priorShape))
            probabilities.append(hazard)
        }
        keptMass += hazard
        if starts.count > configuration.maxHypotheses { keptMass = dropLeastProbable() }
        if keptMass != 1 {
            let scale = 1 / keptMass
            for i in probabilities.indices { probabilities[i] *= scale }
        }
        count += 1
        return summarise(at: t)
    }

    private mutating func move(from source: Int, to target: Int) {
        starts[target] = starts[source]
        shapes[target] = shapes[source]
        rates[target] = rates[source]
        logRates[target] = logRates[source]
        logGammaShapes[target] = logGammaShapes[source]
    }

    private mutating func truncate(to kept: Int) {
        let extra = starts.count - kept
        guard extra > 0 else { return }
        starts.removeLast(extra)
        shapes.removeLast(extra)
        rates.removeLast(extra)
        logRates.removeLast(extra)
        logGammaShapes.removeLast(extra)
        probabilities.removeLast(extra)
    }

    /// Keeps the `maxHypotheses` most probable runs; returns the mass kept.
    private mutating func dropLeastProbable() -> Double {
        let limit = configuration.maxHypotheses
        var sorted = probabilities
        let cut = sorted.count - limit
        sorted.withUnsafeMutableBufferPointer { Self.select(cut, in: $0) }
        let threshold = sorted[cut]
        var kept = 0
        var mass = 0.0
        var ties = limit - sorted[cut...].lazy.filter { $0 > threshold }.count
        for i in probabilities.indices {
            let p = probabilities[i]
            guard p > threshold || (p == threshold && ties > 0) else { continue }
            if p == threshold { ties -= 1 }
            if kept != i {
                move(from: i, to: kept)
                probabilities[kept] = p
            }
            mass += p
            kept += 1
        }
        truncate(to: kept)
        return mass
    }

    /// Quickselect: afterwards `values[k]` holds the k-th smallest value.
    private static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>) {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }

    private mutating func summarise(at t: Int) -> Step {
        let recentDays = configuration.recentDays
        var mapIndex = 0
        for i in probabilities.indices where probabilities[i] > probabilities[mapIndex] { mapIndex = i }
        let rate = shapes[mapIndex] / rates[mapIndex]
        rateHistory[t % rateHistory.count] = rate

        // Runs are ordered by start, so the recent ones are a suffix. The newborn run (start t + 1)
        // carries only the hazard and says nothing about the data; a run from day 0 is no change,
        // and a run starting near the last alarm's change is that change, already reported.
        let separation = configuration.separationDays
        // A run must have seen `confirmationDays` days to count: one outlying day is not a regime.
        let latest = t - configuration.confirmationDays + 1
        var earliest = max(1, t - recentDays + 1)
        var bandStart = Int.max
        if let reported = lastAlarmLocation {
            earliest = max(earliest, reported + separation + 1)
            bandStart = reported - separation
        }
        var recentMass = 0.0
        var best = -1
        var reportedMass = 0.0
        var reportedBest = -1
        var i = starts.count - 1
        while i >= 0, starts[i] >= min(earliest, bandStart) {
            if starts[i] <= latest {
                if starts[i] >= earliest {
                    recentMass += probabilities[i]
                    if best < 0 || probabilities[i] > probabilities[best] { best = i }
                } else if starts[i] >= bandStart {
                    reportedMass += probabilities[i]
                    if reportedBest < 0 || probabilities[i] > probabilities[reportedBest] { reportedBest = i }
                }
            }
            i -= 1
        }
        var step = Step(
            index: t, runLength: t - starts[mapIndex] + 1, changeProbability: min(recentMass, 1), rate: rate)
        if reportedBest >= 0 {
            step.reportedChange = (min(reportedMass, 1), starts[reportedBest])
        }

        if recentMass >= configuration.alarmProbability, best >= 0 {
            let location = starts[best]
            let before = rateHistory[(location - 1) % rateHistory.count]
            let after = shapes[best] / rates[best]
            step.alarm = ChangeAlarm(
                index: t, location: location, direction: after >= before ? .rise : .drop,
                probability: min(recentMass, 1), rateBefore: before, rateAfter: after)
            lastAlarmLocation = location
        }
        return step
    }

    /// The posterior over run lengths: (days in the current regime, probability), longest first.
    public var runLengthPosterior: [(runLength: Int, probability: Double)] {
        zip(starts, probabilities).map { (count - $0, $1) }
    }
}
