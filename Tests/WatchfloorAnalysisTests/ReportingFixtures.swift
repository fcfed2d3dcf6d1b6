import Watchfloor
import WatchfloorTesting

/// Outlets and stable background reporting shared by the engine tests.
enum Fixtures {
    static let start = Day("2023-01-02")!
    static let stateMedia = Source(name: "Central Broadcaster", kind: .stateMedia, reliability: .c)
    static let insider = Source(name: "Border Insider", kind: .insider, reliability: .b)
    static let newInsider = Source(name: "New Insider", kind: .insider, reliability: .b)
    static let wire = Source(name: "Wire Desk", kind: .wire, reliability: .b)

    /// Daily rates per province of stable reporting, by outlet (assumptions for tests, not data).
    static let stableRates: [(EventType, Source, Double)] = [
        (.giftDelivery, stateMedia, 0.5), (.condolenceVisit, stateMedia, 0.25), (.memorialHonor, stateMedia, 0.2),
        (.gratitudeExpression, stateMedia, 0.3), (.aidDisruption, insider, 0.15), (.discontent, insider, 0.15),
        (.controlMeasure, insider, 0.1), (.casualtyReport, insider, 0.1), (.deployment, wire, 0.1),
        (.armsTransfer, wire, 0.05), (.techTransfer, wire, 0.05),
    ]

    /// Gratitude is mostly reported as sincere; one story in eight as coerced, a few unclear.
    static func stableSincerity(_ id: Int) -> Sincerity? {
        switch id % 16 {
        case 0, 8: .coerced
        case 5: .unclear
        default: .sincere
        }
    }

    /// Stable reporting for `provinces` over `days`, with every outlet publishing background
    /// documents every day.
    static func stableReporting(provinces: [Province], days: Int, seed: UInt64) -> SyntheticReporting {
        var reporting = SyntheticReporting(start: start)
        var seed = seed
        for province in provinces {
            for (type, outlet, rate) in stableRates {
                seed &+= 1
                let counts = LabelledSeries.stable(days: days, rate: rate, seed: seed).counts
                reporting.add(counts: counts, type: type, province: province, outlet: outlet, sincerity: stableSincerity)
            }
        }
        for (i, outlet) in [stateMedia, insider, wire].enumerated() {
            reporting.addCoverage(outlet: outlet, days: 0..<days, background: 6, seed: seed &+ UInt64(100 + i))
        }
        return reporting
    }
}
