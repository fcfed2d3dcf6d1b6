import Foundation
import Testing
import WatchfloorIngest
import WatchfloorTesting

/// Inputs that would make ingest do unbounded work are refused, with the reason (issue 14).
@Suite struct BoundedInputTests {
    /// Nested entities of ten references each ("billion laughs"): five levels expand the item to
    /// 100,000 copies; nine would take gigabytes. The feed is refused before it is parsed.
    @Test func aFeedDeclaringEntitiesIsRefused() throws {
        let folder = try TemporaryDirectory()
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...5 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>T</title>
            <item><title>laughs</title><description>&lol5;</description></item>
            </channel></rss>
            """
        let result = try read("bomb.xml", text: feed, in: folder)
        #expect(result.documents.isEmpty)
        let rejection = try #require(result.rejections.first)
        #expect(rejection.location.line == 3)
        #expect(rejection.description.contains("declares XML entities"))
    }

    /// The same text is refused whether it comes as a text file or as a feed item.
    @Test func aFeedItemIsHeldToTheDocumentSizeLimit() throws {
        let folder = try TemporaryDirectory()
        let long = String(repeating: "Families received rice. ", count: 3_000)  // 72 KB
        let feed = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>T</title>
            <item><title>long</title><description>\(long)</description></item>
            <item><title>short</title><description>Families received rice.</description></item>
            </channel></rss>
            """
        let reader = InputReader(limits: IngestLimits(maxDocumentBytes: 64 << 10))
        let result = try read("feed.xml", text: feed, in: folder, reader: reader)
        #expect(result.documents.map(\.title) == ["short"])
        #expect(result.rejections.count == 1)
        #expect(result.rejections.first?.description.contains("--max-document-size") == true)
        let text = try read("long.txt", text: long, in: folder, reader: reader)
        #expect(text.documents.isEmpty && text.rejections.count == 1)
    }
}

/// Nothing is skipped in silence: every path not read is named with its reason (issue 14).
@Suite struct NothingSkippedTests {
    @Test func symlinkedFilesAndFoldersAreReadAndACycleOnce() throws {
        let folder = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try outside.write("linked.txt", text: "Families in Hyesan received rice.")
        try outside.write("sub/inner.txt", text: "Officials visited the bereaved.")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.file("file-link.txt").path, withDestinationPath: outside.file("linked.txt").path)
        try manager.createSymbolicLink(atPath: folder.file("folder-link").path, withDestinationPath: outside.file("sub").path)
        try manager.createSymbolicLink(atPath: outside.file("sub/loop").path, withDestinationPath: outside.file("sub").path)
        try manager.createSymbolicLink(atPath: folder.file("dangling.txt").path, withDestinationPath: folder.file("gone.txt").path)
        let (files, missing) = InputReader.files(in: [folder.url.path])
        #expect(files.map { ($0.path as NSString).lastPathComponent }.sorted() == ["file-link.txt", "inner.txt"])
        #expect(missing.count == 1)
        #expect(missing.first?.location.file.hasSuffix("dangling.txt") == true)
        #expect(missing.first?.description.contains("does not exist") == true)
    }

    @Test(.enabled(if: getuid() != 0, "root reads every folder"))
    func aFolderThatCannotBeListedIsARejection() throws {
        let folder = try TemporaryDirectory()
        try folder.write("closed/report.txt", text: "text")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.file("closed").path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.file("closed").path) }
        let (files, missing) = InputReader.files(in: [folder.file("closed").path])
        #expect(files.isEmpty)
        #expect(missing.first?.description.contains("cannot list the folder") == true)
    }

    /// One raw NUL in a JSON Lines file costs its record, not the file.
    @Test func aNULCostsOnlyItsRecord() throws {
        let folder = try TemporaryDirectory()
        var bytes = Array(#"{"text": "first"#.utf8) + [0] + Array("\"}\n".utf8)
        bytes += Array(#"{"text": "Families in Hyesan received rice."}"#.utf8) + [0x0A]
        let result = try read("export.jsonl", bytes: bytes, in: folder)
        #expect(result.documents.map(\.text) == ["Families in Hyesan received rice."])
        #expect(result.rejections.count == 1)
        #expect(result.rejections.first?.location.line == 1)
    }
}
