import Testing
import WatchfloorIngest
import WatchfloorTesting

@Suite struct TextAndMarkdownTests {
    @Test func markdownFrontMatterAndMarkupAreRead() throws {
        let folder = try TemporaryDirectory()
        let note = """
            ---
            title: Field note on Chongjin
            date: 2025-11-03
            outlet: Example Insider
            source_kind: insider
            ---
            # Chongjin

            Residents **complained** that [promised housing](https://example.org) has not been delivered.

            > "We were told to be grateful," one said.

            - item one
            - `code` too
            """
        let document = try #require(try read("note.md", text: note, in: folder).documents.first)
        #expect(document.title == "Field note on Chongjin")
        #expect(document.published == "2025-11-03")
        #expect(document.outlet == "Example Insider")
        #expect(document.sourceKind == .insider)
        #expect(document.text == """
            Chongjin

            Residents complained that promised housing has not been delivered.

            "We were told to be grateful," one said.

            item one
            code too
            """)
    }

    @Test func plainTextTakesItsTitleAndDateFromTheFile() throws {
        let folder = try TemporaryDirectory()
        let document = try #require(
            try read("2025-10-24-hyesan.txt", text: "Hyesan report\n\nFamilies received rice.", in: folder).documents.first)
        #expect(document.title == "Hyesan report")
        #expect(document.published == "2025-10-24")
    }

    @Test func emptyAndUnreadableFilesAreRejected() throws {
        let folder = try TemporaryDirectory()
        #expect(try read("empty.txt", bytes: [], in: folder).rejections.map(\.problem) == [.empty])
        #expect(try read("blank.txt", text: " \n\t\n", in: folder).rejections.map(\.problem) == [.noText])
        var rejections: [Rejection] = []
        try InputReader().read(InputFile(path: folder.file("missing.txt").path, size: 0)) { item in
            if case .rejection(let rejection) = item { rejections.append(rejection) }
        }
        #expect(rejections.first?.description.contains("cannot read the file: No such file or directory") == true)
    }

    @Test func foldersAreWalkedInOrderSkippingHiddenFiles() throws {
        let folder = try TemporaryDirectory()
        try folder.write("b/2.txt", text: "two")
        try folder.write("a.txt", text: "one")
        try folder.write(".hidden.txt", text: "secret")
        try folder.write("b/.git/config", text: "x")
        let (files, missing) = InputReader.files(in: [folder.url.path, folder.file("nope").path])
        #expect(files.map { $0.path.replacingOccurrences(of: folder.url.path, with: "") } == ["/a.txt", "/b/2.txt"])
        #expect(missing.count == 1)
        #expect(missing[0].description.hasSuffix("nope: cannot read the file: no such file or folder"))
    }
}
