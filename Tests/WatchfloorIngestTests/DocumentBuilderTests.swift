import Foundation
import Testing
import Watchfloor
import WatchfloorIngest

@Suite struct DocumentBuilderTests {
    let registry = SourceRegistry([
        .init(source: Source(name: "Example Insider", kind: .insider, reliability: .b), aliases: ["EI"])
    ])

    func parsed(_ text: String, outlet: String? = nil, container: String? = nil, published: String? = nil) -> ParsedDocument {
        ParsedDocument(
            text: text, location: InputLocation(file: "f.jsonl", line: 3), outlet: outlet, containerOutlet: container,
            published: published)
    }

    @Test func normalisesTextAndDerivesTheID() throws {
        let built = try DocumentBuilder().build(parsed("  “Gifts”\u{00A0}arrived.\r\n")).get()
        #expect(built.document.text == "\"Gifts\" arrived.")
        #expect(built.document.id == DocumentID(outlet: "unknown", published: nil, normalizedText: "\"Gifts\" arrived."))
        #expect(built.document.origin == "f.jsonl: line 3")
    }

    @Test func resolvesTheOutletInOrderOfPrecedence() throws {
        let builder = DocumentBuilder(registry: registry, defaultOutlet: "Command Line Outlet")
        #expect(try builder.build(parsed("a", outlet: "EI", container: "Feed")).get().source.name == "Example Insider")
        #expect(try builder.build(parsed("a", container: "Feed")).get().source.name == "Command Line Outlet")
        #expect(try DocumentBuilder(registry: registry).build(parsed("a", container: "Feed")).get().source.name == "Feed")
        #expect(try DocumentBuilder().build(parsed("a")).get().source == .unknown)
        #expect(try builder.build(parsed("a", outlet: "EI")).get().source.reliability == .b)
    }

    @Test func unreadableDatesBecomeNotices() throws {
        let built = try DocumentBuilder().build(parsed("text", published: "sometime last year")).get()
        #expect(built.document.published == nil)
        #expect(built.notices.first?.description == "f.jsonl: line 3: published \"sometime last year\" is not a date (expected e.g. 2025-10-24); stored without one")
    }

    @Test func guessesTheLanguageWhenUnstated() throws {
        #expect(try DocumentBuilder().build(parsed("전사자 유가족에게 쌀이 전달되었다. Hyesan")).get().document.language == .korean)
        #expect(try DocumentBuilder().build(parsed("Families received rice.")).get().document.language == .english)
        var withLanguage = parsed("text")
        withLanguage.language = Language(rawValue: "ko-KR")
        #expect(try DocumentBuilder().build(withLanguage).get().document.language == .korean)
    }

    @Test func whitespaceOnlyTextIsRejected() {
        guard case .failure(let rejection) = DocumentBuilder().build(parsed(" \u{200B}\n ")) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(rejection.problem == .noText)
    }
}

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("2025-10-24", "2025-10-24"),
        ("2025-10-24T23:30:00+09:00", "2025-10-24"),
        ("Fri, 24 Oct 2025 09:00:00 +0900", "2025-10-24"),
        ("24 October 2025", "2025-10-24"),
        ("October 24, 2025", "2025-10-24"),
        ("Oct. 24, 2025", "2025-10-24"),
        ("Sept 3 2025", "2025-09-03"),
        ("2025/10/24", "2025-10-24"),
        ("2025.10.24 14:00", "2025-10-24"),
        ("2025년 10월 24일", "2025-10-24"),
        ("24.10.2025", "2025-10-24"),
    ])
    func parses(raw: String, expected: String) {
        #expect(PublicationDate.parse(raw)?.description == expected)
    }

    // The last was found by fuzzing (Fuzz/regressions/jsonl): a year of ninety digits
    // overflowed the day count and stopped ingest.
    @Test(arguments: [
        "", "yesterday", "2025-02-30", "Octopus 24 2025", "13/45/2025",
        "0000000000000000000000000000000000000000000000000000000000000000006148914691236517206-10-20",
    ])
    func refuses(raw: String) {
        #expect(PublicationDate.parse(raw) == nil)
    }
}

@Suite struct ShingleFingerprintTests {
    let story = """
        A source in Hyesan said that families of soldiers killed while fighting in Russia received rice, \
        cooking oil and blankets from the provincial party committee last week, but many complained that \
        the promised apartments have still not been handed over.
        """

    @Test func syndicatedCopiesAreNearDuplicates() throws {
        let reprint = "SEOUL (Example Wire) - " + story + " Reporting by staff."
        let original = try #require(ShingleFingerprint(text: story))
        let copy = try #require(ShingleFingerprint(text: reprint))
        #expect(ShingleFingerprint.similarity(story, reprint) > 0.8)
        #expect(Set(original.bandKeys).intersection(copy.bandKeys).count >= 1)
    }

    @Test func differentStoriesAreNot() throws {
        let otherStory = """
            State media reported that the leader visited a memorial hall in Pyongyang and laid flowers for the \
            soldiers who fell in the overseas military operation, pledging lasting care for their families.
            """
        let original = try #require(ShingleFingerprint(text: story))
        let other = try #require(ShingleFingerprint(text: otherStory))
        #expect(ShingleFingerprint.similarity(story, otherStory) < 0.1)
        #expect(Set(original.bandKeys).isDisjoint(with: other.bandKeys))
    }

    @Test func caseAndPunctuationDoNotMatter() throws {
        let shouted = story.uppercased().replacingOccurrences(of: ",", with: ";")
        let a = try #require(ShingleFingerprint(text: story))
        let b = try #require(ShingleFingerprint(text: shouted))
        #expect(ShingleFingerprint.similarity(story, shouted) == 1)
        #expect(a.bandKeys == b.bandKeys)
    }

    @Test func shortTextsHaveNoFingerprint() {
        #expect(ShingleFingerprint(text: "Too short to judge.") == nil)
    }
}
