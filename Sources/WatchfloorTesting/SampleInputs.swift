import Foundation

/// A folder of reporting in every format ingest reads, with the bad inputs it must reject beside
/// the good ones. The texts are invented for tests.
public enum SampleInputs {
    /// Good documents in the folder written by ``writeMixedFolder(into:)``.
    public static let goodDocuments = 11

    /// Records or files that must be rejected, and a fragment of each rejection's message.
    public static let expectedRejections: [(file: String, message: String)] = [
        ("reports.jsonl", "line 3: truncated JSON"),
        ("reports.jsonl", "line 4: missing the field \"text\""),
        ("latin1.txt", "invalid UTF-8 at line 2"),
        ("scan.pdf", "a PDF document, not text"),
        ("empty.txt", "empty file"),
        ("notafeed.rss", "not XML"),
        ("huge.html", "limit for a file read whole"),
        ("table.csv", "row 2: expected 3 fields as in the header, found 2"),
        ("feed.xml", "item 3: XML error"),
    ]

    public static func writeMixedFolder(into folder: URL) throws {
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

        try write("note.txt", "Hyesan note\n\nA source in Hyesan said bereaved families received rice and cooking oil.")
        try write("memo.md", "---\ntitle: Memo\ndate: 2025-10-02\n---\n# Memo\n\nOfficials in **Chongjin** visited families of the fallen.")
        try write("page.html", """
            <html><head><title>Page</title><script>var x = "<p>hidden</p>";</script></head>
            <body><nav>Menu</nav><article><p>The leader honoured soldiers who fell abroad.</p></article></body></html>
            """)
        try write("feed.xml", """
            <rss version="2.0"><channel><title>Example Feed</title>
            <item><title>A</title><description>Families in Sinuiju received blankets&nbsp;and fuel.</description><pubDate>Mon, 06 Oct 2025 10:00:00 +0900</pubDate></item>
            <item><title>B</title><description>Discontent grows in Hamhung over delayed housing.</description></item>
            <item><title>C</title><description>Unfinished
            """)
        try write("atom.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
            <entry><id>1</id><published>2025-10-07T00:00:00Z</published><content type="text">A treaty pledge was renewed.</content></entry></feed>
            """)
        try write("reports.jsonl", """
            {"id": "j1", "outlet": "Example Insider", "source_kind": "insider", "published": "2025-10-08", "text": "Gag orders were issued in Hyesan about deaths in Russia."}
            {"id": "j2", "published": "2025-10-09", "text": "More soldiers were sent to Kursk in a new rotation."}
            {"id": "j3", "text": "cut off
            {"id": "j4", "title": "no text"}

            """)
        try write("table.csv", "text,outlet,published\n\"Munitions shipments, reportedly, continued.\",Example Wire,2025-10-10\nonly two,fields\n")
        try write("utf16.txt", [0xFF, 0xFE] + Array("UTF-16 text: 평양 condolence visit.".data(using: .utf16LittleEndian)!))
        try write("korean.txt", Array("혜산시 전사자 유가족들에게 쌀이 전달되었다.".data(using: String.Encoding(rawValue: 0x8000_0422))!))
        try write("latin1.txt", Array("fine first line\ncaf".utf8) + [0xE9, 0x20, 0xFF] + Array(" bytes\n".utf8))
        try write("scan.pdf", Array("%PDF-1.4\n".utf8) + [0, 0, 0, 1])
        try write("empty.txt", [UInt8]())
        try write("notafeed.rss", "This is plainly not a feed.")
        let paragraph = "<p>\(String(repeating: "padding ", count: 100))</p>"
        try write("huge.html", "<html><body>" + String(repeating: paragraph, count: (17 << 20) / paragraph.utf8.count + 1))
    }
}
