import Testing
import WatchfloorIngest

@Suite struct InputFormatTests {
    func detect(_ text: String, _ name: String = "input") -> InputFormat {
        InputFormat.detect(prefix: Array(text.utf8), fileName: name)
    }

    @Test func decidesByContentNotExtension() {
        #expect(detect("<?xml version=\"1.0\"?><rss version=\"2.0\">", "feed.txt") == .rss)
        #expect(detect("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "x") == .rss)
        #expect(detect("<!DOCTYPE html><html><body><p>x</p>", "page.xml") == .html)
        #expect(detect("  {\"text\": \"a\"}\n{\"text\": \"b\"}", "data.txt") == .jsonl)
        #expect(detect("title,text,outlet\na,b,c\n", "export") == .csv)
        #expect(detect("---\ntitle: x\n---\nbody", "note") == .markdown)
        #expect(detect("# Heading\n\nbody", "note") == .markdown)
        #expect(detect("Plain reporting about Hyesan.", "report") == .text)
    }

    @Test func usesTheExtensionToBreakTies() {
        #expect(detect("just words", "notes.md") == .markdown)
        #expect(detect("a;b", "sheet.csv") == .csv)
        #expect(detect("<div>fragment</div>", "x.html") == .html)
    }

    @Test func seesThroughBOMs() {
        let units = Array("{\"text\": \"a\"}".utf16)
        let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(InputFormat.detect(prefix: utf16, fileName: "x") == .jsonl)
        #expect(InputFormat.detect(prefix: [0xEF, 0xBB, 0xBF] + Array("<rss>".utf8), fileName: "x") == .rss)
    }
}
