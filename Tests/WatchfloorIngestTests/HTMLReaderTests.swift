import Testing
import WatchfloorIngest
import WatchfloorTesting

@Suite struct HTMLReaderTests {
    let page = """
        <!DOCTYPE html>
        <html lang="ko-KR">
        <head>
          <meta charset="utf-8">
          <title>Site | Story</title>
          <meta property="og:title" content="Bereaved families receive apartments">
          <meta property="og:site_name" content="Example Insider">
          <meta property="article:published_time" content="2025-10-24T23:30:00+09:00">
          <link rel="canonical" href="https://example.org/story/1">
          <style>body { color: red }</style>
          <script>document.write("<p>injected</p>")</script>
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <div class="site-header">Breaking news ticker</div>
          <article>
            <h1>Bereaved families receive apartments</h1>
            <p>A source in Hyesan said families of soldiers killed in Russia were given new apartments&nbsp;&amp; rice.</p>
            <!-- an editor's comment that must not appear -->
            <p>The handover took place <b>last week</b>,<br>according to the source.</p>
            <div class="share-buttons">Share on social media</div>
            <figure><img src="x.jpg"><figcaption>Photo credit</figcaption></figure>
            <p>&lt;script&gt;alert("shown as text")&lt;/script&gt;</p>
          </article>
          <aside>Related stories</aside>
          <footer>Copyright 2025</footer>
        </body></html>
        """

    @Test func keepsOnlyTheArticleText() throws {
        let folder = try TemporaryDirectory()
        let result = try read("story.html", text: page, in: folder)
        let document = try #require(result.documents.first)
        #expect(result.rejections.isEmpty)
        #expect(document.text == """
            Bereaved families receive apartments

            A source in Hyesan said families of soldiers killed in Russia were given new apartments\u{00A0}& rice.

            The handover took place last week,
            according to the source.

            <script>alert("shown as text")</script>
            """)
        for absent in ["injected", "color: red", "Home", "ticker", "editor's comment", "Share on", "Photo credit", "Related", "Copyright"] {
            #expect(!document.text.contains(absent), "\(absent) leaked into the text")
        }
    }

    @Test func readsPageMetadata() throws {
        let folder = try TemporaryDirectory()
        let document = try #require(try read("story.html", text: page, in: folder).documents.first)
        #expect(document.title == "Bereaved families receive apartments")
        #expect(document.url == "https://example.org/story/1")
        #expect(document.containerOutlet == "Example Insider")
        #expect(document.published == "2025-10-24T23:30:00+09:00")
        #expect(document.language?.rawValue == "ko-kr")
    }

    @Test func survivesBrokenMarkupAndFallsBackToTheBody() throws {
        let folder = try TemporaryDirectory()
        let broken = "<html><body><div><p>Unclosed paragraph about Chongjin<p>Second &amp; last <i>para"
        let document = try #require(try read("broken.html", text: broken, in: folder).documents.first)
        #expect(document.text == "Unclosed paragraph about Chongjin\n\nSecond & last para")
    }

    @Test func readsALegacyKoreanPage() throws {
        let folder = try TemporaryDirectory()
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><body><p>혜산 유가족들에게 선물이 전달되었다.</p></body></html>"
        let document = try #require(try read("kr.html", bytes: cp949(html), in: folder).documents.first)
        #expect(document.text == "혜산 유가족들에게 선물이 전달되었다.")
    }

    @Test func aPageWithNoVisibleTextIsRejected() throws {
        let folder = try TemporaryDirectory()
        let result = try read("empty.html", text: "<html><head><script>x()</script></head><body><nav>menu</nav></body></html>", in: folder)
        #expect(result.documents.isEmpty)
        #expect(result.rejections.first?.description.contains("no visible article text") == true)
    }

    @Test func aHugePageIsRejectedBeforeParsing() throws {
        let folder = try TemporaryDirectory()
        let paragraph = "<p>\(String(repeating: "filler text ", count: 80))</p>\n"
        let page = "<html><body>" + String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count + 1)
        let result = try read("huge.html", text: page, in: folder)
        #expect(result.documents.isEmpty)
        #expect(result.rejections.count == 1)
        #expect(result.rejections[0].description.contains("larger than the 16.8 MB limit for a file read whole"))
    }

    @Test func aLongArticleOverTheDocumentLimitIsRejected() throws {
        let folder = try TemporaryDirectory()
        let text = String(repeating: "Long reporting sentence about gifts. ", count: 4000)
        let reader = InputReader(limits: IngestLimits(maxDocumentBytes: 100_000))
        let result = try read("long.html", text: "<html><body><p>\(text)</p></body></html>", in: folder, reader: reader)
        #expect(result.rejections.first?.description.contains("over the 100.0 KB limit for one document") == true)
    }
}
