import Testing
import Watchfloor
import WatchfloorTesting

@testable import WatchfloorAnalysis

@Suite struct SeriesAnalysisTests {
    @Test func aSeriesIsAnalysedAndExportedAsCSV() throws {
        var reporting = SyntheticReporting(start: Fixtures.start)
        let gifts = LabelledSeries.step(days: 200, onset: 120, before: 5, after: 1, seed: 71)
        reporting.add(counts: gifts.counts, type: .giftDelivery, province: .chagang, outlet: Fixtures.stateMedia)
        reporting.addCoverage(outlet: Fixtures.stateMedia, days: 0..<200, background: 3, seed: 72)
        let asOf = Fixtures.start.adding(days: 199)
        let context = AnalysisContext(facts: reporting.facts, coverage: reporting.coverage, asOf: asOf)
        let analysis = context.analyse(SeriesSelection(types: [.giftDelivery], province: .chagang), trace: true)

        #expect(analysis.series.count == 200 && analysis.exposure.allSatisfy { $0 == 1 })
        let change = try #require(analysis.changePoints.first)
        #expect(change.direction == .drop && abs(change.location - Fixtures.start.adding(days: 120)) <= 3)
        #expect(analysis.changeProbabilities.count == 200 && analysis.rates.count == 200)

        let csv = analysis.csv().split(separator: "\n")
        #expect(csv.first == "day,count,exposure,rate,change_probability,run_length,change,silence")
        #expect(csv.count == 201)
        let changeRow = try #require(csv.first { $0.hasPrefix(change.location.description) })
        #expect(changeRow.contains(",drop,"))
        #expect(csv[1].hasPrefix("\(Fixtures.start),\(gifts.counts[0]),1,"))
    }

    @Test func ratesAreMeasuredPerDayOfUsualCoverage() {
        // Two outlets report equally; the second is quiet for the last 50 days, so the count
        // halves but the rate per day of usual coverage does not — and no change is found.
        var reporting = SyntheticReporting(start: Fixtures.start)
        let days = 300
        reporting.add(counts: LabelledSeries.stable(days: days, rate: 3, seed: 81).counts, type: .discontent, province: .kangwon, outlet: Fixtures.insider)
        reporting.add(counts: LabelledSeries.stable(days: days - 50, rate: 3, seed: 82).counts, type: .discontent, province: .kangwon, outlet: Fixtures.newInsider)
        reporting.addCoverage(outlet: Fixtures.insider, days: 0..<days, background: 3, seed: 83)
        reporting.addCoverage(outlet: Fixtures.newInsider, days: 0..<(days - 50), background: 3, seed: 84)
        let context = AnalysisContext(facts: reporting.facts, coverage: reporting.coverage, asOf: Fixtures.start.adding(days: days - 1))
        let analysis = context.analyse(SeriesSelection(types: [.discontent], province: .kangwon))
        #expect(analysis.changePoints.isEmpty)
        #expect(analysis.coverageChanges.contains { $0.source == Fixtures.newInsider.name && $0.kind == .wentQuiet })
        let late = analysis.rate(over: DayInterval(first: Fixtures.start.adding(days: 260), last: Fixtures.start.adding(days: 299)))
        let early = analysis.rate(over: DayInterval(first: Fixtures.start.adding(days: 100), last: Fixtures.start.adding(days: 199)))
        #expect(abs(late.rate - early.rate) < 1.2)
        #expect(abs(analysis.exposure.last! - 0.5) < 0.05)
    }
}
