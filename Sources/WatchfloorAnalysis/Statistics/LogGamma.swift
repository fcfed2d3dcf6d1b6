import Foundation

/// The logarithm of the gamma function, written out here rather than taken from the C library:
/// glibc's `lgamma` writes the global `signgam` (a data race under strict concurrency), and the
/// change detector's inner loop wants the form that reuses a logarithm it has already computed.
///
/// For `z ≥ 10` the Stirling series to the `z⁻⁷` term is exact to about 1e-12; smaller arguments
/// are shifted up with `Γ(z) = Γ(z + n) / (z (z+1) … (z+n-1))`.
///
/// ```swift
/// LogGamma.of(5)      // log(24) = 3.178…
/// LogGamma.of(0.5)    // log(√π) = 0.572…
/// ```
public enum LogGamma {
    static let halfLogTwoPi = 0.5 * Foundation.log(2 * Double.pi)
    static let stirlingThreshold = 10.0

    /// `log Γ(z)` for `z > 0`.
    public static func of(_ z: Double) -> Double {
        precondition(z > 0, "log Γ(z) is defined here for z > 0, got \(z)")
        if z >= 10 { return stirling(z, logZ: Foundation.log(z)) }
        var shifted = z
        var product = 1.0
        while shifted < 10 {
            product *= shifted
            shifted += 1
        }
        return stirling(shifted, logZ: Foundation.log(shifted)) - Foundation.log(product)
    }

    /// The Stirling series for `z ≥ 10`, given `log z` (so that a caller who needs `log z` anyway
    /// pays for one logarithm, not two).
    public static func stirling(_ z: Double, logZ: Double) -> Double {
        let inverse = 1 / z
        let inverse2 = inverse * inverse
        // 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷)
        let series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 / 1680)))
        return (z - 0.5) * logZ - z + halfLogTwoPi + series
    }
}
