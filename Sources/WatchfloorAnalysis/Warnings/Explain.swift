import Foundation
import Watchfloor

/// Number and phrase formatting for explanations.
enum Explain {
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        if abs(value) >= 10 { return String(format: "%.0f", value) }
        if abs(value) >= 1 { return String(format: "%.1f", value) }
        return String(format: "%.2g", value)
    }

    static func rate(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value >= 10 { return String(format: "%.0f", value) }
        if value >= 1 { return String(format: "%.1f", value) }
        return String(format: "%.2g", value)
    }

    static func count(_ stories: Double) -> String {
        let n = number(stories)
        return stories == 1 ? "1 story" : "\(n) stories"
    }

    static func probability(_ p: Double) -> String { String(format: "%.2f", min(p, 0.99)) }

    static func small(_ p: Double) -> String {
        p >= 0.001 ? String(format: "%.3f", p) : String(format: "%.1e", p)
    }

    static func share(_ value: Double) -> String { String(format: "%.2f", value) }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// How often something happens, from its expected count a year: "about once in 40 years",
    /// "about 3 times a year".
    static func chance(_ perYear: Double) -> String {
        if perYear >= 1.5 { return "about \(Int(perYear.rounded())) times a year" }
        if perYear >= 0.75 { return "about once a year" }
        let years = 1 / max(perYear, 1e-9)
        return years >= 1000 ? "less than once in 1,000 years" : "about once in \(Int(years.rounded())) years"
    }

    /// "5 years", "year", "18 months".
    static func years(_ value: Double) -> String {
        if value >= 1.5 { return "\(Int(value.rounded())) years" }
        if value >= 0.95 { return "year" }
        return "\(Int((value * 12).rounded())) months"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "0.77 (95% interval 0.52–0.93)"; `named: false` leaves out "95% interval".
    static func share(_ reading: BetaDistribution, level: Double, named: Bool = true) -> String {
        let (lower, upper) = reading.credibleInterval(level)
        let label = named ? "\(percent(level)) interval " : ""
        return "\(share(reading.mean)) (\(label)\(share(lower))–\(share(upper)))"
    }

    static func share(_ reading: ShareReading, named: Bool = true) -> String {
        let label = named ? "\(percent(reading.level)) interval " : ""
        return "\(share(reading.mean)) (\(label)\(share(reading.lower))–\(share(reading.upper)))"
    }

    static func types(_ types: [EventType]) -> String { list(types.map(SeriesSelection.plural)) }

    static func sources(_ kinds: [SourceKind]) -> String { list(kinds.map(sourceKind)) }

    static func sourceKind(_ kind: SourceKind) -> String {
        switch kind {
        case .stateMedia: "state media"
        case .insider: "insider"
        case .wire: "wire"
        case .government: "government"
        case .thinkTank: "think-tank"
        case .other: "other"
        }
    }

    static func coverage(_ kind: CoverageChange.Kind) -> String {
        switch kind {
        case .started: "started"
        case .wentQuiet: "went quiet"
        case .resumed: "resumed"
        case .volumeRise: "published more"
        case .volumeDrop: "published less"
        }
    }
}
