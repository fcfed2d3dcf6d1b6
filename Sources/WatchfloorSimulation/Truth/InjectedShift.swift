import Foundation
import Watchfloor

/// One line of `truth/shifts.json`: a change the scenario injected, named by the warning it
/// should raise, where, and from when.
///
/// ```json
/// {"kind": "W1", "province": "KP-09", "onset": "2026-02-23", "week": 60,
///  "shift": "budget_cut", "description": "support budget multiplied by 0.3 in KP-09 from week 60"}
/// ```
public struct InjectedShift: Hashable, Codable, Sendable {
    /// The warning the shift should raise.
    public var kind: WarningKind
    /// `nil` for a national shift (written as `null`).
    @ExplicitNull public var province: Province?
    /// The first day of the week the shift starts.
    public var onset: Day
    public var week: Int
    /// The scenario's shift kind, e.g. `budget_cut`.
    public var shift: String
    public var description: String

    public init(kind: WarningKind, province: Province?, onset: Day, week: Int, shift: String, description: String) {
        self.kind = kind
        self._province = ExplicitNull(wrappedValue: province)
        self.onset = onset
        self.week = week
        self.shift = shift
        self.description = description
    }
}

extension InjectedShift {
    /// Reads a `truth/shifts.json` written by `watchfloor simulate`, for scoring a run later.
    public static func load(contentsOf url: URL) throws -> [InjectedShift] {
        try JSONDecoder().decode([InjectedShift].self, from: Data(contentsOf: url))
    }
}

extension Scenario {
    /// The scenario's shifts as the truth lists them: one entry per shift, province (or the
    /// nation) and warning it should raise, in order of onset.
    public var injectedShifts: [InjectedShift] {
        var result: [InjectedShift] = []
        for shift in shifts {
            let places: [Province?] = shift.provinces.isEmpty ? [nil] : shift.provinces.map { $0 }
            for place in places {
                for warning in shift.warnings {
                    result.append(
                        InjectedShift(
                            kind: warning, province: place, onset: day(ofWeek: shift.week), week: shift.week,
                            shift: shift.kind.rawValue, description: shift.summary))
                }
            }
        }
        return result.sorted { ($0.onset, $0.kind.rawValue, $0.province?.code ?? "") < ($1.onset, $1.kind.rawValue, $1.province?.code ?? "") }
    }
}
