import Foundation

/// A Beta(α, β) distribution: the posterior of a proportion after `successes` and `failures`
/// observed under a Beta prior. Used for the share of gratitude reported as coerced (W2) and the
/// share of provincial reporting that contradicts the central narrative (W4).
///
/// ```swift
/// let share = BetaDistribution(alpha: 1 + 7, beta: 1 + 3)   // 7 coerced of 10, uniform prior
/// share.mean                                                 // 0.666…
/// share.credibleInterval(0.9)                                // (lower: 0.43…, upper: 0.86…)
/// ```
public struct BetaDistribution: Hashable, Sendable, Codable {
    public var alpha: Double
    public var beta: Double

    public init(alpha: Double, beta: Double) {
        precondition(alpha > 0 && beta > 0, "Beta parameters must be positive, got (\(alpha), \(beta))")
        self.alpha = alpha
        self.beta = beta
    }

    /// The posterior after observing `successes` and `failures` (which may be weighted, hence
    /// real) under the prior `self`.
    public func updated(successes: Double, failures: Double) -> BetaDistribution {
        BetaDistribution(alpha: alpha + successes, beta: beta + failures)
    }

    public var mean: Double { alpha / (alpha + beta) }

    public var variance: Double {
        let total = alpha + beta
        return alpha * beta / (total * total * (total + 1))
    }

    var logNormaliser: Double { LogGamma.of(alpha + beta) - LogGamma.of(alpha) - LogGamma.of(beta) }

    public func density(_ x: Double) -> Double {
        guard x > 0, x < 1 else {
            if x == 0 { return alpha < 1 ? .infinity : (alpha == 1 ? beta : 0) }
            if x == 1 { return beta < 1 ? .infinity : (beta == 1 ? alpha : 0) }
            return 0
        }
        return exp(logNormaliser + (alpha - 1) * log(x) + (beta - 1) * log1p(-x))
    }

    /// P(X ≤ x): the regularised incomplete beta function I_x(α, β).
    public func cdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(logNormaliser + alpha * log(x) + beta * log1p(-x))
        // The continued fraction converges fast on the side of the mean; use symmetry on the other.
        if x < (alpha + 1) / (alpha + beta + 2) {
            return front * Self.continuedFraction(alpha, beta, x) / alpha
        }
        return 1 - front * Self.continuedFraction(beta, alpha, 1 - x) / beta
    }

    /// The x with P(X ≤ x) = p (safeguarded Newton steps inside a shrinking bracket).
    public func quantile(_ p: Double) -> Double {
        precondition((0...1).contains(p), "a quantile's probability is in 0...1, got \(p)")
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        var low = 0.0
        var high = 1.0
        var x = min(max(mean, 1e-6), 1 - 1e-6)
        for _ in 0..<200 {
            let error = cdf(x) - p
            if abs(error) < 1e-13 { break }
            if error > 0 { high = x } else { low = x }
            let slope = density(x)
            var next = slope > 0 && slope.isFinite ? x - error / slope : .nan
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - x) < 1e-15 { x = next; break }
            x = next
        }
        return x
    }

    /// The equal-tailed interval holding `level` of the probability (0.9 → the 5% and 95% quantiles).
    public func credibleInterval(_ level: Double) -> (lower: Double, upper: Double) {
        let tail = (1 - level) / 2
        return (quantile(tail), quantile(1 - tail))
    }

    /// P(X > Y) for X ~ self and Y ~ `other`, independent: ∫ f_X(x) F_Y(x) dx by Simpson's rule
    /// on 512 intervals between X's 1e-10 and 1 − 1e-10 quantiles, where X's density lives.
    /// Exact to about 1e-6 for shapes ≥ 1 (the priors this module uses).
    public func probabilityExceeds(_ other: BetaDistribution) -> Double {
        let lo = quantile(1e-10)
        let hi = quantile(1 - 1e-10)
        guard hi > lo else { return other.cdf(lo) }
        let intervals = 512
        let width = (hi - lo) / Double(intervals)
        var total = 0.0
        for i in 0...intervals {
            let x = lo + width * Double(i)
            let weight: Double = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2)
            total += weight * density(x) * other.cdf(x)
        }
        return min(max(total * width / 3, 0), 1)
    }

    // Lentz's method for the continued fraction of I_x(a, b) (Numerical Recipes §6.4).
    private static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
