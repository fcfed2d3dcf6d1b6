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
        // Control characters in a query (found by schemathesis: a NUL ended the query inside
        // SQLite, a 500) separate words like spaces.
        #expect(try store.search(SearchQuery("ri\u{0}ce gift\u{0B}\u{1F}")).isEmpty)
        #expect(try store.search(SearchQuery("\u{0}gift\u{0}")).map(\.document) == [english.id])
    }

    /// Chinese and Japanese are written without spaces: a word is found inside a run of characters.
    @Test func findsChineseAndJapaneseWordsInsideText() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let japanese = document("戦死者遺族らに平壌の新しい住宅が提供されたと伝えた。")
        let chinese = document("朝鲜向阵亡士兵的遗属提供了住房。")
        let russian = document("Семьи погибших получили квартиры.")
        try store.write([item(japanese), item(chinese), item(russian)])
        #expect(try store.search(SearchQuery("遺族")).map(\.document) == [japanese.id])
        #expect(try store.search(SearchQuery("新しい住宅")).map(\.document) == [japanese.id])
        #expect(try store.search(SearchQuery("阵亡士兵")).map(\.document) == [chinese.id])
        #expect(try store.search(SearchQuery("遗属")).map(\.document) == [chinese.id])
        #expect(try store.search(SearchQuery("погибших")).map(\.document) == [russian.id])
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
    @Test func aStoryCountsOnceOnTheDayItFirstAppeared() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let wire = document("Wire: gifts delivered to bereaved families in Hyesan and Chongjin, officials said.", published: "2025-10-01")
        let copy = document("Wire: gifts delivered to bereaved families in Hyesan and Chongjin, officials said. (reprint)", source: stateMedia, published: "2025-10-02")
        let later = document("Another gift story from Hyesan.", published: "2025-10-03")
        try store.write([
            item(wire, events: [event(.giftDelivery, in: wire, province: .ryanggang), event(.giftDelivery, in: wire, province: .northHamgyong)], band: 1),
            item(copy, source: stateMedia, events: [event(.giftDelivery, in: copy, province: .ryanggang, confidence: 1)], band: 1),
            item(later, events: [event(.giftDelivery, in: later, province: .ryanggang)]),
        ])
        let ryanggang = try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: false)
        #expect(ryanggang.start == Day("2025-10-01"))
        #expect(ryanggang.values == [1, 0, 1])
        #expect(try store.series(SeriesKey(type: .giftDelivery), weighted: false).values == [1, 0, 1])
        // A story weighs as its strongest copy: insider B (0.85) × 0.8 against state media C (0.7) × 1.0.
        let weighted = try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: true)
        #expect(abs(weighted.values[0] - 0.7) < 1e-9)
        #expect(abs(weighted.values[2] - 0.68) < 1e-9)

        // Without the original, the story begins with its copy, a day later.
        try store.replaceMachineEvents([wire.id: []])
        let moved = try store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: false)
        #expect(moved.start == Day("2025-10-02"))
        #expect(moved.values == [1, 1])
        #expect(try store.series(SeriesKey(type: .giftDelivery, province: .northHamgyong), weighted: false).isEmpty)
        try store.replaceMachineEvents([copy.id: [], later.id: []])
        #expect(try store.series(SeriesKey(type: .giftDelivery), weighted: false).isEmpty)
    }

    @Test func theStoredSeriesCountEachStoryOnItsFirstDay() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        var generator = SeededRandom(seed: 7)
        var items: [DocumentToStore] = []
        for i in 0..<300 {
            let day = String(format: "2025-10-%02d", 1 + Int(generator.next() % 28))
            let doc = document("Story \(i % 120) about gifts in a province, copy \(i).", published: day)
            let province = Province.allCases[Int(generator.next() % 12)]
            let events = [event(.giftDelivery, in: doc, province: province, confidence: 0.5 + Double(generator.next() % 50) / 100)]
            items.append(item(doc, source: i % 3 == 0 ? stateMedia : insider, events: events, band: Int64(i % 120)))
        }
        // Near-duplicates are judged by the 40-character prefix here: "Story N about…" groups copies of story N.
        try store.write(items)
        var expected: [String: [String: Int]] = [:]
        var firstDay: [String: String] = [:]
        for fact in try store.eventFacts() {
            let key = "\(fact.type)@\(fact.province!.code)|\(fact.cluster)"
            if firstDay[key].map({ fact.day.description < $0 }) ?? true { firstDay[key] = fact.day.description }
        }
        for (key, day) in firstDay { expected[String(key.split(separator: "|")[0]), default: [:]][day, default: 0] += 1 }
        for province in Province.allCases {
            let series = try store.series(SeriesKey(type: .giftDelivery, province: province), weighted: false)
            var actual: [String: Int] = [:]
            for (i, value) in series.values.enumerated() where value > 0 { actual[series.day(at: i).description] = Int(value) }
            #expect(actual == (expected["GIFT_DELIVERY@\(province.code)"] ?? [:]), "\(province)")
        }
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
