import Foundation
import Testing
import Watchfloor
import WatchfloorStore
import WatchfloorTesting

@Suite struct SQLiteStoreReviewTests {
    /// A store with one document and one machine event of each given province.
    private func storeWithAid(in provinces: [Province?]) throws -> (StoreFixture, Document) {
        let fixture = try StoreFixture()
        let doc = document("Families in Hyesan received rice and fuel from the provincial party committee.")
        try fixture.store.write([item(doc, events: provinces.map { event(.giftDelivery, in: doc, province: $0, confidence: 0.6) })])
        return (fixture, doc)
    }

    private func total(_ store: SQLiteStore, _ type: EventType, _ province: Province?) throws -> Double {
        try store.series(SeriesKey(type: type, province: province), weighted: false).values.reduce(0, +)
    }

    @Test func anAcceptedEventCountsOnceAsTheReview() throws {
        let (fixture, _) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        let review = try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .accepted, reviewer: "kim", note: "checked"))
        #expect(review.verdict == .accepted)
        #expect(review.note == "checked")
        #expect(review.machine.eventID == machine.event.id)
        #expect(review.event.event.id != machine.event.id)
        let listed = try store.events(EventFilter())
        #expect(listed.map(\.event.id) == [review.event.event.id])
        #expect(listed.first?.event.status == .accepted)
        #expect(listed.first?.event.reviewer == "kim")
        #expect(try total(store, .giftDelivery, .ryanggang) == 1)
        #expect(try store.status().events == 1)
        #expect(try store.status().reviewedEvents == 1)
    }

    @Test func aReviewWeighsWhatItsSourceWeighs() throws {
        let (fixture, _) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .accepted, reviewer: "kim"))
        // The insider source is graded B; the review's confidence is 1.
        let weighted = try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: true).values.reduce(0, +)
        #expect(abs(weighted - Reliability.b.weight) < 1e-9)
    }

    @Test func anEditMovesTheIndicatorToTheCorrectedTypeAndProvince() throws {
        let (fixture, _) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        let correction = EventCorrection(
            type: .aidDisruption, province: .northHamgyong, date: EventDate(day: Day("2025-09-28")!), sincerity: nil)
        try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .edited(correction), reviewer: "kim"))
        #expect(try total(store, .giftDelivery, .ryanggang) == 0)
        #expect(try total(store, .giftDelivery, nil) == 0)
        #expect(try total(store, .aidDisruption, .northHamgyong) == 1)
        let edited = try #require(try store.events(EventFilter(status: .edited)).first)
        #expect(edited.event.type == .aidDisruption)
        #expect(edited.event.province == .northHamgyong)
        #expect(edited.event.date?.day == Day("2025-09-28"))
        // The evidence stays the machine's: the sentence the analyst judged.
        #expect(edited.event.evidence == machine.event.evidence)
    }

    @Test func aRejectedEventStopsCountingButCanBeListed() throws {
        let (fixture, _) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .rejected, reviewer: "kim"))
        #expect(try store.events(EventFilter()).isEmpty)
        #expect(try total(store, .giftDelivery, .ryanggang) == 0)
        #expect(try store.events(EventFilter(status: .rejected)).count == 1)
        #expect(try store.events(EventFilter(includeRejected: true)).map(\.event.status) == [.rejected])
        #expect(try store.totals().events == 0)
    }

    @Test func reviewingAgainReplacesTheDecision() throws {
        let (fixture, _) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        let first = try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .rejected, reviewer: "kim"))
        // Once from the machine event's id, once from the review's own event id.
        let second = try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .accepted, reviewer: "lee"))
        let third = try store.review(
            ReviewDecision(eventID: second.event.event.id!, verdict: .edited(EventCorrection(type: .giftDelivery, province: .chagang)), reviewer: "park"))
        #expect(first.id == second.id && second.id == third.id)
        #expect(try store.reviews(limit: 10, offset: 0).count == 1)
        #expect(third.reviewer == "park")
        #expect(try total(store, .giftDelivery, .chagang) == 1)
        #expect(try total(store, .giftDelivery, .ryanggang) == 0)
        #expect(try store.review(ofEvent: machine.event.id!)?.id == first.id)
    }

    @Test func withdrawingAReviewRestoresTheMachineEvent() throws {
        let (fixture, _) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        let review = try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .rejected, reviewer: "kim"))
        try store.withdrawReview(review.id)
        #expect(try store.events(EventFilter()).map(\.event.id) == [machine.event.id])
        #expect(try total(store, .giftDelivery, .ryanggang) == 1)
        #expect(try store.reviews(limit: 10, offset: 0).isEmpty)
        #expect(throws: StoreError.self) { try store.withdrawReview(review.id) }
    }

    @Test func reviewsSurviveARecodeAndSupersedeTheRecodedEvent() throws {
        let (fixture, doc) = try storeWithAid(in: [.ryanggang, .northHamgyong])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter(province: .ryanggang)).first)
        try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .rejected, reviewer: "kim"))

        // The same coding again: the recoded Ryanggang event is the one the analyst rejected.
        try store.replaceMachineEvents([
            doc.id: [event(.giftDelivery, in: doc, province: .ryanggang), event(.giftDelivery, in: doc, province: .northHamgyong)]
        ])
        #expect(try total(store, .giftDelivery, .ryanggang) == 0)
        #expect(try total(store, .giftDelivery, .northHamgyong) == 1)
        let review = try #require(try store.reviews(limit: 10, offset: 0).first)
        let recoded = try #require(try store.events(EventFilter(province: .northHamgyong)).first)
        #expect(review.machine.eventID != nil)
        #expect(review.machine.eventID != machine.event.id)
        #expect(recoded.event.id != machine.event.id)

        // A codebook that no longer codes the event: the review stays, linked to nothing.
        try store.replaceMachineEvents([doc.id: [event(.condolenceVisit, in: doc, province: .ryanggang)]])
        let unlinked = try #require(try store.reviews(limit: 10, offset: 0).first)
        #expect(unlinked.machine.eventID == nil)
        #expect(unlinked.machine.type == .giftDelivery)
        #expect(try total(store, .condolenceVisit, .ryanggang) == 1)
    }

    @Test func anAcceptedEventKeepsCountingAfterARecodeThatDropsIt() throws {
        let (fixture, doc) = try storeWithAid(in: [.ryanggang])
        let store = fixture.store
        let machine = try #require(try store.events(EventFilter()).first)
        try store.review(ReviewDecision(eventID: machine.event.id!, verdict: .accepted, reviewer: "kim"))
        try store.replaceMachineEvents([doc.id: []])
        #expect(try total(store, .giftDelivery, .ryanggang) == 1)
        #expect(try store.events(EventFilter()).map(\.event.status) == [.accepted])
    }

    @Test func reviewingAMissingEventFails() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.self) {
            try fixture.store.review(ReviewDecision(eventID: 99, verdict: .accepted, reviewer: "kim"))
        }
    }

    @Test func countsFromTheIndicatorTablesMatchCountingRows() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        var batch: [DocumentToStore] = []
        for i in 0..<30 {
            let doc = document("Report \(i) on support to bereaved families.", published: "2025-10-\(String(format: "%02d", i % 28 + 1))")
            let province: Province? = i % 3 == 0 ? nil : (i % 3 == 1 ? .ryanggang : .northHamgyong)
            batch.append(item(doc, events: [event(i % 2 == 0 ? .giftDelivery : .discontent, in: doc, province: province)]))
        }
        try store.write(batch)
        let first = try #require(try store.events(EventFilter(limit: 1)).first)
        try store.review(ReviewDecision(eventID: first.event.id!, verdict: .rejected, reviewer: "kim"))
        let filters = [
            EventFilter(), EventFilter(types: [.giftDelivery]), EventFilter(province: .ryanggang),
            EventFilter(types: [.discontent, .giftDelivery], province: .northHamgyong, since: Day("2025-10-05")),
            EventFilter(until: Day("2025-10-10")), EventFilter(sourceKind: .insider), EventFilter(nationalOnly: true),
        ]
        for filter in filters {
            let exact = try store.countEvents(filter)
            #expect(try store.countEvents(filter, upTo: 1000) == EventCount(exact, isExact: true))
        }
        #expect(try store.countEvents(EventFilter(sourceKind: .insider), upTo: 5) == EventCount(5, isExact: false))
        let totals = try store.totals()
        #expect(totals.events == 29)
        #expect(totals.documents == 30)
        #expect(totals.reviews == 1)
        #expect(totals.firstDay == Day("2025-10-01"))
    }

    @Test func keysetPagesCoverEveryEventOnce() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.write((0..<25).map { i in
            let doc = document("Dispatch \(i) about memorial ceremonies.", published: "2025-11-\(String(format: "%02d", i % 5 + 1))")
            return item(doc, events: [event(.memorialHonor, in: doc)])
        })
        for order in [EventFilter.Order.newest, .oldest] {
            var seen: [Int64] = []
            var filter = EventFilter(limit: 7, order: order)
            while true {
                let page = try store.events(filter)
                seen += page.compactMap(\.event.id)
                guard let last = page.last, page.count == 7 else { break }
                filter.after = EventFilter.Cursor(day: last.day, id: last.event.id!)
            }
            #expect(seen == (try store.events(EventFilter(order: order))).compactMap(\.event.id))
            #expect(Set(seen).count == 25)
        }
    }
}
