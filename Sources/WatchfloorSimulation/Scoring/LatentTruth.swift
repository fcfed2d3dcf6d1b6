import Foundation
import Watchfloor

/// The real changes of a run: what the expected reporting says changed by at least the rule's
/// factor in what each warning kind watches (``LatentChangeRule``), named by the scenario or not.
///
/// ```swift
/// let latent = LatentTruth(expected: run.expected!, watches: watches)
/// latent.changes.filter { $0.kind == .narrativeGap }
/// WarningScorer().score(warnings: warnings, shifts: run.shifts, latent: latent, period: period)
/// ```
public struct LatentTruth: Sendable {
    public var expected: ExpectedReporting
    public var watches: [LatentWatch]
    public var rule: LatentChangeRule
    public var changes: [LatentChange]

    public init(expected: ExpectedReporting, watches: [LatentWatch], rule: LatentChangeRule = LatentChangeRule()) {
        self.expected = expected
        self.watches = watches
        self.rule = rule
        changes = rule.changes(in: expected, watches: watches)
    }

    /// How much a named shift moved what its warning kind watches, at its onset: over the watches
    /// of its kind and scope, the ratio (after / before) farthest from 1 in a direction the watch
    /// warns of. A shift the scenario names may move the reporting by less than 50% (a budget cut
    /// to 70% cuts gifts by 30% at most), or not at all where the outlets do not look.
    public func magnitude(of shift: InjectedShift) -> Magnitude? {
        var best: Magnitude?
        for watch in watches where watch.kind == shift.kind {
            if shift.province == nil ? !watch.national : !watch.provinces { continue }
            guard let reading = rule.ratio(watch, province: shift.province, week: shift.week, in: expected) else { continue }
            let strength = abs(log(max(reading.ratio, 1e-9)))
            let warned = watch.directions.contains(reading.ratio >= 1 ? .rise : .drop)
            guard warned, strength > (best.map { abs(log(max($0.ratio, 1e-9))) } ?? -1) else { continue }
            best = Magnitude(watch: watch.name, ratio: reading.ratio, storiesPerDay: reading.storiesPerDay)
        }
        return best
    }

    public struct Magnitude: Hashable, Sendable, Codable {
        public var watch: String
        public var ratio: Double
        public var storiesPerDay: Double

        enum CodingKeys: String, CodingKey {
            case watch, ratio
            case storiesPerDay = "stories_per_day"
        }

        public init(watch: String, ratio: Double, storiesPerDay: Double) {
            self.watch = watch
            self.ratio = ratio
            self.storiesPerDay = storiesPerDay
        }

        // JSON has no infinity: a rise from nothing is written as null.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(watch, forKey: .watch)
            try c.encode(ratio.isFinite ? ratio : nil, forKey: .ratio)
            try c.encode(storiesPerDay, forKey: .storiesPerDay)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            watch = try c.decode(String.self, forKey: .watch)
            ratio = try c.decodeIfPresent(Double.self, forKey: .ratio) ?? .infinity
            storiesPerDay = try c.decode(Double.self, forKey: .storiesPerDay)
        }
    }
}
