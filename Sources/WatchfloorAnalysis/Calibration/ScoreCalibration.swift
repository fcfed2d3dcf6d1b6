import Watchfloor

/// What a warning's score means: the probability that the change it reports is real.
///
/// A detector's own output (a change point's posterior probability, a share test's P(window >
/// baseline), a silence's P(real stop)) is a probability under the detector's model; reporting is
/// not that model (stories come in clusters, outlets lag and repeat, the coder errs), and a
/// detector watched every day for years is tested many times. So the raw output is mapped, per
/// kind of warning, to the share of warnings with that output that were real on the simulated
/// loop — an isotonic (non-decreasing) fit, read between its points by linear interpolation
/// (`Benchmarks/loop/calibrate.py fit`). It is fitted on the project's own reporting writer and
/// checked on the second writer's reporting, which it never saw (docs/ANALYSIS.md, "Calibration").
///
/// ```swift
/// let calibration = ScoreCalibration(points: [(0.6, 0.35), (0.9, 0.6), (1.0, 0.85)])
/// calibration.probability(raw: 0.75)   // 0.475
/// ```
public struct ScoreCalibration: Hashable, Sendable, Codable {
    /// `(raw, probability)`, raw increasing, probability non-decreasing.
    public var points: [Point]

    public struct Point: Hashable, Sendable, Codable {
        public var raw: Double
        public var probability: Double
    }

    public init(points: [(raw: Double, probability: Double)]) {
        self.points = points.map { Point(raw: $0.raw, probability: $0.probability) }.sorted { $0.raw < $1.raw }
    }

    /// The identity (a detector whose output is taken as it is).
    public static let identity = ScoreCalibration(points: [(0, 0), (1, 1)])

    /// The probability a raw output stands for: the fitted points, linear between them, flat
    /// beyond the first and the last.
    public func probability(raw: Double) -> Double {
        guard let first = points.first, let last = points.last else { return raw }
        if raw <= first.raw { return first.probability }
        if raw >= last.raw { return last.probability }
        for (a, b) in zip(points, points.dropFirst()) where raw <= b.raw {
            let t = b.raw > a.raw ? (raw - a.raw) / (b.raw - a.raw) : 1
            return a.probability + t * (b.probability - a.probability)
        }
        return last.probability
    }
}
