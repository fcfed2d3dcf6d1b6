import Foundation
import Testing

@testable import WatchfloorAnalysis

@Suite struct LogGammaTests {
    @Test(arguments: [
        (1.0, 0.0), (2.0, 0.0), (5.0, log(24.0)), (0.5, 0.5 * log(Double.pi)), (10.0, log(362_880.0)),
        (3.5, log(3.323_350_970_447_843)), (25.0, log(6.204_484_017_332_394e23)),
    ])
    func matchesKnownValues(z: Double, expected: Double) {
        #expect(abs(LogGamma.of(z) - expected) < 1e-10)
    }

    @Test func stirlingAgreesWithTheRecurrence() {
        // Γ(z + 1) = z Γ(z) across the switch between the shifted and direct branches.
        for z in stride(from: 8.5, through: 11.5, by: 0.25) {
            #expect(abs(LogGamma.of(z + 1) - LogGamma.of(z) - log(z)) < 1e-11)
        }
    }
}

@Suite struct BetaDistributionTests {
    @Test func uniformQuantilesAreTheirProbabilities() {
        let uniform = BetaDistribution(alpha: 1, beta: 1)
        let interval = uniform.credibleInterval(0.9)
        #expect(abs(interval.lower - 0.05) < 1e-9)
        #expect(abs(interval.upper - 0.95) < 1e-9)
        #expect(abs(uniform.cdf(0.3) - 0.3) < 1e-12)
    }

    @Test func closedFormsByHand() {
        // Beta(2, 1): F(x) = x², so the median is √0.5 and Q(0.25) = 0.5.
        let rising = BetaDistribution(alpha: 2, beta: 1)
        #expect(abs(rising.cdf(0.6) - 0.36) < 1e-12)
        #expect(abs(rising.quantile(0.25) - 0.5) < 1e-9)
        // Beta(2, 2): F(x) = 3x² − 2x³.
        let hump = BetaDistribution(alpha: 2, beta: 2)
        #expect(abs(hump.cdf(0.2) - (3 * 0.04 - 2 * 0.008)) < 1e-12)
        #expect(abs(hump.quantile(0.5) - 0.5) < 1e-9)
        // Beta(1, 3): F(x) = 1 − (1 − x)³, so Q(p) = 1 − (1 − p)^(1/3).
        let falling = BetaDistribution(alpha: 1, beta: 3)
        #expect(abs(falling.quantile(0.95) - (1 - pow(0.05, 1.0 / 3))) < 1e-9)
    }

    @Test func posteriorAfterSevenOfTen() {
        // Uniform prior, 7 coerced of 10: Beta(8, 4), mean 2/3; the 90% interval from R's qbeta.
        let share = BetaDistribution(alpha: 1, beta: 1).updated(successes: 7, failures: 3)
        #expect(abs(share.mean - 2.0 / 3) < 1e-12)
        let interval = share.credibleInterval(0.9)
        #expect(abs(interval.lower - 0.4356258) < 1e-6)
        #expect(abs(interval.upper - 0.8649245) < 1e-6)
    }

    @Test func probabilityThatOneShareExceedsAnother() {
        // P(X > Y) = ∫ 2x · x dx = 2/3 for X ~ Beta(2, 1), Y ~ Beta(1, 1); 1/2 by symmetry for equals.
        let x = BetaDistribution(alpha: 2, beta: 1)
        let y = BetaDistribution(alpha: 1, beta: 1)
        #expect(abs(x.probabilityExceeds(y) - 2.0 / 3) < 1e-5)
        #expect(abs(y.probabilityExceeds(y) - 0.5) < 1e-5)
        let sharp = BetaDistribution(alpha: 300, beta: 700)
        #expect(abs(sharp.probabilityExceeds(sharp) - 0.5) < 1e-4)
        #expect(BetaDistribution(alpha: 60, beta: 40).probabilityExceeds(sharp) > 0.999)
    }
}
