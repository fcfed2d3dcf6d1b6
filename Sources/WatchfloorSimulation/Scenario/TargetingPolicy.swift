import Foundation
import Watchfloor

/// How the centre splits the week's support budget across provinces.
public enum TargetingPolicy: String, Sendable, CaseIterable {
    /// In proportion to bereaved families weighted by the province's visibility: support goes
    /// where it is seen.
    case byVisibility = "by_visibility"
    /// Pyongyang's bereaved families are served in full first; the rest is split evenly.
    case pyongyangFirst = "pyongyang_first"
    /// In proportion to bereaved families.
    case evenly

    /// Splits `budget` across provinces (in ``Scenario/provinceOrder``), given each province's
    /// bereaved families, visibility and what serving all its families in full would cost.
    /// The shares never sum to more than `budget`.
    func allocate(budget: Double, bereaved: [Int], visibility: [Double], fullNeed: [Double]) -> [Double] {
        let count = bereaved.count
        var shares = [Double](repeating: 0, count: count)
        guard budget > 0 else { return shares }
        switch self {
        case .evenly:
            distribute(budget, weights: bereaved.map(Double.init), into: &shares)
        case .byVisibility:
            distribute(budget, weights: (0..<count).map { Double(bereaved[$0]) * visibility[$0] }, into: &shares)
        case .pyongyangFirst:
            let capital = Scenario.provinceOrder.firstIndex(of: .pyongyang)!
            shares[capital] = min(budget, fullNeed[capital])
            var weights = bereaved.map(Double.init)
            weights[capital] = 0
            distribute(budget - shares[capital], weights: weights, into: &shares)
        }
        return shares
    }

    private func distribute(_ amount: Double, weights: [Double], into shares: inout [Double]) {
        let total = weights.reduce(0, +)
        guard amount > 0, total > 0 else { return }
        for i in weights.indices { shares[i] += amount * (weights[i] / total) }
    }
}

/// How a neighbourhood's control agents (C) and visibly discontented families (A) set the
/// estimated arrest probability P that deters a family from speaking (Epstein 2002).
public enum ArrestRule: String, Sendable, CaseIterable {
    /// P = 1 − exp(−k · ⌊C/A⌋), as NetLogo's Rebellion model computes it: once the discontented
    /// outnumber the agents in view, ⌊C/A⌋ = 0 and fear vanishes at once — the rule that makes
    /// tipping (outbursts) possible.
    case floored
    /// P = 1 − exp(−k · C/A), as printed in the paper: fear fades smoothly as A grows, and
    /// replications find no outbursts.
    case asPrinted = "as_printed"

    /// The estimated arrest probability.
    @inlinable
    public func probability(agents: Float, discontented: Float, k: Float) -> Float {
        let ratio = agents / max(discontented, 1)
        switch self {
        case .floored: return 1 - expf(-k * ratio.rounded(.down))
        case .asPrinted: return 1 - expf(-k * ratio)
        }
    }
}
