import Foundation
import Testing
import Watchfloor
import WatchfloorStore
import WatchfloorTesting

@Suite struct SQLiteStoreWriteTests {
    @Test func writingTheSameDocumentTwiceAddsNothing() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let doc = document("Families in Hyesan received rice from the party.")
        #expect(try store.write([item(doc, events: [event(.giftDelivery, in: doc, province: .ryanggang)])]) == [.new])
        #expect(try store.write([item(doc)]) == [.duplicate])
        let status = try store.status()
        #expect(status.documents == 1)
        #expect(status.events == 1)
        #expect(status.sources == 1)
        #expect(try store.existingDocuments([doc.id, DocumentID(outlet: "O", published: nil, normalizedText: "other")]) == [doc.id])
    }

    @Test func nearDuplicatesJoinTheFirstDocumentsCluster() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let original = document("A wire story about gifts delivered to bereaved families in Chongjin last week.")
        let copy = document("A wire story about gifts delivered to bereaved families in Chongjin last week. Reprinted.")
        let unrelated = document("Something else entirely, about a treaty signed in Pyongyang.")
        let outcomes = try store.write([item(original, band: 7), item(copy, band: 7), item(unrelated, band: 9)])
        #expect(outcomes == [.new, .nearDuplicate(of: original.id), .new])
        let stored = try #require(try store.document(copy.id.rawValue))
        #expect(stored.cluster == original.id)
        #expect(try store.document(original.id.rawValue)?.clusterMembers == [copy.id])
        #expect(try store.status().nearDuplicates == 1)
        #expect(try store.status().clusters == 2)
    }

    @Test func aBatchIsAllOrNothing() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let good = document("A good document.")
        var broken = event(.giftDelivery, in: good)
        broken.evidence.sentence = TextSpan(start: 0, end: 0)
        // A document whose event cannot be stored (NaN confidence violates NOT NULL) aborts the batch.
        broken.confidence = .nan
        #expect(throws: StoreError.self) { try store.write([item(document("first of batch")), item(good, events: [broken])]) }
        #expect(try store.status().documents == 0)
    }

    @Test func sourcesLearnTheirGradeWhenFirstSeenUnknown() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let unknown = Source(name: "Example Insider", kind: .other, reliability: .f)
        try store.write([item(document("first"), source: unknown)])
        try store.write([item(document("second"), source: insider)])
        let summary = try #require(try store.sources().first)
        #expect(summary.source == insider)
        #expect(summary.documents == 2)
        #expect(summary.firstSeen == Day("2025-10-01"))
    }

    @Test func documentsAreFoundByIDPrefix() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let doc = document("Prefix lookup", title: "Title")
        try store.write([item(doc)])
        #expect(try store.document(String(doc.id.rawValue.prefix(8)))?.document.title == "Title")
        #expect(try store.document("abc") == nil)
        #expect(try store.document("zzzzzzzz") == nil)
    }

    @Test func reopeningKeepsEverythingAndRejectsForeignFiles() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("keep.sqlite").path
        try SQLiteStore(path: path).write([item(document("kept"))])
        #expect(try SQLiteStore(path: path).status().documents == 1)
        let bogus = try folder.write("bogus.sqlite", text: "this is not a database, just text that is long enough to matter")
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: bogus.path) }
        #expect(error?.code == .incompatible || error?.code == .cannotOpen)
        #expect(error?.description.hasPrefix(bogus.path) == true)
    }

    @Test func warningsKeepTheirIDsAcrossRecomputation() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let w = Warning(
            kind: .silence, province: .ryanggang, types: [.giftDelivery], onset: Day("2025-09-01")!,
            detectedOn: Day("2025-09-20")!, score: 0.9, explanation: "x", events: [1, 2], figures: ["expected": 4])
        let first = try store.saveWarnings([w])
        var updated = w
        updated.score = 0.95
        let other = Warning(
            kind: .giftFlowDisruption, province: nil, types: [.giftDelivery], onset: Day("2025-10-01")!,
            detectedOn: Day("2025-10-09")!, score: 0.7, explanation: "y")
        let second = try store.saveWarnings([other, updated])
        #expect(second[1].id == first[0].id)
        #expect(try store.warnings().count == 2)
        #expect(try store.warnings().first { $0.kind == .silence }?.score == 0.95)
        #expect(try store.warnings().first { $0.kind == .silence }?.figures == ["expected": 4])
        try store.saveWarnings([])
        #expect(try store.warnings().isEmpty)
    }
}
