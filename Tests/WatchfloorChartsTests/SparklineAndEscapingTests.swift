import Foundation
import Testing
import Watchfloor
import WatchfloorCharts

@Suite struct SparklineTests {
    @Test func marksWarningsAndTheLastValue() throws {
        let inspector = try SVGInspector(Sparkline(values: [1, 3, 2, 5, 0], marks: [3], label: "KP-09 aid").svg())
        let points = try #require(inspector.elements.first { $0.name == "polyline" }?.attributes["points"])
        #expect(points.split(separator: " ").count == 5)
        let marks = inspector.elements.filter { $0.name == "line" }
        #expect(marks.count == 1)
        // The mark stands at the fourth of five points, 2 + 3 × (120 − 4) / 4 across.
        #expect(marks.first?.attributes["x1"] == "89")
        #expect(inspector.count("circle") == 1)
        #expect(inspector.count("polygon") == 1)  // the area under the line
        #expect(try SVGInspector(Sparkline(values: []).svg()).count("polyline") == 0)
    }

    /// Pages inline sparklines under `style-src 'self'`: a `<style>` element would be refused
    /// (and reported in the console), and repeated ids would clash between the page's sparklines.
    @Test func canBeInlinedInAPageUnderAStrictPolicy() throws {
        let svg = Sparkline(values: [0, 2, 1], marks: [1], width: 240, height: 30, label: "Gifts \"KP-10\"").svg()
        #expect(!svg.contains("<style"))
        #expect(!svg.contains(" id="))
        #expect(!svg.contains(" style="))
        let root = try #require(try SVGInspector(svg).elements.first)
        #expect(root.attributes["viewBox"] == "0 0 240 30")
        #expect(root.attributes["preserveAspectRatio"] == "none")
        #expect(root.attributes["width"] == nil)  // the page's stylesheet sizes it
        #expect(root.attributes["aria-label"] == "Gifts \"KP-10\"")
        #expect(svg.contains("aria-label=\"Gifts &quot;KP-10&quot;\""))
    }
}

/// The series chart, the sparkline and the map write text through one escaping function.
@Suite struct ChartEscapingTests {
    static let hostile = "<script>alert('x')</script> & \"quoted\""

    @Test func everyChartShowsHostileTextAsText() throws {
        let start = Day("2025-01-01")!
        let drawings = [
            SeriesChart(
                title: Self.hostile, subtitle: Self.hostile, series: DailySeries(start: start, values: [1, 0, 2]),
                coverageChanges: [CoverageChange(day: start.adding(days: 1), source: Self.hostile, kind: .started)]
            ).svg(),
            Sparkline(values: [1, 2], label: Self.hostile).svg(),
            ProvinceMap(values: [.ryanggang: 3], title: Self.hostile, unit: Self.hostile).svg(),
        ]
        for svg in drawings {
            #expect(!svg.contains("<script"), "\(svg.prefix(80))")
            #expect(!svg.contains("'x'"))
            #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
            let inspector = try SVGInspector(svg)
            #expect(inspector.count("script") == 0)
        }
        let map = try SVGInspector(drawings[2])
        #expect(map.texts.joined().contains(Self.hostile))
    }
}
