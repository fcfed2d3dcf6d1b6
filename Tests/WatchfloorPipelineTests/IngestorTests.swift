import Foundation
import Testing
import WatchfloorPipeline
import WatchfloorTesting

@Suite struct IngestorTests {
    @Test func storesEveryGoodDocumentOnceAndRejectsEachBadOnePrecisely() throws {
        let folder = try TemporaryDirectory()
        try SampleInputs.writeMixedFolder(into: folder.file("inbox"))
        let store = try SQLiteStore(path: folder.file("db.sqlite").path)
        let ingestor = Ingestor(store: store, registry: SourceRegistry())

        var rejections: [Rejection] = []
        let first = try ingestor.run(paths: [folder.file("inbox").path], onRejection: { rejections.append($0) })
        #expect(first.new + first.nearDuplicates == SampleInputs.goodDocuments)
        #expect(first.rejected == SampleInputs.expectedRejections.count)
        for expected in SampleInputs.expectedRejections {
            #expect(
                rejections.contains { $0.location.file.hasSuffix("/" + expected.file) && $0.description.contains(expected.message) },
                "no rejection of \(expected.file) saying \(expected.message); got \(rejections.map(\.description))")
        }
        #expect(try store.status().documents == SampleInputs.goodDocuments)

        let second = try ingestor.run(paths: [folder.file("inbox").path])
        #expect(second.new == 0)
        #expect(second.nearDuplicates == 0)
        #expect(second.duplicates == SampleInputs.goodDocuments)
        #expect(try store.status().documents == SampleInputs.goodDocuments)
    }

    @Test func codesDocumentsAsItStoresThem() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.jsonl", text: "{\"text\": \"one\"}\n{\"text\": \"two\"}\n")
        let store = try SQLiteStore(path: folder.file("db.sqlite").path)
        let coder: DocumentCoder = { document, _ in
            [Event(
                document: document.id, type: .giftDelivery, confidence: 1,
                evidence: Evidence(sentence: TextSpan(start: 0, end: 3), text: document.text))]
        }
        let summary = try Ingestor(store: store, registry: SourceRegistry(), coder: coder).run(paths: [folder.file("a.jsonl").path])
        #expect(summary.events == 2)
        #expect(try store.status().events == 2)
    }

    @Test func syndicatedCopiesAreGroupedAcrossFiles() throws {
        let folder = try TemporaryDirectory()
        let story = "A source in Chongjin said that the families of soldiers who died in Russia were given apartments, rice and new clothes by the city party committee this month."
        try folder.write("1.txt", text: story)
        try folder.write("2.txt", text: "CHONGJIN (Example Wire) - " + story + " The committee declined to comment.")
        let store = try SQLiteStore(path: folder.file("db.sqlite").path)
        let summary = try Ingestor(store: store, registry: SourceRegistry()).run(paths: [folder.url.path])
        #expect(summary.new == 1)
        #expect(summary.nearDuplicates == 1)
    }
}
