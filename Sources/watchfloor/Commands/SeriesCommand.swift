import ArgumentParser
import Foundation
import WatchfloorPipeline

struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Print or export an indicator series with its change points and silences.",
        discussion: """
            A series counts stories (a syndicated story once, on the day it first appeared) of the \
            given types, in a province or nationally, per publication day. The CSV has, per day: the \
            count, the coverage it was watched with, the rate, the probability of a change, the run \
            length, and the detected changes and silences. --svg draws the chart as an analyst would \
            paste it into a report (by week beyond 200 days, or with --weekly). The analysis is the one the warnings and the \
            dashboard's series pages run: as of the last publication day, with the pack's settings, over \
            the events of the series.

            Examples:
              watchfloor series --type GIFT_DELIVERY --type CONDOLENCE_VISIT --province KP-10
              watchfloor series --type DEPLOYMENT --format csv > deployments.csv
              watchfloor series --type AID_DISRUPTION --province KP-09 --svg kp09.svg
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Option(help: "An event type (repeatable: the series counts them together).")
    var type: [String]

    @Option(help: "A province (KP-01…KP-14); the national series when omitted.")
    var province: String?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Also draw the chart as SVG into this file.")
    var svg: String?

    @Flag(help: "Sum by ISO week in the table and the chart.")
    var weekly = false

    @Option(help: "Analyse as of this day (YYYY-MM-DD).")
    var asOf: String?

    func validate() throws {
        guard !type.isEmpty else { throw ValidationError("give at least one --type, e.g. --type GIFT_DELIVERY") }
    }

    func run() async throws {
        try require(format, in: [.table, .csv, .json])
        let store = try Workspace.openExistingStore(path: self.store.databasePath)
        let context = try packOption.context()
        let types = type.map { EventType(rawValue: $0.uppercased()) }
        for type in types where !context.pack.eventTypes.contains(type) {
            throw ValidationError(
                "--type \(type): not a type of the pack \(context.pack.name); expected one of \(context.pack.eventTypes.map(\.rawValue).joined(separator: ", "))")
        }
        guard
            let analyser = try SeriesAnalyser(
                store: store, settings: context.analysis, asOf: try parseDay(asOf, option: "--as-of"))
        else {
            return Terminal.output("no dated reporting in the database yet")
        }
        let selection = SeriesSelection(types: types, province: try parseProvince(province))
        let analysis = try analyser.analyse([selection], trace: true)[0]
        if let svg {
            let chart = SeriesChart(
                title: selection.title, subtitle: "stories (syndicated copies counted once), as of \(analyser.asOf)",
                series: analysis.series, changePoints: analysis.changePoints, silences: analysis.silenceSpans,
                coverageChanges: analysis.coverageChanges, binning: weekly ? .week : .automatic)
            try chart.svg().write(toFile: svg, atomically: true, encoding: .utf8)
            Terminal.error("chart written to \(svg)")
        }
        switch format {
        case .csv: Terminal.output(analysis.csv())
        case .json:
            struct Point: Encodable { var day: String, count: Double }
            struct Change: Encodable { var onset: String, detectedOn: String, direction: String, probability: Double }
            struct Output: Encodable {
                var title: String, asOf: String, points: [Point], changes: [Change], silences: [[String]]
            }
            let output = Output(
                title: selection.title, asOf: analyser.asOf.description,
                points: analysis.series.values.enumerated().map { Point(day: analysis.series.day(at: $0.offset).description, count: $0.element) },
                changes: analysis.changePoints.map {
                    Change(onset: $0.location.description, detectedOn: $0.detectedOn.description, direction: $0.direction.rawValue,
                        probability: ($0.probability * 1000).rounded() / 1000)
                },
                silences: analysis.silenceSpans.map { [$0.first.description, $0.last.description] })
            Terminal.output(try JSONOutput.string(output))
        default:
            Terminal.output("\(selection.title) — as of \(analyser.asOf)")
            var table = Table([weekly ? "week" : "day", "stories"])
            if weekly {
                for (week, value) in analysis.series.weekly() where value > 0 { table.add([week.description, String(Int(value))]) }
            } else {
                for (i, value) in analysis.series.values.enumerated() where value > 0 {
                    table.add([analysis.series.day(at: i).description, String(Int(value))])
                }
            }
            Terminal.output(table.render())
            for change in analysis.changePoints {
                Terminal.output("change: \(change.direction.rawValue) from \(change.location), detected \(change.detectedOn), probability \(String(format: "%.2f", change.probability))")
            }
            for span in analysis.silenceSpans { Terminal.output("silence: \(span.first) to \(span.last)") }
        }
    }
}
