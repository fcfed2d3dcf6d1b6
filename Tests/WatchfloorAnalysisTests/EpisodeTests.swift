import Testing
import Watchfloor

@testable import WatchfloorAnalysis

/// Signals become warnings by episodes: what is one turn of events is one warning, and a later
/// turn is not hidden inside an earlier one.
@Suite struct EpisodeTests {
    let start = Day(year: 2026, month: 1, day: 5)!

    func signal(
        _ kind: WarningKind = .giftFlowDisruption, onset: Int, detected: Int, end: Int? = nil, change: Bool,
        score: Double = 0.9, types: [EventType] = [.giftDelivery, .condolenceVisit]
    ) -> Episode {
        let warning = Warning(
            kind: kind, province: .northHamgyong, types: types, onset: start.adding(days: onset),
            detectedOn: start.adding(days: detected), score: score, explanation: "signal from day \(onset).")
        return Episode(warning, end: start.adding(days: end ?? detected), isChange: change)
    }

    @Test func changesWhoseOnsetsAreCloseAreOneTurn() {
        // Gifts fall on day 0 (found on day 29); disruption rises on day 8 (found on day 20).
        let merged = Episode.merge(
            [signal(onset: 0, detected: 29, change: true),
             signal(onset: 8, detected: 20, change: true, types: [.aidDisruption])],
            within: 30, maximumEvents: 40)
        #expect(merged.count == 1)
        #expect(merged[0].warning.onset == start && merged[0].warning.detectedOn == start.adding(days: 20))
        #expect(merged[0].warning.types == [.aidDisruption, .condolenceVisit, .giftDelivery])
    }

    @Test func aLaterFallIsAWarningOfItsOwn() {
        // Gifts fall on day 0, found late (day 29); they fall again on day 42, found on day 56. The
        // second onset is 13 days after the first detection, but it is another turn: two warnings.
        let merged = Episode.merge(
            [signal(onset: 0, detected: 29, change: true), signal(onset: 42, detected: 56, change: true)],
            within: 30, maximumEvents: 40)
        #expect(merged.count == 2)
        #expect(merged.map(\.warning.onset) == [start, start.adding(days: 42)])
        #expect(merged[1].warning.detectedOn == start.adding(days: 56))
    }

    @Test func lastingSignalsJoinWhileTheyGoOn() {
        // A silence from day 0 that lasted to day 40, and one that starts on day 60: one episode
        // (the second began 20 days after the first ended), as before for signals that last.
        let merged = Episode.merge(
            [signal(.silence, onset: 0, detected: 12, end: 40, change: false),
             signal(.silence, onset: 60, detected: 72, end: 80, change: false)],
            within: 30, maximumEvents: 40)
        #expect(merged.count == 1)
        #expect(merged[0].explanations.count == 2)
        // Other kinds and places never join.
        let apart = Episode.merge(
            [signal(onset: 0, detected: 10, change: true), signal(.allianceShift, onset: 2, detected: 12, change: true)],
            within: 30, maximumEvents: 40)
        #expect(apart.count == 2)
    }
}
