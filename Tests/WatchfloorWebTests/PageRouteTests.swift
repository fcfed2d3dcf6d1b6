import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// Every page, served by a real server on a local port, with hostile reporting in the store.
@Suite struct PageRouteTests {
    @Test func everyPageAnswersWithEscapedHTMLAndSecurityHeaders() async throws {
        let fixture = try WebFixture()
        let pages = try fixture.pages()
        try await fixture.application().test(.live) { client in
            for page in pages {
                let response = try await client.execute(uri: page, method: .get)
                let expected: HTTPResponse.Status = page.hasPrefix("/this/") ? .notFound : .ok
                #expect(response.status == expected, "\(page)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(page)")
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(page)")
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(page)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let html = response.text
                #expect(html.hasPrefix("<!doctype html>"), "\(page)")
                for leak in Hostile.leaks {
                    #expect(!html.contains(leak), "\(page) leaks \(leak)")
                }
                // Our own one script tag, and no other.
                #expect(html.components(separatedBy: "<script").count == 2, "\(page)")
                #expect(!html.contains(" style=\""), "\(page) has an inline style the policy would block")
            }
        }
    }

    @Test func hostileTextIsShownAsText() async throws {
        let fixture = try WebFixture()
        let hyesan = fixture.document("hyesan")
        try await fixture.application().test(.live) { client in
            let page = try await client.execute(uri: "/documents/\(hyesan.id.rawValue)", method: .get).text
            #expect(page.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"))
            #expect(page.contains("Example Insider &lt;b&gt;Bold&lt;/b&gt;"))
            // The javascript: URL is printed, never linked.
            #expect(page.contains("javascript:alert(3)"))
            #expect(!page.contains("href=\"javascript"))
            // The http URL of the reprint is a link, with its ampersand escaped.
            let copy = try await client.execute(uri: "/documents/\(fixture.document("hyesan-copy").id.rawValue)", method: .get).text
            #expect(copy.contains("href=\"https://example.org/reprint?a=1&amp;b=2\""))
            let chongjin = try await client.execute(uri: "/documents/\(fixture.document("chongjin").id.rawValue)", method: .get).text
            #expect(chongjin.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        }
    }

    @Test func theDocumentPageMarksEachEventsSentenceAndCues() async throws {
        let fixture = try WebFixture()
        let korean = fixture.document("korean")
        try await fixture.application().test(.live) { client in
            let page = try await client.execute(uri: "/documents/\(korean.id.rawValue)", method: .get).text
            let events = try fixture.store.events(EventFilter(document: korean.id))
            #expect(events.count == 2)
            for event in events {
                #expect(page.contains("id=\"event-\(event.event.id!)\""))
            }
            #expect(page.contains("<span class=\"sentence e1 cue\" title=\"cue: trigger\">전달</span>"))
            #expect(page.contains("<span class=\"sentence e2 cue\" title=\"cue: trigger\">불만</span>"))
            // The syndicated copy's page names the original as the same story.
            let copy = try await client.execute(uri: "/documents/\(fixture.document("hyesan-copy").id.rawValue)", method: .get).text
            #expect(copy.contains("/documents/\(fixture.document("hyesan").id.rawValue)"))
        }
    }

    @Test func aWarningLeadsToTheSentencesBehindIt() async throws {
        let fixture = try WebFixture()
        let warning = try #require(fixture.warnings.first)
        try await fixture.application().test(.live) { client in
            let page = try await client.execute(uri: "/warnings/\(warning.id!)", method: .get).text
            #expect(page.contains("Reports of gift deliveries in Ryanggang stopped &lt;script&gt;"))
            for id in warning.events {
                let event = try #require(try fixture.store.event(id))
                #expect(page.contains("href=\"/documents/\(event.event.document.rawValue)#event-\(id)\""))
                #expect(page.contains("href=\"/review/events/\(id)\""))
            }
            #expect(page.contains("<span class=\"cue\" title=\"cue: trigger\">received</span>"))
            #expect(page.contains("Example Insider &lt;b&gt;Bold&lt;/b&gt;"))
            #expect(page.contains("title=\"Admiralty grade: usually reliable\">B</span>"))
            #expect(page.contains("src=\"/series.svg?type=GIFT_DELIVERY&amp;province=KP-10&amp;since=2025-06-11&amp;until=2025-10-25\""))
        }
    }

    @Test func unknownPathsAndRecordsAnswer404WithAPage() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            for path in ["/nothing-here", "/provinces/KP-99", "/warnings/999", "/warnings/abc", "/documents/0123456789ab", "/review/events/99999",
                         "/documents/%3Cscript%3E"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("<h1>404 · Not Found</h1>"), "\(path)")
                #expect(!response.text.contains("<script>"), "\(path)")
            }
            let api = try await client.execute(uri: "/api/v1/nothing", method: .get)
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType] == "application/json; charset=utf-8")
            #expect(api.text.contains("\"status\":404"))
        }
    }

    @Test func badParametersAnswer400SayingWhatWasExpected() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let cases = [
                ("/events?since=yesterday", "since=yesterday: expected a date as YYYY-MM-DD"),
                ("/events?province=KP-99", "province=KP-99: expected a province code"),
                ("/events?status=maybe", "status=maybe: expected one of machine, accepted, rejected, edited"),
                ("/series?province=KP-09", "type=: expected an event type"),
                ("/series?type=%3Cscript%3E", "type=&lt;script&gt;: expected an event type"),
                ("/map?indicator=bad%20type", "indicator=bad type: expected an event type"),
            ]
            for (path, message) in cases {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.text.contains(message), "\(path): \(response.text)")
            }
            // What any valid dates say is answered, as the OpenAPI document promises: a reversed
            // range selects no day; one bound of a series' window shows the year from or to it.
            let reversed = try await client.execute(uri: "/api/v1/events?since=2025-10-05&until=2025-10-01", method: .get)
            #expect(reversed.status == .ok && reversed.text.contains("\"count\":0"))
            let oneBound = try await client.execute(uri: "/api/v1/series?type=GIFT_DELIVERY&since=2025-09-01", method: .get)
            #expect(oneBound.status == .ok && oneBound.text.contains("\"first\":\"2025-09-01\""))
            let readOnly = try await client.execute(uri: "/api/v1/status", method: .delete)
            #expect(readOnly.status == .methodNotAllowed && readOnly.headers[.allow] == "GET, HEAD")
        }
    }

    #if os(Linux)
    @Test func requestsAddressedToAnotherHostAreRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            #expect(try await RawHTTP.status(port: port, host: "evil.example:\(port)").contains(" 421 "))
            for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] {
                #expect(try await RawHTTP.status(port: port, host: host).contains(" 200 "), "\(host)")
            }
        }
    }
    #endif

    @Test func headRequestsAnswerLikeGets() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let response = try await client.execute(uri: "/warnings", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test func staticAssetsAreServedFromTheBinary() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let css = try await client.execute(uri: "/static/watchfloor.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains(".province-map"))
            let js = try await client.execute(uri: "/static/watchfloor.js", method: .get)
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
            let icon = try await client.execute(uri: "/favicon.svg", method: .get)
            #expect(icon.text.hasPrefix("<svg"))
        }
    }

    @Test func theMapLinksEveryProvinceAndShadesByTheChosenIndicator() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let page = try await client.execute(uri: "/map?indicator=GIFT_DELIVERY&days=365", method: .get).text
            for province in Province.allCases {
                #expect(page.contains("<a href=\"/provinces/\(province.code)\" class=\"province\""))
                #expect(page.contains(province.koreanName))
            }
            // Ryanggang has the only gift deliveries; the map shows the stories its series counts
            // (the two events of the Hyesan report are one story, its reprint is not another).
            let stories = try fixture.store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: false)
                .values.reduce(0, +)
            #expect(stories >= 2 && stories < 4)
            #expect(page.contains("aria-label=\"Ryanggang (KP-10): \(Int(stories)) stories (syndicated copies counted once)\""))
            #expect(page.contains("aria-label=\"Chagang (KP-04): 0 stories (syndicated copies counted once)\""))
            let scores = try await client.execute(uri: "/map", method: .get).text
            #expect(scores.contains("Ryanggang (KP-10): 0.91 score (0–1)"))
        }
    }

    @Test func pagesFollowChangesMadeByAnotherWriter() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let before = try await client.execute(uri: "/provinces/KP-13", method: .get).text
            #expect(before.contains("0 events counted"))
            // Another process (here: this test, through its own store) ingests while the server runs.
            let document = Document(
                text: "Officials in Rason handed coats to bereaved families.", source: "Example Wire", language: .english,
                published: Day("2025-10-09"))
            let event = WebFixture.event(
                .giftDelivery, province: .rason, in: document, sentence: document.text, cue: "handed")
            let other = try SQLiteStore(path: fixture.store.location)
            _ = try other.write([DocumentToStore(document: document, source: Source(name: "Example Wire", kind: .wire), events: [event])])
            let after = try await client.execute(uri: "/provinces/KP-13", method: .get).text
            #expect(after.contains("1 event counted"))
        }
    }
}

#if os(Linux)
/// A request written by hand on a socket, for headers a test client will not send (a foreign `Host`).
enum RawHTTP {
    /// The blocking exchange on a thread of its own: on the cooperative pool (two threads on two
    /// cores) two such waits at once would leave no thread for the server to answer them.
    static func status(port: Int, host: String, path: String = "/") async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try statusLine(port: port, host: host, path: path) })
            }
        }
    }

    static func statusLine(port: Int, host: String, path: String = "/") throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
    }
}
#endif
