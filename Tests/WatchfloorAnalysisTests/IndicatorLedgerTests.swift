import Testing
import Watchfloor

@testable import WatchfloorAnalysis

@Suite struct IndicatorLedgerTests {
    let day = Day("2025-09-01")!

    func fact(
        _ id: Int64, _ type: EventType = .giftDelivery, province: Province? = .ryanggang, offset: Int = 0,
        cluster: String? = nil, source: String = "Outlet A", reliability: Reliability = .b, confidence: Double = 1,
        sincerity: Sincerity? = nil
    ) -> EventFact {
        EventFact(
            id: id, type: type, province: province, day: day.adding(days: offset),
            cluster: DocumentID(rawValue: cluster ?? "c\(id)"), source: source, sourceKind: .insider,
            reliability: reliability, sincerity: sincerity, confidence: confidence)
    }

    var week: DayInterval { DayInterval(first: day, last: day.adding(days: 6)) }

    @Test func syndicatedCopiesCountOnceOnTheirFirstDay() {
        let ledger = IndicatorLedger([
            fact(1, offset: 2, cluster: "story"), fact(2, offset: 1, cluster: "story", source: "Outlet B"),
            fact(3, offset: 4, cluster: "story", source: "Outlet C"), fact(4, offset: 4),
        ])
        let series = ledger.series(SeriesSelection(types: [.giftDelivery], province: .ryanggang), over: week)
        #expect(series.values == [0, 1, 0, 0, 1, 0, 0])
        // The national series counts the same stories.
        #expect(ledger.series(SeriesSelection(types: [.giftDelivery]), over: week).values == series.values)
        #expect(ledger.outlets(SeriesSelection(types: [.giftDelivery])) == ["Outlet A": 2, "Outlet B": 1, "Outlet C": 1])
    }

    @Test func aStoryCountsOnceInEachTypeOfACombinedSeries() {
        let ledger = IndicatorLedger([fact(1, cluster: "s"), fact(2, .condolenceVisit, cluster: "s"), fact(3, cluster: "s")])
        let aid = SeriesSelection(types: [.giftDelivery, .condolenceVisit], province: .ryanggang)
        #expect(ledger.series(aid, over: week).values.first == 2)
        #expect(ledger.total(aid) == 2)
    }

    @Test func weightsTakeTheBestCopy() {
        let ledger = IndicatorLedger([
            fact(1, cluster: "s", reliability: .e, confidence: 1), fact(2, cluster: "s", reliability: .a, confidence: 0.8),
            fact(3, offset: 1, reliability: .c, confidence: 0.5),
        ])
        let weighted = ledger.series(SeriesSelection(types: [.giftDelivery]), over: week, weighting: .reliability)
        #expect(abs(weighted.values[0] - 0.8) < 1e-12)  // A (1.0) × 0.8 beats E (0.25) × 1
        #expect(abs(weighted.values[1] - 0.35) < 1e-12)  // C (0.7) × 0.5
    }

    @Test func removingAndReAddingKeepsTheTallyExact() {
        var ledger = IndicatorLedger()
        let early = fact(1, offset: 1, cluster: "s")
        let late = fact(2, offset: 3, cluster: "s", source: "Outlet B")
        ledger.add(late)
        ledger.add(early)
        ledger.add(early)  // the same event again: ignored
        let selection = SeriesSelection(types: [.giftDelivery], province: .ryanggang)
        #expect(ledger.series(selection, over: week).values == [0, 1, 0, 0, 0, 0, 0])
        ledger.remove(early)
        #expect(ledger.series(selection, over: week).values == [0, 0, 0, 1, 0, 0, 0])
        ledger.remove(late)
        #expect(ledger.series(selection, over: week).values == [0, 0, 0, 0, 0, 0, 0])
        #expect(ledger.keys.isEmpty && ledger.eventCount == 0 && ledger.span == nil)
    }

    @Test func filteredSeriesCountOnlyMatchingCopies() {
        let ledger = IndicatorLedger([
            fact(1, .gratitudeExpression, cluster: "s", sincerity: .sincere),
            fact(2, .gratitudeExpression, offset: 2, cluster: "s", sincerity: .coerced),
            fact(3, .gratitudeExpression, offset: 3, sincerity: .unclear),
        ])
        let gratitude = SeriesSelection(types: [.gratitudeExpression], province: .ryanggang)
        #expect(ledger.series(gratitude, over: week) { $0.sincerity == .coerced }.values == [0, 0, 1, 0, 0, 0, 0])
        #expect(ledger.series(gratitude, over: week) { $0.sincerity == .sincere }.values == [1, 0, 0, 0, 0, 0, 0])
        #expect(ledger.events(gratitude, in: week) { $0.sincerity == .coerced }.map(\.id) == [2])
    }

    @Test func selectionsNameThemselves() {
        let aid = SeriesSelection(types: [.giftDelivery, .condolenceVisit, .giftDelivery], province: .northHamgyong)
        #expect(aid.types == [.condolenceVisit, .giftDelivery])
        #expect(aid.description == "CONDOLENCE_VISIT+GIFT_DELIVERY@KP-09")
        #expect(aid.title == "Condolence visits and gift deliveries, North Hamgyong (KP-09)")
        #expect(SeriesSelection(types: [.deployment]).phrase == "deployments to Russia nationally")
    }

    @Test func eventsOutsideTheIntervalAreNotCounted() {
        let ledger = IndicatorLedger([fact(1, offset: -3), fact(2, offset: 30), fact(3, province: nil, offset: 2)])
        #expect(ledger.series(SeriesSelection(types: [.giftDelivery]), over: week).values == [0, 0, 1, 0, 0, 0, 0])
        #expect(ledger.series(SeriesSelection(types: [.giftDelivery], province: .ryanggang), over: week).values.allSatisfy { $0 == 0 })
        let all = IndicatorSeries.build(facts: [fact(1), fact(2, .discontent)], interval: week)
        #expect(Set(all.keys) == [
            SeriesKey(type: .giftDelivery), SeriesKey(type: .giftDelivery, province: .ryanggang),
            SeriesKey(type: .discontent), SeriesKey(type: .discontent, province: .ryanggang),
        ])
    }
}
