import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorStore
import WatchfloorTesting
import WatchfloorWeb

/// No request can hold the server: searches are bounded, every request's reads stop at its
/// deadline, and other sites cannot make the browser ask for expensive work.
@Suite struct BoundedRequestTests {
    static let site = HTTPField.Name("Sec-Fetch-Site")!
    static let mode = HTTPField.Name("Sec-Fetch-Mode")!
    static let dest = HTTPField.Name("Sec-Fetch-Dest")!

    @Test func aSearchOfTooManyWordsIsRefusedNamingTheLimit() async throws {
        let fixture = try WebFixture()
        let many = Array(repeating: "a", count: 3_000).joined(separator: " ")
        let long = String(repeating: "x", count: 600)
        try await fixture.application().test(.live) { client in
            for query in [many, long] {
                let escaped = query.replacingOccurrences(of: " ", with: "+")
                let page = try await client.execute(uri: "/search?q=\(escaped)", method: .get)
                #expect(page.status == .badRequest)
                #expect(page.text.contains("at most 16 words") || page.text.contains("at most 500 characters"))
                let api = try await client.execute(uri: "/api/v1/search?q=\(escaped)", method: .get)
                #expect(api.status == .badRequest)
            }
            let sixteen = Array(repeating: "rice", count: 16).joined(separator: "+")
            #expect(try await client.execute(uri: "/search?q=\(sixteen)", method: .get).status == .ok)
        }
    }

    @Test func aRequestOverItsDeadlineIsAnswered503() async throws {
        let fixture = try WebFixture()
        let app = fixture.application(
            WebConfiguration(host: "127.0.0.1", port: 0, cachePages: false, logLevel: .critical, requestDeadline: .zero))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/search?q=rice", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("took longer than its limit"))
            // Static assets read nothing from the store and are still served.
            #expect(try await client.execute(uri: "/static/watchfloor.css", method: .get).status == .ok)
        }
    }

    @Test func otherSitesCannotAskForWork() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let image: HTTPFields = [Self.site: "cross-site", Self.mode: "no-cors", Self.dest: "image"]
            let navigation: HTTPFields = [Self.site: "cross-site", Self.mode: "navigate", Self.dest: "document"]
            let sameOrigin: HTTPFields = [Self.site: "same-origin", Self.mode: "cors", Self.dest: "empty"]
            // An <img> on another site pointing at a search, an export or a page: refused.
            for path in ["/search?q=rice", "/export/events.csv", "/api/v1/status", "/"] {
                let response = try await client.execute(uri: path, method: .get, headers: image)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.text.contains("requested by a page on another site"), "\(path)")
            }
            // A link followed from another site to a page: answered; to a search: refused.
            #expect(try await client.execute(uri: "/warnings", method: .get, headers: navigation).status == .ok)
            #expect(try await client.execute(uri: "/search?q=rice", method: .get, headers: navigation).status == .forbidden)
            // The dashboard's own requests, and assets for anyone.
            #expect(try await client.execute(uri: "/api/v1/status", method: .get, headers: sameOrigin).status == .ok)
            #expect(try await client.execute(uri: "/static/watchfloor.css", method: .get, headers: image).status == .ok)
        }
    }

    @Test func aStaleIndexIsSaidWhereResultsAreShown() async throws {
        let fixture = try WebFixture()
        try fixture.store.setSearchIndexDeferred(true)
        try await fixture.application(cachePages: false).test(.live) { client in
            let page = try await client.execute(uri: "/search?q=rice", method: .get)
            #expect(page.text.contains("The search index is stale"))
            let api = try await client.execute(uri: "/api/v1/search?q=rice", method: .get)
            #expect(api.text.contains("\"index_stale\":true"))
        }
        try fixture.store.setSearchIndexDeferred(false)
        try await fixture.application(cachePages: false).test(.live) { client in
            let page = try await client.execute(uri: "/search?q=rice", method: .get)
            #expect(!page.text.contains("The search index is stale"))
        }
    }

    #if os(Linux)
    @Test func boundBeyondThisMachineTheHostIsStillChecked() async throws {
        let fixture = try WebFixture()
        var configuration = WebConfiguration(host: "0.0.0.0", port: 0, logLevel: .critical)
        configuration.allowedHosts = ["watch.example.org"]
        try await fixture.application(configuration).test(.live) { client in
            let port = try #require(client.port)
            #expect(try await RawHTTP.status(port: port, host: "evil.example:\(port)").contains(" 421 "))
            for host in ["localhost:\(port)", "192.168.1.5:\(port)", "watch.example.org:\(port)", "[fe80::1]:\(port)"] {
                #expect(try await RawHTTP.status(port: port, host: host).contains(" 200 "), "\(host)")
            }
        }
    }
    #endif
}
