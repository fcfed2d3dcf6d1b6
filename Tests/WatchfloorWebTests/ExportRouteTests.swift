import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// Downloads: exactly what is filtered, in every format, across export batches.
@Suite struct ExportRouteTests {
    @Test func exportsHoldExactlyTheFilteredEventsAcrossBatches() async throws {
        // More events than one export batch (2,000), so that the keyset pages are exercised.
        let fixture = try WebFixture(extraEvents: 4_500)
        let query = "type=MEMORIAL_HONOR&since=2025-02-01&until=2025-09-30"
        let expected = try fixture.store.events(
            EventFilter(types: [.memorialHonor], since: Day("2025-02-01"), until: Day("2025-09-30"))
        ).compactMap(\.event.id)
        #expect(expected.count > 2_000)
        try await fixture.application().test(.live) { client in
            let csv = try await client.execute(uri: "/events.csv?\(query)", method: .get)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"watchfloor-events.csv\"")
            let lines = csv.text.split(separator: "\n")
            #expect(lines.first == Substring(EventExport.csvHeader.joined(separator: ",")))
            #expect(lines.dropFirst().compactMap { Int64($0.split(separator: ",").first ?? "") } == expected)

            let jsonl = try await client.execute(uri: "/events.jsonl?\(query)", method: .get).text
            let ids = try jsonl.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as? Int
            }
            #expect(ids == expected.map { Int($0) })

            let geojson = try await client.execute(uri: "/events.geojson?\(query)", method: .get)
            #expect(geojson.headers[.contentType] == "application/geo+json; charset=utf-8")
            let collection = try #require(try JSONSerialization.jsonObject(with: Data(geojson.text.utf8)) as? [String: Any])
            #expect(collection["type"] as? String == "FeatureCollection")
            let features = try #require(collection["features"] as? [[String: Any]])
            #expect(features.count == expected.count)
            let first = try #require(features.first)
            let point = try #require((first["geometry"] as? [String: Any])?["coordinates"] as? [Double])
            let province = try #require(Province(code: (first["properties"] as? [String: Any])?["province"] as? String ?? ""))
            #expect(point == [province.centroid.longitude, province.centroid.latitude])
        }
    }

    @Test func geoJSONLeavesOutEventsWithNoProvinceAndAnEmptyExportIsValid() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let national = try await client.execute(uri: "/events.geojson?type=DIPLOMATIC_SIGNAL", method: .get).text
            let collection = try #require(try JSONSerialization.jsonObject(with: Data(national.utf8)) as? [String: Any])
            #expect((collection["features"] as? [Any])?.isEmpty == true)
            let csv = try await client.execute(uri: "/events.csv?province=KP-13", method: .get).text
            #expect(csv == EventExport.csv([]))
        }
    }

    @Test func theChartDownloadsAsSVGAndTheDataAsCSV() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.live) { client in
            let svg = try await client.execute(uri: "/series.svg?type=GIFT_DELIVERY&province=KP-10&download=1", method: .get)
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(svg.headers[.contentDisposition] == "attachment; filename=\"GIFT_DELIVERY-KP-10-day.svg\"")
            #expect(svg.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
            #expect(svg.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            // WatchfloorCharts' series chart, titled as `watchfloor series --svg` titles it.
            #expect(svg.text.contains("<title id=\"chart-title\">Gift deliveries, Ryanggang (KP-10)</title>"))
            #expect(svg.text.contains("analysed as of 2025-10-25"))
            let inline = try await client.execute(uri: "/series.svg?type=GIFT_DELIVERY&province=KP-10", method: .get)
            #expect(inline.headers[.contentDisposition] == nil)

            let csv = try await client.execute(uri: "/series.csv?type=GIFT_DELIVERY&province=KP-10&granularity=week", method: .get)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"GIFT_DELIVERY-KP-10-week.csv\"")
            let rows = csv.text.split(separator: "\n")
            #expect(rows.first == "types,province,period_start,days,stories,change,silence")
            let stories = try fixture.store.series(SeriesKey(type: .giftDelivery, province: .ryanggang), weighted: false)
                .values.reduce(0, +)
            #expect(stories > 0)
            #expect(rows.dropFirst().map { Double($0.split(separator: ",")[4])! }.reduce(0, +) == stories)
        }
    }
}
