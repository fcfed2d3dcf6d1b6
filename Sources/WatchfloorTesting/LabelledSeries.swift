import Foundation
import Watchfloor

/// A small, fast, seedable random number generator (SplitMix64), so that synthetic series are the
/// same on every run and every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A Poisson draw (Knuth's product method, in slices of 30 for large means).
    public mutating func poisson(_ mean: Double) -> Int {
        precondition(mean >= 0, "a Poisson mean is not negative")
        var remaining = mean
        var total = 0
        while remaining > 0 {
            let slice = min(remaining, 30)
            remaining -= slice
            let limit = exp(-slice)
            var product = uniform()
            while product > limit {
                total += 1
                product *= uniform()
            }
        }
        return total
    }
}

/// A daily count series with known truth: Poisson counts around a piecewise-constant rate, and
/// the days the rate changed. The detectors are scored against these.
///
/// ```swift
/// let series = LabelledSeries.step(days: 730, onset: 365, before: 2, after: 1, seed: 7)
/// series.changes   // [LabelledChange(index: 365, rateBefore: 2, rateAfter: 1)]
/// ```
public struct LabelledSeries: Sendable {
    public var counts: [Int]
    /// The true rate on each day.
    public var rates: [Double]
    public var changes: [LabelledChange]

    public var values: [Double] { counts.map(Double.init) }

    /// Rates given per day (changes are where the rate differs from the day before).
    public init(rates: [Double], seed: UInt64) {
        var random = SeededRandom(seed: seed)
        self.rates = rates
        counts = rates.map { random.poisson($0) }
        changes = rates.indices.dropFirst().compactMap { i in
            rates[i] != rates[i - 1] ? LabelledChange(index: i, rateBefore: rates[i - 1], rateAfter: rates[i]) : nil
        }
    }

    /// One change of rate, from `before` to `after`, on day `onset`.
    public static func step(days: Int, onset: Int, before: Double, after: Double, seed: UInt64) -> LabelledSeries {
        LabelledSeries(rates: (0..<days).map { $0 < onset ? before : after }, seed: seed)
    }

    /// No change at all.
    public static func stable(days: Int, rate: Double, seed: UInt64) -> LabelledSeries {
        LabelledSeries(rates: Array(repeating: rate, count: days), seed: seed)
    }
}

/// A known change in a labelled series.
public struct LabelledChange: Hashable, Sendable {
    public var index: Int
    public var rateBefore: Double
    public var rateAfter: Double

    public var isRise: Bool { rateAfter > rateBefore }
}

/// Coded reporting made to order: events of given types, places and days from named outlets,
/// with the outlets' coverage log, for tests of anything that reads `EventFact` and `OutletDay`.
///
/// ```swift
/// var reporting = SyntheticReporting(start: Day("2024-01-01")!)
/// let outlet = Source(name: "Insider A", kind: .insider, reliability: .b)
/// reporting.add(counts: series.counts, type: .aidDisruption, province: .chagang, outlet: outlet)
/// reporting.addCoverage(outlet: outlet, days: 0..<730, background: 3, seed: 1)
/// ```
public struct SyntheticReporting: Sendable {
    public let start: Day
    public private(set) var facts: [EventFact] = []
    private var events: [String: [Int: Int]] = [:]
    private var kinds: [String: SourceKind] = [:]
    private var background: [String: [Int: Int]] = [:]
    private var nextID: Int64 = 1

    public init(start: Day) {
        self.start = start
    }

    /// Adds `counts[i]` events on day `offset + i`, each its own story (its own cluster).
    public mutating func add(
        counts: [Int], type: EventType, province: Province?, outlet: Source, offset: Int = 0,
        sincerity: (Int) -> Sincerity? = { _ in nil }
    ) {
        kinds[outlet.name] = outlet.kind
        for (i, count) in counts.enumerated() where count > 0 {
            for _ in 0..<count {
                let id = nextID
                nextID += 1
                facts.append(
                    EventFact(
                        id: id, type: type, province: province, day: start.adding(days: offset + i),
                        cluster: DocumentID(rawValue: "story-\(id)"), source: outlet.name, sourceKind: outlet.kind,
                        reliability: outlet.reliability, sincerity: sincerity(Int(id))))
                events[outlet.name, default: [:]][offset + i, default: 0] += 1
            }
        }
    }

    /// A syndicated copy of an existing story: same cluster, another outlet, `lag` days later.
    public mutating func addCopy(of fact: EventFact, outlet: Source, lag: Int = 0) {
        let id = nextID
        nextID += 1
        var copy = fact
        copy.id = id
        copy.day = fact.day.adding(days: lag)
        copy.source = outlet.name
        copy.sourceKind = outlet.kind
        copy.reliability = outlet.reliability
        facts.append(copy)
        kinds[outlet.name] = outlet.kind
        events[outlet.name, default: [:]][copy.day - start, default: 0] += 1
    }

    /// The outlet publishes on `days` (offsets from `start`): its events plus a Poisson(`background`)
    /// number of other documents each day.
    public mutating func addCoverage(outlet: Source, days: Range<Int>, background mean: Double, seed: UInt64) {
        kinds[outlet.name] = outlet.kind
        var random = SeededRandom(seed: seed)
        for day in days {
            background[outlet.name, default: [:]][day, default: 0] += random.poisson(mean)
        }
    }

    /// Documents per outlet per day: every day with an event or a background document.
    public var coverage: [OutletDay] {
        var out: [OutletDay] = []
        for outlet in Set(events.keys).union(background.keys).sorted() {
            let own = events[outlet] ?? [:]
            let other = background[outlet] ?? [:]
            for day in Set(own.keys).union(other.keys).sorted() {
                let documents = (own[day] ?? 0) + (other[day] ?? 0)
                if documents > 0 {
                    out.append(OutletDay(source: outlet, kind: kinds[outlet] ?? .other, day: start.adding(days: day), documents: documents))
                }
            }
        }
        return out
    }
}
