import Foundation
import Watchfloor

/// One indicator series analysed: its daily counts, the coverage it was watched with, the
/// changes the detector found, its silences, and the coverage changes of its outlets — what the
/// `series` command prints or exports and what a chart draws.
///
/// ```swift
/// let analysis = context.analyse(SeriesSelection(types: [.aidDisruption], province: .chagang), trace: true)
/// analysis.changePoints            // [ChangePoint]: location, detectedOn, rise/drop, probability
/// try analysis.csv().write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct SeriesAnalysis: Sendable {
    public var selection: SeriesSelection
    public var series: DailySeries
    /// Per day: the share of the series' usual coverage that was watching (see ``CoverageLog``).
    public var exposure: [Double]
    /// The outlets that report on the series, with their events.
    public var outlets: [String: Int]
    /// The detector's alarms (indices into `series`).
    public var alarms: [ChangeAlarm]
    /// The alarms as days, located where the episode's evidence put them.
    public var changePoints: [ChangePoint]
    public var silences: [SilenceDetector.Silence]
    public var coverageChanges: [CoverageChange]
    /// Per day: the series' over-dispersion φ as the detectors used it (1: Poisson; see
    /// ``Overdispersion``). Each story and day of coverage counted 1/φ as evidence.
    public var dispersion: [Double]
    /// Per day, when traced: the probability of a change within the detector's recent days, the
    /// most probable regime's rate (reports a day at full coverage) and its length.
    public var changeProbabilities: [Double]
    public var rates: [Double]
    public var runLengths: [Int32]

    public init(
        selection: SeriesSelection, ledger: IndicatorLedger, coverage: CoverageLog, interval: DayInterval,
        detector: PoissonGammaBOCPD.Configuration, silence: SilenceDetector.Settings?,
        dispersion overdispersion: Overdispersion? = nil, trace: Bool = false
    ) {
        self.selection = selection
        let series = ledger.series(selection, over: interval)
        let exposure = coverage.exposure(outletEvents: ledger.outlets(selection), over: interval)
        self.series = series
        outlets = ledger.outlets(selection)
        self.exposure = exposure
        // Quasi-likelihood: the detectors weigh the evidence as the clusters the stories come in.
        let weighed = overdispersion?.weighed(counts: series.values, exposures: exposure)
        let phi = weighed?.factors
        dispersion = phi ?? [Double](repeating: 1, count: series.count)
        let counts = weighed?.counts ?? series.values
        let exposures = weighed?.exposures ?? exposure
        let scan = ChangePointScan(counts: counts, exposures: exposures, configuration: detector, trace: trace)
        alarms = scan.alarms
        changeProbabilities = scan.changeProbabilities
        rates = scan.rates
        runLengths = scan.runLengths
        changePoints = scan.alarms.map { $0.changePoint(start: interval.first) }
        if let silence {
            silences = SilenceDetector(settings: silence).scan(counts: series.values, exposures: exposure, dispersion: phi)
        } else {
            silences = []
        }
        coverageChanges = coverage.changes(in: interval, sources: Set(outlets.keys))
    }

    public var interval: DayInterval { DayInterval(first: series.start, last: series.end) }

    /// The silences as spans of days.
    public var silenceSpans: [DayInterval] {
        silences.map { DayInterval(first: series.day(at: $0.first), last: series.day(at: $0.last)) }
    }

    /// Reports (stories) per day of full coverage over `days`, and the stories counted.
    public func rate(over days: DayInterval) -> (rate: Double, stories: Double) {
        guard let clipped = days.intersection(interval) else { return (0, 0) }
        var stories = 0.0
        var covered = 0.0
        for day in clipped {
            let i = day - series.start
            stories += series.values[i]
            covered += exposure[i]
        }
        return (covered > 0 ? stories / covered : 0, stories)
    }

    /// The series as CSV: `day,count,exposure` and, when traced, `rate,change_probability,run_length`,
    /// then `change` (rise/drop on a change point's first day) and `silence` (1 on silent days).
    public func csv() -> String {
        let traced = !changeProbabilities.isEmpty
        var lines = [
            "day,count,exposure" + (traced ? ",rate,change_probability,run_length" : "") + ",change,silence"
        ]
        let changes = Dictionary(changePoints.map { ($0.location, $0.direction.rawValue) }) { first, _ in first }
        let silent = silenceSpans
        for i in 0..<series.count {
            let day = series.day(at: i)
            var fields = [day.description, Self.number(series.values[i]), Self.number(exposure[i])]
            if traced {
                fields += [Self.number(rates[i]), Self.number(changeProbabilities[i]), String(runLengths[i])]
            }
            fields.append(changes[day] ?? "")
            fields.append(silent.contains { $0.contains(day) } ? "1" : "0")
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.4g", value)
    }
}
