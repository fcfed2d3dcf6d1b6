import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// An analyst must see the same thing on the series page, in the API and from `watchfloor series`:
/// the dashboard runs the analysis stage itself rather than drawing its own.
@Suite struct SeriesAgreementTests {
    /// Three hundred days of one insider outlet: about three gift deliveries a day in North Hamgyong
    /// for two hundred days, then one every fourth day; one unrelated report a day throughout.
    static func store(in folder: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: folder.file("agree.sqlite").path)
        let source = Source(name: "Example Border Insider", kind: .insider, reliability: .b, language: .english)
        let first = Day("2025-01-01")!
        var batch: [DocumentToStore] = []
        for day in 0..<300 {
            let date = first.adding(days: day)
            let gifts = day < 200 ? 2 + (day * 7 + 3) % 3 : (day % 4 == 0 ? 1 : 0)
            for n in 0..<gifts {
                let text = "On day \(day), delivery \(n): officials in Chongjin handed rice to a bereaved family."
                let document = Document(text: text, source: source.name, language: .english, published: date)
                let event = Event(
                    document: document.id, type: .giftDelivery, province: .northHamgyong, confidence: 0.8,
                    evidence: Evidence(sentence: TextSpan(start: 0, end: text.unicodeScalars.count), text: text))
                batch.append(DocumentToStore(document: document, source: source, events: [event]))
            }
            let other = "Market note for day \(day): prices in Hyesan held steady."
            batch.append(DocumentToStore(
                document: Document(text: other, source: source.name, language: .english, published: date), source: source))
        }
        try store.write(batch)
        return store
    }

    @Test func thePageTheAPIAndTheCommandFindTheSameChangePoints() async throws {
        let folder = try TemporaryDirectory(prefix: "watchfloor-agree")
        let store = try Self.store(in: folder)
        let warnings = try WarningRefresh(store: store, settings: .default).run(force: true)
        let selection = SeriesSelection(types: [.giftDelivery, .condolenceVisit], province: .northHamgyong)

        // The command, as an analyst runs it.
        let result = try CommandLineTool().run([
            "series", "--db", store.location, "--type", "GIFT_DELIVERY", "--type", "CONDOLENCE_VISIT", "--province", "KP-09",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let commandChanges = try #require(printed["changes"] as? [[String: Any]]).map {
            "\($0["onset"]!) \($0["detectedOn"]!) \($0["direction"]!) \(Self.rounded($0["probability"] as! Double))"
        }
        #expect(commandChanges.contains { $0.contains(" drop ") }, "the fall in gift deliveries is found: \(commandChanges)")
        #expect(printed["asOf"] as? String == "2025-10-27")

        // The analysis over every stored event, as the warnings are computed.
        let full = try #require(try WarningRefresh(store: store, settings: .default).context()).analyse(selection)
        #expect(full.changePoints.map(Self.describe) == commandChanges)

        try await buildApplication(
            store: store, configuration: WebConfiguration(host: "127.0.0.1", port: 0, logLevel: .critical)
        ).test(.live) { client in
            let query = "type=GIFT_DELIVERY&type=CONDOLENCE_VISIT&province=KP-09"
            let api = try await client.execute(uri: "/api/v1/series?\(query)", method: .get)
            #expect(api.status == .ok)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            #expect(body["as_of"] as? String == "2025-10-27")
            #expect(body["types"] as? [String] == ["CONDOLENCE_VISIT", "GIFT_DELIVERY"])
            let marks = try #require(body["change_points"] as? [[String: Any]])
            let apiChanges = marks.map {
                "\($0["day"]!) \($0["detected_on"]!) \($0["direction"]!) \(Self.rounded($0["probability"] as! Double))"
            }
            #expect(apiChanges == commandChanges)

            // The drop became the W1 warning, and the API says which.
            let w1 = try #require(warnings.first { $0.kind == .giftFlowDisruption && $0.province == .northHamgyong })
            let drop = try #require(marks.first { $0["direction"] as? String == "drop" })
            #expect(drop["warning"] as? Int == Int(w1.id!))
            #expect(drop["day"] as? String == w1.onset.description)

            // The page lists the same changes, linked to the warning, and draws them.
            let page = try await client.execute(uri: "/series?\(query)", method: .get).text
            for change in commandChanges {
                #expect(page.contains("<tr><td class=\"nowrap\">\(change.prefix(10))</td>"), "\(change)")
            }
            #expect(page.contains("href=\"/warnings/\(w1.id!)\">warning \(w1.id!)</a>"))
            let svg = try await client.execute(uri: "/series.svg?\(query)", method: .get).text
            #expect(svg.components(separatedBy: "class=\"change drop\"").count - 1 == 2 * commandChanges.filter { $0.contains(" drop ") }.count)

            // The warning page shows the series the warning was raised on, with the same change.
            let warningPage = try await client.execute(uri: "/warnings/\(w1.id!)", method: .get).text
            #expect(warningPage.contains("src=\"/series.svg?type=CONDOLENCE_VISIT&amp;type=GIFT_DELIVERY&amp;province=KP-09&amp;since="))
            #expect(warningPage.contains("1 change or silence found on this series became this warning"))
        }
    }

    /// The analysis behind a series is kept while the store is unchanged (the page and its chart
    /// share it); a write by another process shows at once.
    @Test func theSeriesFollowsReportingStoredByAnotherWriter() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let uri = "/api/v1/series?type=GIFT_DELIVERY&province=KP-10&since=2025-09-01&until=2025-10-31"
            func total() async throws -> Double {
                let body = try await client.execute(uri: uri, method: .get).text
                return try #require((try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["total"] as? Double)
            }
            let before = try await total()
            _ = try await client.execute(uri: "/series?type=GIFT_DELIVERY&province=KP-10&since=2025-09-01&until=2025-10-31", method: .get)
            let document = Document(
                text: "Officials in Hyesan handed winter coats to bereaved families.", source: "Example Wire", language: .english,
                published: Day("2025-10-20"))
            let event = WebFixture.event(.giftDelivery, province: .ryanggang, in: document, sentence: document.text, cue: "handed")
            let other = try SQLiteStore(path: fixture.store.location)
            _ = try other.write([DocumentToStore(document: document, source: Source(name: "Example Wire", kind: .wire), events: [event])])
            #expect(try await total() == before + 1)
            let svg = try await client.execute(uri: "/series.svg?type=GIFT_DELIVERY&province=KP-10&since=2025-09-01&until=2025-10-31", method: .get).text
            #expect(svg.contains("2025-10-20: 1 report"))
        }
    }

    static func describe(_ change: ChangePoint) -> String {
        "\(change.location) \(change.detectedOn) \(change.direction.rawValue) \(rounded(change.probability))"
    }

    /// The command prints probabilities to three decimals.
    static func rounded(_ value: Double) -> String { String(format: "%.3f", (value * 1000).rounded() / 1000) }
}
