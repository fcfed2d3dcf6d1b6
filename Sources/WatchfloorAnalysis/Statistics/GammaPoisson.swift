import Foundation

/// A Poisson rate known through a Gamma(shape, rate) posterior: after `k` reports over `E` days of
/// full coverage under a Gamma(α₀, β₀) prior, the rate is Gamma(α₀ + k, β₀ + E).
///
/// ```swift
/// let recent = GammaPoisson(shape: 0.5 + 12, rate: 0 + 60)   // 12 reports in 60 days
/// recent.mean                                                // 0.208 a day
/// recent.probabilityOfNone(exposure: 21)                     // P(21 empty days) = (60/81)^12.5 ≈ 0.024
/// ```
public struct GammaPoisson: Hashable, Sendable, Codable {
    public var shape: Double
    public var rate: Double

    public init(shape: Double, rate: Double) {
        precondition(shape > 0 && rate >= 0, "a Gamma posterior needs shape > 0 and rate ≥ 0, got (\(shape), \(rate))")
        self.shape = shape
        self.rate = rate
    }

    /// The posterior after `count` reports over `exposure` days of full coverage.
    public func updated(count: Double, exposure: Double) -> GammaPoisson {
        GammaPoisson(shape: shape + count, rate: rate + exposure)
    }

    /// Reports per day of full coverage.
    public var mean: Double { rate > 0 ? shape / rate : .infinity }

    /// The predictive probability of no report at all over `exposure` more days of full coverage,
    /// with the rate's uncertainty integrated out (the negative binomial's zero term):
    /// (β / (β + E))^α.
    public func probabilityOfNone(exposure: Double) -> Double {
        guard exposure > 0 else { return 1 }
        guard rate > 0 else { return 0 }
        return exp(-shape * log1p(exposure / rate))
    }

    /// The predictive probability of at most `count` reports over `exposure` days of full coverage
    /// (the negative binomial's distribution function, I_p(α, count + 1) with p = β / (β + E));
    /// `count` may be fractional (reports weighed by their clustering).
    public func probabilityOfAtMost(_ count: Double, exposure: Double) -> Double {
        guard count > 0 else { return probabilityOfNone(exposure: exposure) }
        guard exposure > 0 else { return 1 }
        guard rate > 0 else { return 0 }
        return BetaDistribution(alpha: shape, beta: count + 1).cdf(rate / (rate + exposure))
    }

    /// The predictive probability of exactly `count` reports over `exposure` days of full coverage.
    public func probability(of count: Int, exposure: Double) -> Double {
        guard exposure > 0 else { return count == 0 ? 1 : 0 }
        let x = Double(count)
        let logP = LogGamma.of(shape + x) - LogGamma.of(shape) - LogGamma.of(x + 1)
            + shape * log(rate / (rate + exposure)) + x * log(exposure / (rate + exposure))
        return exp(logP)
    }
}
