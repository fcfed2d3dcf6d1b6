import Foundation
import Testing
import Watchfloor
import WatchfloorCharts

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects element names and attributes of an SVG document, failing on malformed XML.
final class SVGInspector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        let ok = parser.parse()
        if !ok || parser.parserError != nil {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

    func count(_ name: String, class className: String? = nil) -> Int {
        elements.count { $0.name == name && (className == nil || ($0.attributes["class"] ?? "").contains(className!)) }
    }
}

@Suite struct SeriesChartTests {
    let start = Day("2025-01-01")!

    @Test func drawsBarsChangePointsSilencesAndCoverageMarks() throws {
        let values: [Double] = (0..<120).map { day -> Double in
            if day < 60 { return Double(3 + day % 2) }
            return day >= 90 ? 0 : 1
        }
        let series = DailySeries(start: start, values: values)
        let chart = SeriesChart(
            title: "Gifts & visits <KP-09>", series: series,
            changePoints: [
                ChangePoint(
                    location: start.adding(days: 60), detectedOn: start.adding(days: 68), direction: .drop,
                    probability: 0.93, rateBefore: 3.5, rateAfter: 1)
            ],
            silences: [DayInterval(first: start.adding(days: 90), last: start.adding(days: 119))],
            coverageChanges: [
                CoverageChange(day: start.adding(days: 30), source: "Border Insider", kind: .started),
                CoverageChange(day: start.adding(days: 100), source: "Border Insider", kind: .volumeDrop),
            ])
        let svg = chart.svg()
        let inspector = try SVGInspector(svg)
        #expect(inspector.elements.first?.name == "svg")
        #expect(inspector.count("rect", class: "bar") == 90)  // one per day with reports
        #expect(inspector.count("line", class: "drop") == 2)  // the rule and the detection bracket
        #expect(inspector.count("rect", class: "silence") == 1)
        #expect(inspector.count("line", class: "coverage") == 1)  // presence changes get a rule
        #expect(inspector.count("text", class: "lane") == 3)  // the lane's label and two marks
        #expect(inspector.texts.joined().contains("Gifts & visits <KP-09>"))  // escaped in the file, intact when read
        #expect(svg.contains("Gifts &amp; visits &lt;KP-09&gt;"))
        #expect(inspector.texts.contains { $0.contains("Drop from 3.5 to 1.0 a day, starting 2025-03-02, detected 2025-03-10") })
        // Three regimes: before the change, after it, and the silence, drawn on the axis.
        let path = try #require(inspector.elements.first { $0.attributes["class"] == "regime" }?.attributes["d"])
        #expect(path.components(separatedBy: "L").count == 6)
        #expect(path.hasSuffix(" 258"))  // the plot's bottom: a mean of zero
    }

    @Test func longSeriesAreDrawnByWeek() throws {
        let series = DailySeries(start: start, values: Array(repeating: 1, count: 365))
        let inspector = try SVGInspector(SeriesChart(title: "A year", series: series).svg())
        #expect(inspector.count("rect", class: "bar") == 53)  // ISO weeks touched by 2025
        #expect(inspector.texts.contains("reports a week"))
        #expect(inspector.texts.contains("Jan 2025"))
    }

    @Test func anEmptySeriesIsStillAValidChart() throws {
        let inspector = try SVGInspector(SeriesChart(title: "Nothing", series: DailySeries(start: start, values: [])).svg())
        #expect(inspector.texts.contains("No days in this period."))
        let zeros = try SVGInspector(SeriesChart(title: "Quiet", series: DailySeries(start: start, values: [0, 0, 0])).svg())
        #expect(zeros.count("rect", class: "bar") == 0)
    }

    @Test func theBarsAreDaysOrWeeksAsAsked() throws {
        let month = DailySeries(start: start, values: Array(repeating: 1, count: 31))
        let weekly = try SVGInspector(SeriesChart(title: "January by week", series: month, binning: .week).svg())
        #expect(weekly.count("rect", class: "bar") == 5)  // 2025-01-01 is a Wednesday: five ISO weeks touch January
        #expect(weekly.texts.contains("reports a week"))
        let year = DailySeries(start: start, values: Array(repeating: 1, count: 365))
        let daily = try SVGInspector(SeriesChart(title: "A year by day", series: year, binning: .day).svg())
        #expect(daily.count("rect", class: "bar") == 365)
        #expect(daily.texts.contains("reports a day"))
    }
}
