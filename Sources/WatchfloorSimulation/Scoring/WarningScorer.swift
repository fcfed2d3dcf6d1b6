import Watchfloor

/// Scores raised warnings against the truth of a simulation: the shifts the scenario injected
/// (the **named** changes), and every change of at least 50% in what a warning kind watches that
/// the latent truth shows (``LatentTruth``: the **real** changes, named or not).
///
/// - A warning matches a named shift when it is of the shift's kind, for the shift's province
///   (a national shift is matched by a national warning or one for any province), and was
///   detected no more than ``earlyToleranceDays`` before the onset (onsets are estimates) and no
///   more than ``maximumDelayDays`` after it.
/// - A warning matches a latent change when it is of the change's kind and scope (the nation, or
///   the province), lists every type the change's watch reads, points the same way (a rise or a
///   drop), and was detected from ``earlyToleranceDays`` before the change's first week to
///   ``maximumDelayDays`` after its last.
/// - A warning that matches neither is a **false alarm**: nothing it claims happened in the
///   simulated world. One that matches only a latent change is a correct warning about a change
///   nobody named (the world changes by itself: budgets are outgrown, strain spreads).
///
/// A shift or change is detected by its earliest matching warning; the delay is `detectedOn −
/// onset` in days, and it is detected **within target** when the delay is at most ``targetDays``.
///
/// ```swift
/// let score = WarningScorer().score(warnings: warnings, shifts: run.shifts, latent: latent, period: interval)
/// score.kinds[.giftFlowDisruption]?.medianDelayDays
/// ```
public struct WarningScorer: Sendable {
    public var earlyToleranceDays: Int
    public var maximumDelayDays: Int
    public var targetDays: Int

    public init(earlyToleranceDays: Int = 14, maximumDelayDays: Int = 120, targetDays: Int = 21) {
        self.earlyToleranceDays = earlyToleranceDays
        self.maximumDelayDays = maximumDelayDays
        self.targetDays = targetDays
    }

    public func matches(_ warning: Warning, _ shift: InjectedShift) -> Bool {
        guard warning.kind == shift.kind else { return false }
        if let province = shift.province, warning.province != province { return false }
        let delay = warning.detectedOn - shift.onset
        return delay >= -earlyToleranceDays && delay <= maximumDelayDays
    }

    public func matches(_ warning: Warning, _ change: LatentChange) -> Bool {
        guard warning.kind == change.kind, warning.province == change.province else { return false }
        guard Set(change.types).isSubset(of: warning.types), Self.direction(of: warning) == change.direction else {
            return false
        }
        return warning.detectedOn - change.first >= -earlyToleranceDays && warning.detectedOn - change.last <= maximumDelayDays
    }

    /// Which way a warning says its series moved: from its rates where it gives them (the change
    /// detector's warnings), a drop for a silence, a rise for the share tests (W2, W4).
    public static func direction(of warning: Warning) -> ChangeDirection {
        if let before = warning.figures["rate_before"], let after = warning.figures["rate_after"] {
            return after >= before ? .rise : .drop
        }
        return warning.kind == .silence ? .drop : .rise
    }

    /// Scores `warnings` against `shifts` and, when given, the latent truth. With `period` (the
    /// days the analysis covered), false alarms are also given per year.
    public func score(
        warnings: [Warning], shifts: [InjectedShift], latent: LatentTruth? = nil, period: DayInterval? = nil
    ) -> WarningScore {
        func earliest(_ candidates: [Int]) -> Int? {
            candidates.min { warnings[$0].detectedOn < warnings[$1].detectedOn }
        }
        var detections: [WarningScore.Detection] = []
        for shift in shifts {
            let first = earliest(warnings.indices.filter { matches(warnings[$0], shift) })
            detections.append(
                WarningScore.Detection(
                    shift: shift, warning: first, detectedOn: first.map { warnings[$0].detectedOn },
                    delayDays: first.map { warnings[$0].detectedOn - shift.onset }, magnitude: latent?.magnitude(of: shift)))
        }
        var changes: [WarningScore.ChangeDetection] = []
        for change in latent?.changes ?? [] {
            let first = earliest(warnings.indices.filter { matches(warnings[$0], change) })
            changes.append(
                WarningScore.ChangeDetection(
                    change: change, warning: first, detectedOn: first.map { warnings[$0].detectedOn },
                    delayDays: first.map { warnings[$0].detectedOn - change.onset }))
        }
        let named = Set(warnings.indices.filter { i in shifts.contains { matches(warnings[i], $0) } })
        let real = Set(warnings.indices.filter { i in latent?.changes.contains { matches(warnings[i], $0) } ?? false })
        let falseAlarms = warnings.indices.filter { !named.contains($0) && !real.contains($0) }
        let years = period.map { Double($0.count) / 365.25 }

        var kinds: [WarningKind: WarningScore.KindScore] = [:]
        for kind in WarningKind.allCases {
            let mine = detections.filter { $0.shift.kind == kind }
            let delays = mine.compactMap(\.delayDays).sorted()
            let expected = changes.filter { $0.change.kind == kind && $0.change.expected }
            let changeDelays = expected.compactMap(\.delayDays).sorted()
            let ofKind = warnings.indices.filter { warnings[$0].kind == kind }
            let alarms = falseAlarms.count { warnings[$0].kind == kind }
            guard !mine.isEmpty || !ofKind.isEmpty || !expected.isEmpty else { continue }
            kinds[kind] = WarningScore.KindScore(
                shifts: mine.count, detected: delays.count, missed: mine.count - delays.count,
                detectedWithinTarget: delays.count { $0 <= targetDays },
                delaysDays: delays, medianDelayDays: Self.median(delays),
                meanDelayDays: delays.isEmpty ? nil : Double(delays.reduce(0, +)) / Double(delays.count),
                changes: expected.count, changesDetected: changeDelays.count,
                changesDetectedWithinTarget: changeDelays.count { $0 <= targetDays }, changeDelaysDays: changeDelays,
                warnings: ofKind.count, warningsOnNamedShifts: ofKind.count { named.contains($0) },
                warningsOnUnnamedChanges: ofKind.count { !named.contains($0) && real.contains($0) },
                falseAlarms: alarms, falseAlarmsPerYear: years.map { $0 > 0 ? Double(alarms) / $0 : 0 })
        }
        return WarningScore(
            detections: detections, changes: changes, kinds: kinds, falseAlarms: falseAlarms,
            unnamedChangeWarnings: warnings.indices.filter { !named.contains($0) && real.contains($0) },
            targetDays: targetDays)
    }

    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }
}
