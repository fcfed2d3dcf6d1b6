import Foundation
import Testing
import WatchfloorPipeline
import WatchfloorTesting

@Suite struct CodingPipelineTests {
    let context: PipelineContext

    init() throws {
        context = try PipelineContext.load()
    }

    func ingest(_ lines: String, into folder: TemporaryDirectory) throws -> SQLiteStore {
        try folder.write("in.jsonl", text: lines)
        let store = try SQLiteStore(path: folder.file("db.sqlite").path)
        _ = try context.ingestor(store: store, options: IngestOptions()).run(paths: [folder.file("in.jsonl").path])
        return store
    }

    @Test func ingestCodesDocumentsWithTheirSourceFromThePackRegistry() throws {
        let folder = try TemporaryDirectory()
        let store = try ingest("""
            {"outlet": "Daily NK", "published": "2025-10-02", "text": "A source in Hyesan said bereaved families of soldiers killed in Russia received rice and cooking oil from the city party committee."}
            {"outlet": "KCNA", "published": "2025-10-03", "text": "The bereaved families expressed deep gratitude to the leader."}

            """, into: folder)
        let events = try store.events(EventFilter(order: .oldest))
        let gift = try #require(events.first { $0.event.type == .giftDelivery })
        #expect(gift.event.province == .ryanggang)
        #expect(gift.source.kind == .insider)
        #expect(gift.event.evidence.text.contains("Hyesan"))
        let thanks = try #require(events.first { $0.event.type == .gratitudeExpression })
        #expect(thanks.source.kind == .stateMedia)
        #expect(thanks.event.sincerity == .unclear)
    }

    @Test func recodingWithTheSamePackChangesNothing() throws {
        let folder = try TemporaryDirectory()
        let store = try ingest("""
            {"published": "2025-10-02", "text": "No gifts have arrived for the families of the fallen in Chongjin since the summer, residents complained."}

            """, into: folder)
        let before = try store.events(EventFilter()).map { "\($0.event.type) \($0.event.province?.code ?? "-")" }
        #expect(!before.isEmpty)
        let summary = try Recoder(store: store, context: context).run()
        #expect(summary.documents == 1)
        #expect(summary.eventsBefore == summary.eventsAfter)
        #expect(try store.events(EventFilter()).map { "\($0.event.type) \($0.event.province?.code ?? "-")" } == before)
    }

    /// The soak found it: a recode killed midway and run again gave events new ids, so exports and
    /// warnings differed from an uninterrupted run's.
    @Test func aStoppedRecodeResumesToTheDatabaseAnUninterruptedOneLeaves() throws {
        let places = ["Hyesan", "Chongjin", "Kanggye"]
        let lines = (0..<30).map { i in
            #"{"outlet": "Outlet \#(i % 3)", "published": "2025-10-\#(10 + i % 18)", "#
                + #""text": "Report \#(i): families of fallen soldiers in \#(places[i % 3]) received rice and oil from the party committee."}"#
        }.joined(separator: "\n") + "\n"
        let reference = try ingest(lines, into: try TemporaryDirectory())
        let stopped = try ingest(lines, into: try TemporaryDirectory())
        #expect(try Recoder(store: reference, context: context, batchSize: 7).run().resumedAfter == 0)

        struct Stopped: Error {}
        #expect(throws: Stopped.self) {
            try Recoder(store: stopped, context: context, batchSize: 7).run { done, _ in if done >= 14 { throw Stopped() } }
        }
        let resumed = try Recoder(store: stopped, context: context, batchSize: 7).run()
        #expect(resumed.resumedAfter == 14)
        #expect(resumed.documents == 16)

        func state(_ store: SQLiteStore) throws -> [String] {
            let events = try store.events(EventFilter(order: .oldest)).map {
                "\($0.event.id ?? -1) \($0.event.document.short) \($0.event.type) \($0.event.province?.code ?? "-")"
            }
            let series = try [Province?.none, .ryanggang, .northHamgyong].map { province in
                try store.series(SeriesKey(type: .giftDelivery, province: province), weighted: true).values.map { "\($0)" }
                    .joined(separator: ",")
            }
            return events + series
        }
        #expect(try state(stopped) == state(reference))
        #expect(try !state(reference).isEmpty)
        // A finished recode leaves no progress behind: the next one starts over.
        #expect(try Recoder(store: stopped, context: context, batchSize: 7).run().resumedAfter == 0)
    }

    @Test func explanationShowsTheEventsAndTheCuesBehindThem() throws {
        let folder = try TemporaryDirectory()
        let store = try ingest("""
            {"id": "x1", "published": "2025-10-02", "text": "Officials in Kanggye visited the families of soldiers who died in Russia."}

            """, into: folder)
        let stored = try #require(try store.documents(after: nil, limit: 1).first)
        let document = try #require(try store.document(stored.document.id.rawValue))
        let events = try store.events(EventFilter(document: document.document.id))
        let text = Explanation.render(document, events: events, context: context)
        #expect(text.contains("CONDOLENCE_VISIT"))
        #expect(text.contains("KP-04"))
        #expect(text.contains("input id  x1"))
        #expect(text.contains("cues:"))
    }
}
