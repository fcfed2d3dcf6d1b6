import Foundation
import Testing
import Watchfloor
import WatchfloorStore
import WatchfloorTesting

@Suite struct SQLiteStoreSearchTests {
    @Test func findsWordsPrefixesPhrasesAndKoreanInsideEojeol() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let english = document("The party delivered gifts and rice to bereaved families in Hyesan.", title: "Gifts reach Hyesan")
        let korean = document("혜산시 전사자 유가족들에게 쌀과 기름이 전달되었다.")
        let other = document("A treaty on comprehensive strategic partnership was signed.", source: stateMedia)
        try store.write([item(english), item(korean, source: stateMedia), item(other, source: stateMedia)])

        #expect(try store.search(SearchQuery("gift")).map(\.document) == [english.id])
        #expect(try store.search(SearchQuery("\"bereaved families\"")).map(\.document) == [english.id])
        #expect(try store.search(SearchQuery("families treaty")).isEmpty)
        #expect(try store.search(SearchQuery("유가족")).map(\.document) == [korean.id])
        #expect(try store.search(SearchQuery("쌀")).map(\.document) == [korean.id])
        #expect(try store.search(SearchQuery("treaty", sourceKind: .insider)).isEmpty)
        #expect(try store.search(SearchQuery("treaty", sourceKind: .stateMedia)).count == 1)

        let hit = try #require(try store.search(SearchQuery("rice")).first)
        #expect(hit.snippet.contains(SearchHit.matchStart + "rice" + SearchHit.matchEnd))
        #expect(hit.title == "Gifts reach Hyesan")
    }

    @Test func anyTypedTextIsAValidQuery() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.write([item(document("Some text about rations."))])
        for query in ["\"", "AND OR NOT", "(*)", "a:b", "rations\"", "-", "NEAR(", "'; DROP TABLE documents; --"] {
            _ = try store.search(SearchQuery(query))
        }
        #expect(try store.status().documents == 1)
    }

    @Test func deferredIndexingIsRebuilt() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.setSearchIndexDeferred(true)
        try store.write([item(document("Indexed later: condolence visits."))])
        #expect(try store.status().searchIndexCurrent == false)
        #expect(try store.search(SearchQuery("condolence")).isEmpty)
        try store.setSearchIndexDeferred(false)
        #expect(try store.status().searchIndexCurrent)
        #expect(try store.search(SearchQuery("condolence")).count == 1)
        try store.write([item(document("And indexed at once: memorial."))])
        #expect(try store.search(SearchQuery("memorial")).count == 1)
    }
}

@Suite struct SQLiteStoreEventTests {
    @Test func filtersEventsAndRoundTripsTheirEvidence() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let a = document("Rice for families in Hyesan.", published: "2025-10-01")
        let b = document("Gag order in Chongjin.", source: stateMedia, published: "2025-10-05")
        var gift = event(.giftDelivery, in: a, province: .ryanggang)
        gift.date = EventDate(day: Day("2025-09-01")!, precision: .month)
        gift.attributes["item"] = "food"
        try store.write([
            item(a, events: [gift]),
            item(b, source: stateMedia, events: [event(.controlMeasure, in: b, province: .northHamgyong, confidence: 0.3)]),
        ])
        let all = try store.events(EventFilter())
        #expect(all.map(\.event.type) == [.controlMeasure, .giftDelivery])
        let stored = try #require(try store.events(EventFilter(types: [.giftDelivery])).first)
        #expect(stored.event.date == EventDate(day: Day("2025-09-01")!, precision: .month))
        #expect(stored.event.attributes["item"] == "food")
        #expect(stored.event.evidence.cues.first?.cue == "received")
        #expect(stored.event.document == a.id)
        #expect(stored.source == insider)
        #expect(stored.day == Day("2025-10-01"))
        #expect(try store.events(EventFilter(province: .northHamgyong)).count == 1)
        #expect(try store.events(EventFilter(since: Day("2025-10-02"))).count == 1)
        #expect(try store.events(EventFilter(sourceKind: .stateMedia)).count == 1)
        #expect(try store.events(EventFilter(order: .leastConfident)).first?.event.type == .controlMeasure)
        #expect(try store.countEvents(EventFilter(types: [.giftDelivery, .controlMeasure])) == 2)
        #expect(try store.events(EventFilter(limit: 1, offset: 1)).map(\.event.type) == [.giftDelivery])
    }

    @Test func recodingReplacesMachineEvents() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let a = document("Rice for families.")
        try store.write([item(a, events: [event(.giftDelivery, in: a)])])
        try store.replaceMachineEvents([a.id: [event(.aidDisruption, in: a), event(.discontent, in: a)]])
        #expect(try store.events(EventFilter()).map(\.event.type).sorted() == [.aidDisruption, .discontent])
        #expect(try store.series(SeriesKey(type: .giftDelivery), weighted: false).values.reduce(0, +) == 0)
    }
}

