import Foundation
import Testing
import Watchfloor
@testable import WatchfloorSimulation

/// The scorer's rule for real changes, on hand-made expected reporting.
@Suite("Latent changes: what really changed, named or not")
struct LatentChangeTests {
    let start = Day("2025-01-06")!

    /// Expected stories of one type in one province, one value per week.
    func expected(_ type: EventType, _ province: Province?, _ weekly: [Double], source: SourceKind = .insider, sincerity: Sincerity? = nil, into table: ExpectedReporting? = nil) -> ExpectedReporting {
        var table = table ?? ExpectedReporting(start: start, weeks: weekly.count)
        for (week, value) in weekly.enumerated() {
            table.add(value, .init(week: week, province: province, type: type, source: source, sincerity: sincerity))
        }
        return table
    }

    let disruption = LatentWatch(
        kind: .giftFlowDisruption, name: "aid disruption", measure: .rate(.init(types: [.aidDisruption])), directions: [.rise])
    let gifts = LatentWatch(
        kind: .giftFlowDisruption, name: "gifts", measure: .rate(.init(types: [.giftDelivery])), directions: [.drop])
    let silence = LatentWatch(
        kind: .silence, name: "silence", measure: .rate(.init(types: [.giftDelivery])), directions: [.drop], rule: .stop,
        national: false)

    @Test("a step from 2 to 4 a week is one rise, dated at the step, seen nationally and in its province")
    func step() throws {
        let table = expected(.aidDisruption, .chagang, Array(repeating: 2, count: 20) + Array(repeating: 4, count: 20))
        let changes = LatentChangeRule().changes(in: table, watches: [disruption])
        #expect(changes.count == 2)
        for change in changes {
            #expect(change.direction == .rise)
            #expect(change.onset == start.adding(days: 7 * 20))
            #expect(change.ratio == 2)
            #expect(change.before == 2 && change.after == 4)
            // By hand, 8-week windows: week 16: before 2, after (4·2 + 4·4)/8 = 3 → 1.5 (passes);
            // week 15: after (5·2 + 3·4)/8 = 2.75 → 1.375 (fails); week 22: before (6·2 + 2·4)/8 = 2.5,
            // after 4 → 1.6 (passes); week 23: before (5·2 + 3·4)/8 = 2.75 → 1.45 (fails).
            #expect(change.first == start.adding(days: 7 * 16))
            #expect(change.last == start.adding(days: 7 * 22 + 6))
            #expect(abs(change.storiesPerDay - 4.0 / 7) < 1e-12)
            #expect(change.expected)
        }
        #expect(Set(changes.map(\.province)) == [nil, .chagang])
    }

    @Test("a watch keeps only the directions it warns of; +40% is no change")
    func directionsAndFactor() {
        let falling = expected(.aidDisruption, .chagang, Array(repeating: 4, count: 20) + Array(repeating: 1, count: 20))
        #expect(LatentChangeRule().changes(in: falling, watches: [disruption]).isEmpty, "disruption warns of rises only")
        let gentle = expected(.aidDisruption, .chagang, Array(repeating: 5, count: 20) + Array(repeating: 7, count: 20))
        #expect(LatentChangeRule().changes(in: gentle, watches: [disruption]).isEmpty)
    }

    @Test("a change of less than two expected stories in a window is no change, however large its ratio")
    func materiality() {
        let tiny = expected(.aidDisruption, .rason, Array(repeating: 0.1, count: 20) + Array(repeating: 0.3, count: 20))
        #expect(LatentChangeRule().changes(in: tiny, watches: [disruption]).isEmpty, "0.2 a week more: 1.6 stories in 8 weeks")
        let small = expected(.aidDisruption, .rason, Array(repeating: 0.1, count: 20) + Array(repeating: 0.4, count: 20))
        #expect(LatentChangeRule().changes(in: small, watches: [disruption]).count == 2, "0.3 a week more: 2.4 stories")
        #expect(LatentChangeRule(minimumStories: 0).changes(in: tiny, watches: [disruption]).count == 2)
    }

