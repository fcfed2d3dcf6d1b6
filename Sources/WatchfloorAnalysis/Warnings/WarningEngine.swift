import Watchfloor

/// Raises the five warnings of the gift-politics subject from coded reporting:
///
/// | warning | method |
/// |---|---|
/// | W1 gift-flow disruption | ``PoissonGammaBOCPD`` on gifts + condolence visits (drops) and on aid disruption (rises) |
/// | W2 hollow gratitude | ``GratitudeMonitor`` (coerced share vs baseline), and the detector on discontent (rises) |
/// | W3 silence | ``SilenceDetector`` on gifts + condolence visits per province |
/// | W4 narrative gap | ``NarrativeGap`` per province: the index against its baseline, or a surge of strain under a running narrative |
/// | W5 alliance-exchange shift | the detector on deployments, arms transfers, technology/energy/food (both ways) |
///
/// Every detector runs online over the days analysed, so a warning's `detectedOn` is the first
/// day the reporting published up to that day raised it, and its `onset` the estimated start of
/// the change. Signals of the same kind about the same place less than
/// ``AnalysisSettings/episodeDays`` apart (change points: their onsets) are one episode and one
/// warning, whose score is the strongest of them.
///
/// ```swift
/// let engine = WarningEngine(settings: try AnalysisSettings.load(from: packURL.appending(path: "analysis.yaml")))
/// for warning in engine.warnings(facts: facts, coverage: outletDays, asOf: today) {
///     print(warning.kind, warning.province?.code ?? "national", warning.onset, warning.score)
/// }
/// ```
public struct WarningEngine: Sendable {
    public let settings: AnalysisSettings

    public init(settings: AnalysisSettings = .default) {
        self.settings = settings
    }

    /// The warnings as of `asOf`, from the events and the coverage log (anything dated later is ignored).
    public func warnings(facts: [EventFact], coverage: [OutletDay], asOf: Day) -> [Warning] {
        warnings(in: AnalysisContext(facts: facts, coverage: coverage, asOf: asOf, settings: settings))
    }

    /// The warnings of a prepared context (see ``AnalysisContext``).
    public func warnings(in context: AnalysisContext) -> [Warning] {
        guard let interval = context.interval else { return [] }
        var analyses = SeriesCache(context: context, settings: settings)
        var episodes: [Episode] = []
        let scopes: [Province?] = [nil] + context.provinces.map { $0 }

        for monitor in settings.monitors {
            for province in scopes where province == nil ? monitor.national : monitor.provinces {
                let selection = SeriesSelection(types: monitor.types, province: province)
                guard let analysis = analyses[selection, monitor] else { continue }
                for (alarm, change) in zip(analysis.alarms, analysis.changePoints)
                where monitor.directions.contains(alarm.direction) {
                    episodes.append(changeEpisode(monitor, analysis, change, context: context))
                }
            }
        }

        let silenceScopes: [Province?] = (settings.silence.national ? [nil] : []) + context.provinces.map { $0 }
        for province in silenceScopes {
            let selection = SeriesSelection(types: settings.silence.types, province: province)
            guard let analysis = analyses[selection] else { continue }
            for silence in analysis.silences {
                episodes.append(silenceEpisode(analysis, silence, context: context))
            }
        }

        let gratitude = GratitudeMonitor(settings: settings.gratitude)
        for province in scopes {
            for finding in gratitude.findings(ledger: context.ledger, province: province, interval: interval) {
                episodes.append(gratitudeEpisode(finding))
            }
        }

        let gap = NarrativeGap(settings: settings.narrativeGap)
        let share = settings.narrativeGap.share
        for province in context.provinces {
            for finding in gap.findings(ledger: context.ledger, province: province, interval: interval) {
                episodes.append(gapEpisode(finding))
            }
            guard let strain = analyses[gap.strainSelection(province)] else { continue }
            for (alarm, change) in zip(strain.alarms, strain.changePoints) where alarm.direction == .rise {
                let window = DayInterval(
                    first: change.detectedOn.adding(days: 1 - share.windowDays), last: change.detectedOn)
                let narrative = gap.narrative(ledger: context.ledger, province: province, period: window)
                guard narrative >= share.minimumWindowFailures else { continue }
                episodes.append(gapRiseEpisode(strain, change, gap: gap, context: context))
            }
        }

        return Episode.merge(episodes, within: settings.episodeDays, maximumEvents: settings.maximumEvents)
            .map(\.warning)
            .compactMap(calibrated)
            .sorted {
                ($0.detectedOn, $0.kind.rawValue, $0.province?.code ?? "")
                    < ($1.detectedOn, $1.kind.rawValue, $1.province?.code ?? "")
            }
    }

    /// The warning with its score as a probability (``ScoreCalibration``), its detector's output
    /// kept as the `raw_score` figure and a sentence saying what the score means; `nil` when the
    /// probability is below ``AnalysisSettings/minimumProbability``.
    func calibrated(_ warning: Warning) -> Warning? {
        var warning = warning
        let raw = warning.score
        let calibration = settings.calibration[warning.kind]
        let probability = calibration?.probability(raw: raw) ?? raw
        guard probability >= settings.minimumProbability else { return nil }
        warning.score = probability
        warning.figures["raw_score"] = raw
        warning.explanation += " " + Self.meaning(of: probability, calibrated: calibration != nil)
        return warning
    }

    /// What a score means, in words, for explanations, `watchfloor warnings` and the dashboard:
    /// a calibrated score is the share of such warnings that were borne out on simulated reporting
    /// with known truth; an uncalibrated one is only the detector's own probability.
    public static func meaning(of score: Double, calibrated: Bool) -> String {
        let percent = Int((score * 100).rounded())
        guard calibrated else {
            return "Score \(percent)%: the detector's own probability that the change is real, under its model of "
                + "reporting; it has not been checked against known outcomes, and reporting that comes in "
                + "clusters makes it overconfident."
        }
        let odds: String
        switch score {
        case ..<0.35: odds = "most warnings like it were not borne out"
        case ..<0.65: odds = "about as many warnings like it were borne out as not"
        case ..<0.85: odds = "most warnings like it were borne out"
        default: odds = "nearly all warnings like it were borne out"
        }
        return "Score \(percent)%: the probability that the change is real, as measured on simulated reporting "
            + "with known truth — \(odds)."
    }

    /// Each series is analysed once, whichever warnings read it, and only when it has enough stories.
    struct SeriesCache {
        let context: AnalysisContext
        let settings: AnalysisSettings
        var analyses: [String: SeriesAnalysis?] = [:]

        /// The series read with the defaults, or with `monitor`'s own alarm settings.
        subscript(selection: SeriesSelection, monitor: ChangeMonitor? = nil) -> SeriesAnalysis? {
            mutating get {
                let own = monitor.map { $0.alarmProbability != nil || $0.confirmationDays != nil } ?? false
                let key = "\(selection)" + (own ? "/\(monitor!.alarmProbability ?? 0)/\(monitor!.confirmationDays ?? 0)" : "")
                if let cached = analyses[key] { return cached }
                var analysis: SeriesAnalysis?
                if context.ledger.total(selection) >= settings.minimumEvents {
                    let candidate = context.analyse(selection, settings: own ? monitor!.settings(settings) : settings)
                    if candidate.series.values.reduce(0, +) >= Double(settings.minimumEvents) { analysis = candidate }
                }
                analyses[key] = analysis
                return analysis
            }
        }
    }
}
