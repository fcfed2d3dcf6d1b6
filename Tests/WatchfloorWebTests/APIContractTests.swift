import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// The API answers as `/api/v1/openapi.yaml` says: every documented operation and status is
/// requested from a live server and every body is validated against its schema.
@Suite struct APIContractTests {
    @Test func everyResponseMatchesTheOpenAPIDocument() async throws {
        let fixture = try WebFixture()
        let warning = try #require(fixture.warnings.first?.id)
        let event = try #require(try fixture.store.events(EventFilter(limit: 1)).first?.event.id)
        let document = fixture.document("hyesan").id
        let requests: [(String, Int)] = [
            ("/status", 200),
            ("/warnings", 200), ("/warnings?kind=W3&province=KP-10", 200), ("/warnings?province=none", 200), ("/warnings?kind=W9", 400),
            ("/warnings/\(warning)", 200), ("/warnings/999", 404),
            ("/events", 200), ("/events?limit=2", 200),
            ("/events?type=GIFT_DELIVERY&province=KP-10&since=2025-09-01&until=2025-12-31&source_kind=insider&status=machine", 200),
            ("/events?province=none", 200), ("/events?since=soon", 400), ("/events?limit=5000", 400),
            ("/events/\(event)", 200), ("/events/999999", 404),
            ("/series?type=GIFT_DELIVERY&province=KP-10", 200), ("/series?type=GIFT_DELIVERY&granularity=week&since=2025-09-01&until=2025-10-31", 200),
            ("/series?type=TECH_TRANSFER", 200), ("/series", 400), ("/series?type=GIFT_DELIVERY&since=2025-09-01", 200), ("/series?type=GIFT_DELIVERY&since=2025-12-01&until=2025-09-01", 200),
            ("/documents", 200), ("/documents?limit=2&after=2", 200), ("/documents?limit=0", 400),
            ("/documents/\(document.rawValue)", 200), ("/documents/\(fixture.document("korean").id.short)", 200), ("/documents/abcdef", 404),
            ("/search?q=rice", 200), ("/search?q=%EC%9C%A0%EA%B0%80%EC%A1%B1", 200), ("/search?q=script&source_kind=insider&since=2025-01-01&until=2025-12-31&language=en&limit=5", 200),
            ("/search", 400), ("/search?q=rice&limit=0", 400),
        ]
        try await fixture.application().test(.live) { client in
            let served = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(served.headers[.contentType] == "application/yaml; charset=utf-8")
            let validator = try OpenAPIValidator(yaml: served.text)
            var covered = Set<String>()
            var pending = requests
            while let (path, status) = pending.first {
                pending.removeFirst()
                let response = try await client.execute(uri: "/api/v1" + path, method: .get)
                #expect(Int(response.status.code) == status, "\(path): \(response.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(path)")
                let route = String(path.split(separator: "?")[0])
                let template = try #require(try validator.template(for: route), "\(route) is not documented")
                let schema = try validator.responseSchema(path: template, method: "get", status: String(status))
                let problems = try validator.validate(try JSONValue.parse(response.text), against: schema)
                #expect(problems.isEmpty, "\(path): \(problems.joined(separator: "; "))")
                covered.insert("get \(template) \(status)")
                // Follow the events page's link to the next page: it must be as valid as the first.
                if path == "/events?limit=2", case .object(let page) = try JSONValue.parse(response.text),
                    case .string(let next)? = page["next"]
                {
                    #expect(next.hasPrefix("/api/v1/events?"))
                    pending.append((String(next.dropFirst("/api/v1".count)), 200))
                }
            }
            let documented = Set(try validator.operations().map { "\($0.method) \($0.path) \($0.status)" })
            #expect(documented == covered, "not requested: \(documented.subtracting(covered).sorted())")
        }
    }

    @Test func theValidatorFindsWhatIsWrong() throws {
        let validator = try OpenAPIValidator(yaml: OpenAPIDocument.yaml)
        let schema = try validator.responseSchema(path: "/status", method: "get", status: "200")
        let good = """
            {"documents": 1, "events": 2, "sources": 1, "warnings": 0, "reviews": 0, "first_day": "2025-10-01",
             "last_day": null, "search_index_current": true}
            """
        #expect(try validator.validate(try JSONValue.parse(good), against: schema).isEmpty)
        let bad = """
            {"documents": -1, "events": "2", "sources": 1.5, "warnings": 0, "first_day": "2025-13-01",
             "last_day": null, "search_index_current": 1, "extra": true}
            """
        let problems = try validator.validate(try JSONValue.parse(bad), against: schema)
        for expected in [
            "$.documents: -1.0 is below the minimum", "$.events: expected integer, found string", "$.sources: expected integer, found number",
            "$: missing reviews", "$.first_day: 2025-13-01 is not a date (YYYY-MM-DD)", "$.search_index_current: expected boolean, found integer",
            "$: unexpected key extra",
        ] {
            #expect(problems.contains(expected), "\(expected) not in \(problems)")
        }
        let event = try validator.responseSchema(path: "/events/{id}", method: "get", status: "200")
        #expect(try validator.validate(.object(["province": .string("KP-99")]), against: event).contains {
            $0.hasPrefix("$.province: string(\"KP-99\") is not one of the allowed values")
        })
    }

    @Test func theAPIStaysReadOnly() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let response = try await client.execute(uri: "/api/v1/events", method: method)
                #expect(response.status == .notFound || response.status == .methodNotAllowed, "\(method)")
            }
        }
    }
}
