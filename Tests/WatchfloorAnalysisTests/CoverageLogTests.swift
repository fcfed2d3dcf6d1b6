import Testing
import Watchfloor

@testable import WatchfloorAnalysis

@Suite struct CoverageLogTests {
    let start = Day("2025-01-01")!

    func days(_ source: String, _ documents: [Int], from offset: Int = 0) -> [OutletDay] {
        documents.enumerated().compactMap { i, n in
            n > 0 ? OutletDay(source: source, kind: .insider, day: start.adding(days: offset + i), documents: n) : nil
        }
    }

    @Test func aBusyOutletThatStopsGoesQuietFromItsFirstEmptyDay() throws {
        // Three documents a day for 60 days, then nothing until the log's date.
        let log = CoverageLog(days("A", Array(repeating: 3, count: 60)), asOf: start.adding(days: 89))
        let outlet = try #require(log.outlets["A"])
        #expect(outlet.quietSpells == [DayInterval(first: start.adding(days: 60), last: start.adding(days: 89))])
        #expect(log.isActive("A", on: start.adding(days: 59)))
        #expect(!log.isActive("A", on: start.adding(days: 60)))
        #expect(log.isActive("never heard of", on: start))
        #expect(log.changes(in: DayInterval(first: start, last: start.adding(days: 89))).map(\.kind) == [.wentQuiet])
    }

    @Test func anOccasionalOutletsUsualGapsAreNotQuietSpells() throws {
        // One document every five days: a four-day gap is its rhythm. Under Gamma(0.5 + k, n) the
        // probability of 4 empty days after 12 documents in 60 days is (60/64)^12.5 = 0.45.
        let documents = (0..<120).map { $0 % 5 == 0 ? 1 : 0 }
        let log = CoverageLog(days("B", documents), asOf: start.adding(days: 119))
        #expect(try #require(log.outlets["B"]).quietSpells.isEmpty)
    }

    @Test func exposureWeighsOutletsByTheirReportsPerActiveDay() {
        // A reports for all 10 days; B starts on day 5. B's rate per active day equals A's, so
        // exposure is 0.5 before B starts and 1 after.
        let coverage = days("A", Array(repeating: 2, count: 10)) + days("B", Array(repeating: 2, count: 5), from: 5)
        let log = CoverageLog(coverage, asOf: start.adding(days: 9))
        let exposure = log.exposure(outletEvents: ["A": 10, "B": 5], over: DayInterval(first: start, last: start.adding(days: 9)))
        #expect(exposure == [0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1, 1])
        #expect(log.exposure(outletEvents: [:], over: DayInterval(first: start, last: start.adding(days: 2))) == [1, 1, 1])
        let started = log.changes(in: DayInterval(first: start, last: start.adding(days: 9)))
        #expect(started == [CoverageChange(day: start.adding(days: 5), source: "B", kind: .started)])
    }

    @Test func theLogIgnoresDaysAfterItsDate() {
        let log = CoverageLog(days("A", [1, 1, 1, 1]), asOf: start.adding(days: 1))
        #expect(log.outlets["A"]?.documents == 2)
        #expect(CoverageLog([], asOf: start).isEmpty)
    }
}
