import Watchfloor
import WatchfloorStore

/// What the province map shades: stories of one event type over recent days, or the highest
/// warning score.
public struct ProvinceMapView: Sendable {
    public enum Measure: Sendable, Hashable {
        case stories(EventType)
        case warningScore

        /// `warnings` or an event type, as in the map's `indicator` parameter.
        public init(parameter: String?) throws(QueryProblem) {
            guard let parameter, parameter != "warnings" else {
                self = .warningScore
                return
            }
            guard let type = try QueryParameters([("indicator", parameter)]).eventTypes("indicator").first else {
                self = .warningScore
                return
            }
            self = .stories(type)
        }

        public var parameter: String {
            switch self {
            case .stories(let type): type.rawValue
            case .warningScore: "warnings"
            }
        }
    }

    public var measure: Measure
    /// The days counted (for stories) or in which warnings were detected.
    public var window: DayInterval?
    /// By province; with `.warningScore`, only provinces with a warning.
    public var values: [Province: Double]
    /// Warnings with no province in the window (they cannot be drawn on a province).
    public var nationalWarnings: [Warning]

    public static let defaultDays = 90

    public static func load(from store: any Store, measure: Measure, days: Int = defaultDays) throws -> ProvinceMapView {
        guard let last = try store.totals().lastDay else {
            return ProvinceMapView(measure: measure, window: nil, values: [:], nationalWarnings: [])
        }
        let window = DayInterval(first: last.adding(days: -max(days, 1) + 1), last: last)
        let warnings = try store.warnings().filter { window.contains($0.detectedOn) }
        var values: [Province: Double] = [:]
        switch measure {
        case .stories(let type):
            for province in Province.allCases {
                values[province] = try store.series(SeriesKey(type: type, province: province), weighted: false, window: window)
                    .values.reduce(0, +)
            }
        case .warningScore:
            // Only provinces with a warning get a value: no warning is not a score of zero.
            for warning in warnings {
                guard let province = warning.province else { continue }
                values[province] = max(values[province] ?? 0, warning.score)
            }
        }
        return ProvinceMapView(
            measure: measure, window: window, values: values, nationalWarnings: warnings.filter { $0.province == nil })
    }
}