    @Test("a stop is expected of the silence watch; a halving explains a silence warning but is not expected of it")
    func stopRule() throws {
        let stopped = expected(.giftDelivery, .ryanggang, Array(repeating: 3, count: 20) + Array(repeating: 0, count: 20))
        let stop = try #require(LatentChangeRule().changes(in: stopped, watches: [silence]).first)
        #expect(stop.direction == .drop && stop.ratio == 0 && stop.expected && stop.province == .ryanggang)
        let halved = expected(.giftDelivery, .ryanggang, Array(repeating: 3, count: 20) + Array(repeating: 1.2, count: 20))
        let drop = try #require(LatentChangeRule().changes(in: halved, watches: [silence]).first)
        #expect(abs(drop.ratio - 0.4) < 1e-12 && !drop.expected)
        let changes = LatentChangeRule().changes(in: halved, watches: [gifts])
        #expect(changes.count == 2 && changes.allSatisfy { $0.expected })
    }

    @Test("a ratio watch sees two sides moving apart, not both moving together")
    func ratioWatch() {
        let gap = LatentWatch(
            kind: .narrativeGap, name: "gap",
            measure: .ratio(.init(types: [.discontent], sources: [.insider]), over: .init(types: [.memorialHonor], sources: [.stateMedia])),
            directions: [.rise], national: false)
        var together = expected(.discontent, .northHamgyong, Array(repeating: 1, count: 20) + Array(repeating: 3, count: 20))
        together = expected(.memorialHonor, .northHamgyong, Array(repeating: 2, count: 20) + Array(repeating: 6, count: 20), source: .stateMedia, into: together)
        #expect(LatentChangeRule().changes(in: together, watches: [gap]).isEmpty)
        var apart = expected(.discontent, .northHamgyong, Array(repeating: 1, count: 20) + Array(repeating: 3, count: 20))
        apart = expected(.memorialHonor, .northHamgyong, Array(repeating: 2, count: 40), source: .stateMedia, into: apart)
        let changes = LatentChangeRule().changes(in: apart, watches: [gap])
        #expect(changes.count == 1 && changes.first?.ratio == 3 && changes.first?.province == .northHamgyong)
        // A narrative falling silent while strain stays flat is not a divergence, when the watch
        // says the numerator must change.
        var silent = expected(.discontent, .northHamgyong, Array(repeating: 1, count: 40))
        silent = expected(.memorialHonor, .northHamgyong, Array(repeating: 2, count: 20) + Array(repeating: 0.5, count: 20), source: .stateMedia, into: silent)
        #expect(LatentChangeRule().changes(in: silent, watches: [gap]).count == 1, "the ratio rose fourfold")
        var holding = gap
        holding.numeratorMustChange = true
        #expect(LatentChangeRule().changes(in: silent, watches: [holding]).isEmpty)
        #expect(LatentChangeRule().changes(in: apart, watches: [holding]).count == 1)
        // Strain from state media does not count: the gap reads insider strain only.
        let wrongSide = expected(.discontent, .northHamgyong, Array(repeating: 1, count: 20) + Array(repeating: 3, count: 20), source: .stateMedia)
        #expect(LatentChangeRule().changes(in: expected(.memorialHonor, .northHamgyong, Array(repeating: 2, count: 40), source: .stateMedia, into: wrongSide), watches: [gap]).isEmpty)
    }

    func warning(_ kind: WarningKind, _ province: Province?, types: [EventType], detected week: Int, before: Double? = nil, after: Double? = nil) -> Warning {
        var figures: [String: Double] = [:]
        if let before, let after {
            figures["rate_before"] = before
            figures["rate_after"] = after
        }
        return Warning(
            kind: kind, province: province, types: types, onset: start.adding(days: 7 * week - 10),
            detectedOn: start.adding(days: 7 * week), score: 0.9, explanation: "", figures: figures)
    }

