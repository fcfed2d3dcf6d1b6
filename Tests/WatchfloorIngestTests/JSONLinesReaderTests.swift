import Testing
import WatchfloorIngest
import WatchfloorTesting

@Suite struct JSONLinesReaderTests {
    @Test func readsRecordsAndKeepsGoingPastBadLines() throws {
        let folder = try TemporaryDirectory()
        let text = """
            {"id": "r1", "url": "https://example.org/1", "title": "Rice for families", "outlet": "Example Insider", "source_kind": "insider", "language": "en", "published": "2025-10-24", "text": "Families in Hyesan received rice."}

            {"id": 17, "text": "A numeric id is kept as text."}
            {"title": "no text here"}
            {"text": 42}
            [1, 2]
            {"text": "unterminated
            {"text": "   "}
            {"text": "After the bad lines, this one still counts.", "extra": {"nested": true}}
            """
        let result = try read("reports.jsonl", text: text, in: folder)
        #expect(result.documents.map(\.externalID) == ["r1", "17", nil])
        let first = try #require(result.documents.first)
        #expect(first.outlet == "Example Insider")
        #expect(first.sourceKind == .insider)
        #expect(first.published == "2025-10-24")
        #expect(first.location.line == 1)
        #expect(result.documents[2].location.line == 9)

        let messages = result.rejections.map(\.description)
        #expect(messages.count == 5)
        #expect(messages[0].hasSuffix("reports.jsonl: line 4: missing the field \"text\"; expected an object with at least {\"text\": \"...\"}"))
        #expect(messages[1].contains("line 5: the field \"text\" has the wrong type; expected a string"))
        #expect(messages[2].contains("line 6: expected a JSON object per line"))
        #expect(messages[3].contains("line 7: truncated JSON"))
        #expect(messages[4].contains("line 8: the field \"text\" is empty"))
    }

    @Test func truncatedLastLineIsReportedAsTruncated() throws {
        let folder = try TemporaryDirectory()
        let result = try read("cut.jsonl", text: "{\"text\": \"whole\"}\n{\"text\": \"cut in the mid", in: folder)
        #expect(result.documents.count == 1)
        #expect(result.rejections.first?.description.contains("line 2: truncated JSON: the file ends in the middle of this record") == true)
    }

    @Test func invalidUTF8RejectsOnlyItsLine() throws {
        let folder = try TemporaryDirectory()
        let bytes = Array("{\"text\": \"good\"}\n{\"text\": \"bad ".utf8) + [0xFF] + Array("\"}\n{\"text\": \"good again\"}\n".utf8)
        let result = try read("mixed.jsonl", bytes: bytes, in: folder)
        #expect(result.documents.map(\.text) == ["good", "good again"])
        #expect(result.rejections.count == 1)
        #expect(result.rejections[0].location.line == 2)
        #expect(result.rejections[0].description.contains("invalid UTF-8 at byte 15 of the record"))
    }

    @Test func oversizedLineIsRejectedWithoutReadingItIntoMemory() throws {
        let folder = try TemporaryDirectory()
        let big = "{\"text\": \"" + String(repeating: "x", count: 3_000_000) + "\"}\n"
        let reader = InputReader(limits: IngestLimits(maxRecordBytes: 1 << 20))
        let result = try read("big.jsonl", text: "{\"text\": \"small\"}\n" + big + "{\"text\": \"after\"}\n", in: folder, reader: reader)
        #expect(result.documents.map(\.text) == ["small", "after"])
        #expect(result.rejections.count == 1)
        #expect(result.rejections[0].location.line == 2)
        #expect(result.rejections[0].description.contains("over the 1.0 MB limit"))
    }

    @Test func readsUTF16AndLegacyKoreanJSONLines() throws {
        let folder = try TemporaryDirectory()
        let text = "{\"text\": \"전사자 유가족에게 쌀이 전달되었다.\"}\n{\"text\": \"둘째 줄\"}\n"
        let utf16 = [UInt8(0xFF), 0xFE] + Array(text.data(using: .utf16LittleEndian)!)
        #expect(try read("u16.jsonl", bytes: utf16, in: folder).documents.map(\.text) == ["전사자 유가족에게 쌀이 전달되었다.", "둘째 줄"])
        #expect(try read("kr.jsonl", bytes: cp949(text), in: folder).documents.count == 2)
        #expect(try read("bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), in: folder).documents.count == 2)
    }

    @Test func reportsProgressInBytes() throws {
        let folder = try TemporaryDirectory()
        let text = String(repeating: "{\"text\": \"a line of reporting\"}\n", count: 100)
        #expect(try read("p.jsonl", text: text, in: folder).progressBytes == text.utf8.count)
    }
}

import Foundation
