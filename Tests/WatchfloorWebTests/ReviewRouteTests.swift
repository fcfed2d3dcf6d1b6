import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// The review queue end to end: forms with CSRF tokens, decisions that move the indicators,
/// redirects that never leave the site.
@Suite struct ReviewRouteTests {
    /// What a browser keeps between requests: the CSRF cookie and the token its pages carry.
    struct Session {
        var cookie: String
        var token: String

        static func start(_ client: some TestClientProtocol, page: String = "/review") async throws -> Session {
            let response = try await client.execute(uri: page, method: .get)
            #expect(response.headers[.cacheControl] == "no-store")
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie = String(try #require(setCookie.split(separator: ";").first))
            let html = response.text
            let marker = "name=\"csrf\" value=\""
            let start = try #require(html.range(of: marker)).upperBound
            let token = String(html[start...].prefix(64))
            #expect(cookie == "watchfloor_csrf=\(token)")
            return Session(cookie: cookie, token: token)
        }

        func post(_ client: some TestClientProtocol, _ path: String, _ fields: [(String, String)], token: String? = nil,
                  headers extra: HTTPFields = [:]) async throws -> TestResponse {
            var headers = extra
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.cookie] = cookie
            let body = QueryParameters([("csrf", token ?? self.token)] + fields.map { ($0.0, $0.1) }).encoded
            return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        }
    }

    private func total(_ fixture: WebFixture, _ type: EventType, _ province: Province) throws -> Double {
        try fixture.store.series(SeriesKey(type: type, province: province), weighted: false).values.reduce(0, +)
    }

