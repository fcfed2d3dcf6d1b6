import Watchfloor

/// Scores raised warnings against the shifts a simulation injected: per warning kind, which
/// shifts were detected and how late, and which warnings matched no shift (false alarms).
///
/// A warning matches a shift when it is of the shift's kind, for the shift's province (a
/// national shift is matched by a national warning or one for any province), and was detected
/// no more than ``earlyToleranceDays`` before the onset (onsets are estimates) and no more than
/// ``maximumDelayDays`` after it. A shift is detected by its earliest matching warning;
/// the detection delay is `detectedOn − onset` in days.
///
/// ```swift
/// let score = WarningScorer().score(warnings: warnings, shifts: run.shifts, period: interval)
/// score.kinds[.giftFlowDisruption]?.medianDelayDays
/// ```
public struct WarningScorer: Sendable {
    public var earlyToleranceDays: Int
    public var maximumDelayDays: Int

    public init(earlyToleranceDays: Int = 14, maximumDelayDays: Int = 120) {
        self.earlyToleranceDays = earlyToleranceDays
        self.maximumDelayDays = maximumDelayDays
    }

    public func matches(_ warning: Warning, _ shift: InjectedShift) -> Bool {
        guard warning.kind == shift.kind else { return false }
        if let province = shift.province, warning.province != province { return false }
        let delay = warning.detectedOn - shift.onset
        return delay >= -earlyToleranceDays && delay <= maximumDelayDays
    }

    /// Scores `warnings` against `shifts`. With `period` (the days the analysis covered), false
    /// alarms are also given per year.
    public func score(warnings: [Warning], shifts: [InjectedShift], period: DayInterval? = nil) -> WarningScore {
        var detections: [WarningScore.Detection] = []
        for shift in shifts {
            let first = warnings.indices.filter { matches(warnings[$0], shift) }.min {
                warnings[$0].detectedOn < warnings[$1].detectedOn
            }
            detections.append(
                WarningScore.Detection(
                    shift: shift, warning: first, detectedOn: first.map { warnings[$0].detectedOn },
                    delayDays: first.map { warnings[$0].detectedOn - shift.onset }))
        }
        let falseAlarms = warnings.indices.filter { i in !shifts.contains { matches(warnings[i], $0) } }
        let years = period.map { Double($0.count) / 365.25 }

        var kinds: [WarningKind: WarningScore.KindScore] = [:]
        for kind in WarningKind.allCases {
            let mine = detections.filter { $0.shift.kind == kind }
            let delays = mine.compactMap(\.delayDays).sorted()
            let alarms = falseAlarms.count { warnings[$0].kind == kind }
            guard !mine.isEmpty || alarms > 0 || warnings.contains(where: { $0.kind == kind }) else { continue }
            kinds[kind] = WarningScore.KindScore(
                shifts: mine.count, detected: delays.count, missed: mine.count - delays.count,
                delaysDays: delays, medianDelayDays: Self.median(delays),
                meanDelayDays: delays.isEmpty ? nil : Double(delays.reduce(0, +)) / Double(delays.count),
                falseAlarms: alarms, falseAlarmsPerYear: years.map { $0 > 0 ? Double(alarms) / $0 : 0 })
        }
        return WarningScore(detections: detections, kinds: kinds, falseAlarms: falseAlarms)
    }

    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// The result of ``WarningScorer/score(warnings:shifts:period:)``.
public struct WarningScore: Sendable, Encodable {
    public struct Detection: Sendable, Encodable {
        public var shift: InjectedShift
        /// The index in the scored warnings of the earliest matching warning.
        @ExplicitNull public var warning: Int?
        @ExplicitNull public var detectedOn: Day?
        @ExplicitNull public var delayDays: Int?

        enum CodingKeys: String, CodingKey {
            case shift, warning
            case detectedOn = "detected_on"
            case delayDays = "delay_days"
        }
    }

    public struct KindScore: Sendable, Encodable, Equatable {
        public var shifts: Int
        public var detected: Int
        public var missed: Int
        public var delaysDays: [Int]
        @ExplicitNull public var medianDelayDays: Double?
        @ExplicitNull public var meanDelayDays: Double?
        public var falseAlarms: Int
        @ExplicitNull public var falseAlarmsPerYear: Double?

        enum CodingKeys: String, CodingKey {
            case shifts, detected, missed
            case delaysDays = "delays_days"
            case medianDelayDays = "median_delay_days"
            case meanDelayDays = "mean_delay_days"
            case falseAlarms = "false_alarms"
            case falseAlarmsPerYear = "false_alarms_per_year"
        }
    }

    public var detections: [Detection]
    /// Per warning kind that had a shift or a warning.
    public var kinds: [WarningKind: KindScore]
    /// Indices of the warnings that matched no shift.
    public var falseAlarms: [Int]

    enum CodingKeys: String, CodingKey {
        case detections, kinds
        case falseAlarms = "false_alarms"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(detections, forKey: .detections)
        try c.encode(Dictionary(uniqueKeysWithValues: kinds.map { ($0.key.rawValue, $0.value) }), forKey: .kinds)
        try c.encode(falseAlarms, forKey: .falseAlarms)
    }
}
