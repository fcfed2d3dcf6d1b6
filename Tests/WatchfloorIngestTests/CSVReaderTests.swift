import Testing
import WatchfloorIngest
import WatchfloorTesting

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsAcrossLines() throws {
        let folder = try TemporaryDirectory()
        let csv = #"""
            ID,Outlet,Published,Body,Ignored
            a1,Example Wire,2025-09-01,"Quoted, with a comma and ""quotes""",x
            a2,Example Wire,2025-09-02,"Two
            lines",y
            a3,,,plain text,z

            """#
        let result = try read("export.csv", text: csv, in: folder)
        #expect(result.rejections.isEmpty)
        #expect(result.documents.map(\.text) == ["Quoted, with a comma and \"quotes\"", "Two\nlines", "plain text"])
        #expect(result.documents.map(\.externalID) == ["a1", "a2", "a3"])
        #expect(result.documents[1].location.line == 3)
        #expect(result.documents[2].outlet == nil)
    }

    @Test func rejectsRowsWithMissingColumns() throws {
        let folder = try TemporaryDirectory()
        let result = try read("short.csv", text: "text,outlet,published\nfine,A,2025-01-01\nonly text\nalso fine,B,2025-01-02\n", in: folder)
        #expect(result.documents.count == 2)
        #expect(result.rejections.map(\.description) == [
            "\(folder.file("short.csv").path): line 3: row 2: expected 3 fields as in the header, found 1"
        ])
    }

    @Test func rejectsAHeaderWithoutText() throws {
        let folder = try TemporaryDirectory()
        let result = try read("nohead.csv", text: "title,outlet\na,b\n", in: folder, reader: InputReader(format: .csv))
        #expect(result.documents.isEmpty)
        #expect(result.rejections.first?.description.contains("the header has no text column (found: title, outlet)") == true)
    }

    @Test func unterminatedQuoteAtEndOfFileIsTruncation() throws {
        let folder = try TemporaryDirectory()
        let result = try read("cut.csv", text: "text\nok\n\"never closed", in: folder)
        #expect(result.documents.map(\.text) == ["ok"])
        #expect(result.rejections.first?.description.contains("the file ends inside a quoted field") == true)
    }
}
