import Testing
import WatchfloorIngest
import WatchfloorTesting

@Suite struct FeedReaderTests {
    @Test func readsRSSItems() throws {
        let folder = try TemporaryDirectory()
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
              <title>Example Insider</title>
              <language>en</language>
              <item>
                <title>Gifts reach Hyesan</title>
                <link>https://example.org/a</link>
                <guid>urn:example:a</guid>
                <pubDate>Fri, 24 Oct 2025 09:00:00 +0900</pubDate>
                <description>Short summary&nbsp;&mdash; see more.</description>
                <content:encoded><![CDATA[<p>Families of fallen soldiers in Hyesan received rice.</p><p>Officials attended.</p>]]></content:encoded>
              </item>
              <item>
                <title>Second</title>
                <link>https://example.org/b</link>
                <dc:date>2025-10-25</dc:date>
                <description>&lt;p&gt;Plain &amp;amp; escaped HTML description.&lt;/p&gt;</description>
              </item>
            </channel>
            </rss>
            """
        let result = try read("feed.xml", text: rss, in: folder)
        #expect(result.rejections.isEmpty)
        #expect(result.documents.count == 2)
        let first = result.documents[0]
        #expect(first.text == "Families of fallen soldiers in Hyesan received rice.\n\nOfficials attended.")
        #expect(first.title == "Gifts reach Hyesan")
        #expect(first.externalID == "urn:example:a")
        #expect(first.published == "Fri, 24 Oct 2025 09:00:00 +0900")
        #expect(first.containerOutlet == "Example Insider")
        #expect(first.language?.rawValue == "en")
        #expect(first.location.record == "item 1")
        #expect(result.documents[1].text == "Plain & escaped HTML description.")
        #expect(result.documents[1].externalID == "https://example.org/b")
    }

    @Test func readsAtomEntries() throws {
        let folder = try TemporaryDirectory()
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Example Wire</title>
              <entry>
                <id>tag:example.org,2025:1</id>
                <title type="text">Summit pledge</title>
                <link rel="alternate" href="https://example.org/1"/>
                <published>2025-06-19T08:00:00Z</published>
                <content type="html">&lt;p&gt;Leaders signed a treaty.&lt;/p&gt;</content>
              </entry>
              <entry>
                <id>tag:example.org,2025:2</id>
                <updated>2025-06-20T08:00:00Z</updated>
                <summary>Only a summary.</summary>
              </entry>
              <entry><id>tag:example.org,2025:3</id><title>Nothing inside</title></entry>
            </feed>
            """
        let result = try read("feed.atom", text: atom, in: folder)
        #expect(result.documents.map(\.text) == ["Leaders signed a treaty.", "Only a summary."])
        #expect(result.documents[0].url == "https://example.org/1")
        #expect(result.documents[0].published == "2025-06-19T08:00:00Z")
        #expect(result.documents[1].published == "2025-06-20T08:00:00Z")
        #expect(result.rejections.first?.description.contains("item 3: the entry has no content or summary") == true)
    }

    @Test func aTruncatedFeedKeepsItsCompleteItems() throws {
        let folder = try TemporaryDirectory()
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title><description>First complete item.</description></item>
            <item><title>Two</title><description>Second complete item.</description></item>
            <item><title>Three</title><description>Cut off in the mid
            """
        let result = try read("cut.xml", text: feed, in: folder)
        #expect(result.documents.map(\.text) == ["First complete item.", "Second complete item."])
        #expect(result.rejections.count == 1)
        let message = result.rejections[0].description
        #expect(message.contains("item 3") && message.contains("XML error at line 4") && message.contains("truncated"))
    }

    @Test func somethingThatIsNotAFeedIsRejected() throws {
        let folder = try TemporaryDirectory()
        let notXML = try read("feed.rss", text: "this is not a feed", in: folder, reader: InputReader(format: .rss))
        #expect(notXML.rejections.first?.description.contains("not XML") == true)
        let otherXML = try read("other.xml", text: "<?xml version=\"1.0\"?><catalog><book/></catalog>", in: folder)
        #expect(otherXML.rejections.first?.description.contains("expected an RSS or Atom feed (an <rss>, <feed> or <rdf:RDF> root element), found <catalog>") == true)
    }

    @Test func readsALegacyKoreanFeed() throws {
        let folder = try TemporaryDirectory()
        let feed = "<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss version=\"2.0\"><channel><title>소식</title><item><title>유가족</title><description>유가족들에게 쌀이 전달되었다.</description></item></channel></rss>"
        let result = try read("kr.xml", bytes: cp949(feed), in: folder)
        #expect(result.documents.map(\.text) == ["유가족들에게 쌀이 전달되었다."])
        #expect(result.documents.first?.containerOutlet == "소식")
    }
}