    @Test("the scorer counts a warning on a real but unnamed change apart from a false alarm, by hand")
    func scoringAgainstTheLatentTruth() throws {
        // Disruption in KP-04 doubles at week 20; gifts in KP-10 stop at week 30; nothing is named.
        var table = expected(.aidDisruption, .chagang, Array(repeating: 2, count: 20) + Array(repeating: 4, count: 40))
        table = expected(.giftDelivery, .ryanggang, Array(repeating: 3, count: 30) + Array(repeating: 0, count: 30), into: table)
        let latent = LatentTruth(expected: table, watches: [disruption, gifts, silence])
        let warnings = [
            warning(.giftFlowDisruption, .chagang, types: [.aidDisruption], detected: 22, before: 0.3, after: 0.6),  // real, 14 days late
            warning(.giftFlowDisruption, .chagang, types: [.aidDisruption], detected: 40, before: 0.6, after: 0.2),  // a drop: nothing fell
            warning(.silence, .ryanggang, types: [.giftDelivery], detected: 33),  // real stop, 21 days late
            warning(.giftFlowDisruption, .ryanggang, types: [.giftDelivery, .condolenceVisit], detected: 31, before: 0.4, after: 0),  // real drop, 7 days
            warning(.giftFlowDisruption, .northHamgyong, types: [.aidDisruption], detected: 22, before: 0.3, after: 0.6),  // wrong place
            warning(.giftFlowDisruption, nil, types: [.aidDisruption], detected: 60, before: 0.3, after: 0.6),  // national, but 38 weeks after the change's last week
        ]
        let score = WarningScorer().score(warnings: warnings, shifts: [], latent: latent)
        #expect(score.falseAlarms == [1, 4, 5])
        #expect(score.unnamedChangeWarnings == [0, 2, 3])
        let w1 = try #require(score.kinds[.giftFlowDisruption])
        // Expected W1 changes: disruption rise in KP-04 and nationally; gifts drop in KP-10 and nationally.
        #expect(w1.changes == 4)
        #expect(w1.changesDetected == 2 && w1.changesDetectedWithinTarget == 2)
        #expect(w1.changeDelaysDays == [7, 14])
        #expect(w1.warnings == 5 && w1.warningsOnUnnamedChanges == 2 && w1.falseAlarms == 3 && w1.shifts == 0)
        let w3 = try #require(score.kinds[.silence])
        #expect(w3.changes == 1 && w3.changesDetectedWithinTarget == 1 && w3.changeDelaysDays == [21] && w3.falseAlarms == 0)
    }

    @Test("a named shift is scored as before, with how much it moved what its kind watches")
    func namedShiftMagnitude() throws {
        let table = expected(.giftDelivery, .northHamgyong, Array(repeating: 10, count: 20) + Array(repeating: 7, count: 20))
        let latent = LatentTruth(expected: table, watches: [gifts])
        let shift = InjectedShift(
            kind: .giftFlowDisruption, province: .northHamgyong, onset: start.adding(days: 140), week: 20, shift: "budget_cut",
            description: "")
        let late = warning(.giftFlowDisruption, .northHamgyong, types: [.giftDelivery], detected: 26, before: 1, after: 0.7)
        let score = WarningScorer().score(warnings: [late], shifts: [shift], latent: latent)
        let detection = try #require(score.detections.first)
        #expect(detection.delayDays == 42)
        #expect(abs((detection.magnitude?.ratio ?? 0) - 0.7) < 1e-12, "a 30% cut: below the rule's 50%")
        #expect(score.kinds[.giftFlowDisruption]?.detectedWithinTarget == 0)
        #expect(score.kinds[.giftFlowDisruption]?.changes == 0, "no latent change of 50%")
        #expect(score.falseAlarms.isEmpty, "it matches the named shift")
    }

    @Test("expected reporting reads back from its CSV; a bad line names the file and line")
    func csvRoundTrip() throws {
        var table = expected(.giftDelivery, .ryanggang, [1.5, 0, 2.25])
        table = expected(.gratitudeExpression, nil, [0.5, 0.5, 0.5], source: .stateMedia, sincerity: .unclear, into: table)
        let read = try ExpectedReporting(csv: table.csv(), file: "expected.csv", weeks: 3)
        #expect(read == table)
        #expect(read.weekly(types: [.giftDelivery, .gratitudeExpression], province: nil) == [2, 0.5, 2.75])
        #expect(read.weekly(types: [.gratitudeExpression], province: nil, sources: [.insider]) == [0, 0, 0])
        let broken = table.csv().replacingOccurrences(of: ",KP-10,", with: ",KP-99,")
        #expect(throws: ExpectedReporting.ReadError.self) { try ExpectedReporting(csv: broken, file: "expected.csv") }
        do {
            _ = try ExpectedReporting(csv: broken, file: "truth/expected.csv")
        } catch {
            #expect(error.description.hasPrefix("truth/expected.csv:"), "\(error)")
            #expect(error.description.contains("KP-99"))
        }
    }
}