@Suite struct SQLiteStoreIndicatorTests {
    @Test func aStoryCountsOnceADayHoweverManyOutletsCarryIt() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let wire = document("Wire: gifts delivered to bereaved families in Hyesan and Chongjin, officials said.", published: "2025-10-01")
        let copy = document("Wire: gifts delivered to bereaved families in Hyesan and Chongjin, officials said. (reprint)", source: stateMedia, published: "2025-10-01")
        let later = document("Another gift story from Hyesan.", published: "2025-10-03")
        try store.write([
            item(wire, events: [event(.giftDelivery, in: wire, province: .ryanggang), event(.giftDelivery, in: wire, province: .northHamgyong)], band: 1),
            item(copy, source: stateMedia, events: [event(.giftDelivery, in: copy, province: .ryanggang)], band: 1),
            item(later, events: [event(.giftDelivery, in: later, province: .ryanggang)]),
        ])
        let ryanggang = try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: false)
        #expect(ryanggang.start == Day("2025-10-01"))
        #expect(ryanggang.values == [1, 0, 1])
        let national = try store.series(SeriesKey(type: .giftDelivery), weighted: false)
        #expect(national.values == [1, 0, 1])
        // Weighted: the wire cluster on 10-01 holds two insider events (B, 0.85) and one state-media event (C, 0.7).
        let weighted = try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: true)
        #expect(abs(weighted.values[0] - (0.85 + 0.7) / 2) < 1e-9)
        #expect(abs(weighted.values[2] - 0.85) < 1e-9)

        try store.replaceMachineEvents([copy.id: []])
        #expect(abs(try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: true).values[0] - 0.85) < 1e-9)
        try store.replaceMachineEvents([wire.id: [], later.id: []])
        #expect(try store.series(SeriesKey(type: .giftDelivery), weighted: false).isEmpty)
    }

    @Test func factsAndCoverageDescribeWhatWasStored() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let a = document("Coerced thanks in Hyesan.", published: "2025-10-01")
        let b = document("A second report the same day.", published: "2025-10-01")
        let c = document("State media praise.", source: stateMedia, published: "2025-10-02")
        try store.write([
            item(a, events: [event(.gratitudeExpression, in: a, province: .ryanggang, sincerity: .coerced)]),
            item(b), item(c, source: stateMedia),
        ])
        let facts = try store.eventFacts()
        #expect(facts.count == 1)
        #expect(facts[0].sincerity == .coerced)
        #expect(facts[0].cluster == a.id)
        #expect(facts[0].sourceKind == .insider)
        #expect(facts[0].reliability == .b)
        #expect(facts[0].day == Day("2025-10-01"))
        let coverage = try store.coverage()
        #expect(coverage.map(\.documents) == [2, 1])
        #expect(coverage.map(\.source) == ["Example Insider", "Example State Media"])
    }
}