    @Test func correctingAnEventMovesTheIndicatorAndShowsWhereToSeeIt() async throws {
        let fixture = try WebFixture()
        let machine = try #require(try fixture.store.events(EventFilter(types: [.aidDisruption])).first?.event)
        try await fixture.application().test(.live) { client in
            let session = try await Session.start(client)
            let before = try await client.execute(uri: "/provinces/KP-04", method: .get).text
            #expect(before.contains("0 events counted"))

            let response = try await session.post(client, "/review/events/\(machine.id!)", [
                ("verdict", "edited"), ("type", "CONTROL_MEASURE"), ("province", "KP-04"), ("date", "2025-10-03"),
                ("sincerity", ""), ("reviewer", "Kim <i>analyst</i>"), ("note", "gag order, not a cut \(Hostile.script)"),
                ("return", "/review?page=1#event-\(machine.id!)"),
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/review?page=1&saved="))
            #expect(location.hasSuffix("#event-\(machine.id!)"))

            // The indicator moved: the machine event stopped counting, the correction counts.
            #expect(try total(fixture, .aidDisruption, .northHamgyong) == 0)
            #expect(try total(fixture, .controlMeasure, .chagang) == 1)
            // The cached province page follows at once.
            let after = try await client.execute(uri: "/provinces/KP-04", method: .get).text
            #expect(after.contains("1 event counted"))
            let series = try await client.execute(uri: "/api/v1/series?type=CONTROL_MEASURE&province=KP-04", method: .get).text
            #expect(series.contains("\"total\":1"))

            let queue = try await client.execute(uri: String(location.split(separator: "#")[0]), method: .get).text
            #expect(queue.contains("Saved as edited: the event counts as Control measure · Chagang (KP-04)."))
            #expect(queue.contains("href=\"/series?type=CONTROL_MEASURE&amp;province=KP-04&amp;granularity=week\""))
            #expect(queue.contains("Kim &lt;i&gt;analyst&lt;/i&gt;"))
            #expect(queue.contains("gag order, not a cut &lt;script&gt;"))
            // The queue no longer offers the reviewed machine event.
            #expect(!queue.contains("action=\"/review/events/\(machine.id!)\""))
        }
        let review = try #require(try fixture.store.review(ofEvent: machine.id!))
        #expect(review.reviewer == "Kim <i>analyst</i>")
        #expect(review.event.event.date?.day == Day("2025-10-03"))
    }

    @Test func acceptRejectAndWithdraw() async throws {
        let fixture = try WebFixture()
        let gift = try #require(try fixture.store.events(EventFilter(types: [.giftDelivery], order: .oldest)).first?.event)
        try await fixture.application().test(.live) { client in
            let session = try await Session.start(client)
            let countBefore = try total(fixture, .giftDelivery, .ryanggang)

            var response = try await session.post(client, "/review/events/\(gift.id!)", [("verdict", "rejected"), ("reviewer", "lee")])
            #expect(response.status == .seeOther)
            #expect(try fixture.store.review(ofEvent: gift.id!)?.verdict == .rejected)
            let rejected = try await client.execute(uri: "/events?status=rejected", method: .get).text
            #expect(rejected.contains("<span class=\"status rejected\">rejected</span>"))

            response = try await session.post(client, "/review/events/\(gift.id!)", [("verdict", "accepted"), ("reviewer", "lee")])
            #expect(try fixture.store.review(ofEvent: gift.id!)?.verdict == .accepted)
            #expect(try total(fixture, .giftDelivery, .ryanggang) == countBefore)

            let review = try #require(try fixture.store.review(ofEvent: gift.id!))
            response = try await session.post(client, "/review/reviews/\(review.id)/withdraw", [("return", "/review/events/\(gift.id!)")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/review/events/\(gift.id!)")
            #expect(try fixture.store.review(ofEvent: gift.id!) == nil)
            let page = try await client.execute(uri: "/review/events/\(gift.id!)", method: .get).text
            #expect(page.contains("Not reviewed yet."))
        }
    }

    @Test func postsWithoutTheTokenOrFromAnotherSiteAreRefused() async throws {
        let fixture = try WebFixture()
        let event = try #require(try fixture.store.events(EventFilter(limit: 1)).first?.event.id)
        try await fixture.application().test(.live) { client in
            let session = try await Session.start(client)
            let fields = [("verdict", "rejected"), ("reviewer", "mallory")]
            let wrongToken = try await session.post(client, "/review/events/\(event)", fields, token: String(repeating: "a", count: 64))
            #expect(wrongToken.status == .forbidden)
            #expect(wrongToken.text.contains("security token"))

            var noCookie = session
            noCookie.cookie = "other=1"
            #expect(try await noCookie.post(client, "/review/events/\(event)", fields).status == .forbidden)

            let crossSite = try await session.post(
                client, "/review/events/\(event)", fields, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == .forbidden)
            let foreignOrigin = try await session.post(client, "/review/events/\(event)", fields, headers: [.origin: "https://evil.example"])
            #expect(foreignOrigin.status == .forbidden)

            let notAForm = try await client.execute(
                uri: "/review/events/\(event)", method: .post, headers: [.contentType: "application/json", .cookie: session.cookie],
                body: ByteBuffer(string: "{}"))
            #expect(notAForm.status == .unsupportedMediaType)
        }
        #expect(try fixture.store.reviews(limit: 10, offset: 0).isEmpty)
    }

    @Test func theReturnAddressNeverLeavesTheSite() async throws {
        let fixture = try WebFixture()
        let events = try fixture.store.events(EventFilter()).compactMap(\.event.id)
        try await fixture.application().test(.live) { client in
            let session = try await Session.start(client)
            for (event, target) in zip(events, ["//evil.example/x", "https://evil.example/", "javascript:alert(1)", "/\\evil"]) {
                let response = try await session.post(
                    client, "/review/events/\(event)", [("verdict", "accepted"), ("reviewer", "kim"), ("return", target)])
                #expect(response.headers[.location]?.hasPrefix("/review/events/\(event)?saved=") == true, "\(target)")
            }
        }
    }

    @Test func formsThatCannotBeUsedSayWhy() async throws {
        let fixture = try WebFixture()
        let event = try #require(try fixture.store.events(EventFilter(limit: 1)).first?.event.id)
        try await fixture.application().test(.live) { client in
            let session = try await Session.start(client)
            let cases: [([(String, String)], String)] = [
                ([("verdict", "maybe"), ("reviewer", "kim")], "verdict=maybe: expected accepted, rejected or edited"),
                ([("verdict", "accepted")], "reviewer=: expected the reviewer"),
                ([("verdict", "edited"), ("reviewer", "kim"), ("type", "GIFT_DELIVERY"), ("province", "KP-77")], "province=KP-77"),
                ([("verdict", "edited"), ("reviewer", "kim"), ("type", "GIFT_DELIVERY"), ("date", "10/03/2025")], "date=10/03/2025"),
            ]
            for (fields, message) in cases {
                let response = try await session.post(client, "/review/events/\(event)", fields)
                #expect(response.status == .badRequest)
                #expect(response.text.contains(message), "\(message)")
            }
            let missing = try await session.post(client, "/review/events/987654", [("verdict", "accepted"), ("reviewer", "kim")])
            #expect(missing.status == .notFound)
        }
    }
}
