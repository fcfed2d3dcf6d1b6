import Watchfloor

/// Turning each detector's finding into a warning: its dates, score, figures, supporting events
/// and a one-paragraph explanation an analyst can paste into a report.
extension WarningEngine {
    func changeEpisode(
        _ monitor: ChangeMonitor, _ analysis: SeriesAnalysis, _ change: ChangePoint, context: AnalysisContext
    ) -> Episode {
        let recent = settings.detector.recentDays
        let beforeDays = DayInterval(first: change.location.adding(days: -recent), last: change.location.adding(days: -1))
        let afterDays = DayInterval(first: change.location, last: max(change.detectedOn, change.location))
        let before = analysis.rate(over: beforeDays)
        let after = analysis.rate(over: afterDays)
        let selection = analysis.selection
        let text = [
            "Reported \(selection.phrase) \(change.direction == .rise ? "rose" : "fell") from",
            "\(Explain.rate(change.rateBefore)) to \(Explain.rate(change.rateAfter)) a day around \(change.location)",
            "(\(Explain.count(before.stories)) in the \(recent) days before,",
            "\(Explain.count(after.stories)) from then to \(change.detectedOn)).",
            "On \(change.detectedOn) the change detector put the probability that the rate changed within the",
            "previous \(recent) days at \(Explain.probability(change.probability)).",
            coverageSentence(analysis, around: change.location, until: change.detectedOn),
        ].joined(separator: " ")
        // The reports since the change, then the last ones before it.
        let supporting = context.ledger.events(selection, in: afterDays)
            + context.ledger.events(selection, in: beforeDays).reversed()
        let warning = Warning(
            kind: monitor.kind, province: selection.province, types: selection.types, onset: change.location,
            detectedOn: change.detectedOn, score: change.probability, explanation: text, events: supporting.map(\.id),
            figures: [
                "rate_before": change.rateBefore, "rate_after": change.rateAfter, "probability": change.probability,
                "stories_before": before.stories, "stories_after": after.stories,
                "delay_days": Double(change.detectedOn - change.location),
            ])
        return Episode(warning, end: change.detectedOn, isChange: true)
    }

    func silenceEpisode(_ analysis: SeriesAnalysis, _ silence: SilenceDetector.Silence, context: AnalysisContext)
        -> Episode
    {
        let start = analysis.series.start
        let (first, detected, last) = (
            start.adding(days: silence.first), start.adding(days: silence.detected), start.adding(days: silence.last)
        )
        let selection = analysis.selection
        let days = silence.last - silence.first + 1
        let baselineDays = settings.silence.detector.baselineDays
        let coverage = analysis.exposure[silence.first...silence.last].reduce(0, +) / Double(days)
        var text = [
            "Reports of \(selection.phrase) stopped after \(first.adding(days: -1)):",
            "at the recent rate of \(Explain.rate(silence.baselineRate)) a day",
            "(\(Explain.count(silence.baselineEvents)) in the \(baselineDays) days before),",
            "\(Explain.number(silence.expectedAtDetection)) would have been expected by \(detected) and none came;",
            "the probability of so long a silence at that rate was \(Explain.small(silence.probabilityAtDetection)),",
            "and a gap this long turns up by chance \(Explain.chance(silence.chancePerYearAtDetection)) in such a series.",
            "Against a real stop every \(Explain.years(1 / settings.silence.detector.priorStopsPerYear)) on a series of this kind,",
            "the probability that the silence is real was \(Explain.percent(silence.scoreAtDetection)).",
        ].joined(separator: " ")
        if silence.ongoing {
            text += " The silence continues: \(days) days to \(last), \(Explain.number(silence.expected)) reports expected."
        } else {
            text += " It lasted \(days) days, to \(last)."
        }
        text += " The outlets that report on this series were publishing through it (\(Explain.percent(coverage)) of"
            + " their usual coverage), so this is not an outlet going quiet."
        let baseline = DayInterval(first: first.adding(days: -baselineDays), last: first.adding(days: -1))
        let warning = Warning(
            kind: .silence, province: selection.province, types: selection.types, onset: first, detectedOn: detected,
            score: silence.score, explanation: text,
            events: context.ledger.events(selection, in: baseline).reversed().map(\.id),
            figures: [
                "baseline_rate": silence.baselineRate, "baseline_events": silence.baselineEvents,
                "expected": silence.expected, "expected_at_detection": silence.expectedAtDetection, "observed": 0,
                "probability": silence.probability, "probability_at_detection": silence.probabilityAtDetection,
                "run_days": Double(days), "coverage": coverage, "chance_per_year": silence.chancePerYear,
                "chance_per_year_at_detection": silence.chancePerYearAtDetection,
            ])
        return Episode(warning, end: last)
    }

    func gratitudeEpisode(_ finding: ShareFinding) -> Episode {
        let share = settings.gratitude.share
        let shift = finding.shift
        let text = [
            "\(Explain.capitalised(SeriesSelection.place(finding.province))),",
            "\(Explain.number(shift.windowSuccesses)) of \(Explain.number(shift.windowTotal)) reliability-weighted reports",
            "of bereaved families' public gratitude in the \(share.windowDays) days to \(finding.detectedOn)",
            "describe it as coerced or staged: a share of \(Explain.share(shift.window, level: share.interval)),",
            "against \(Explain.share(shift.baseline, level: share.interval, named: false))",
            "in the \(share.baselineDays) days before;",
            "the probability that the share rose is \(Explain.probability(shift.probability)).",
            "The rise is dated from about \(finding.onset).",
            "Discontent was reported at \(Explain.rate(finding.figures["discontent_rate_window"] ?? 0)) a day in the",
            "window, against \(Explain.rate(finding.figures["discontent_rate_baseline"] ?? 0)) before.",
        ].joined(separator: " ")
        let warning = Warning(
            kind: .hollowGratitude, province: finding.province,
            types: [settings.gratitude.gratitudeType, settings.gratitude.discontentType], onset: finding.onset,
            detectedOn: finding.detectedOn, score: shift.peakProbability, explanation: text,
            events: finding.events.map(\.id), figures: shareFigures(shift, share).merging(finding.figures) { $1 })
        return Episode(warning, end: finding.lastDay)
    }

    func gapEpisode(_ finding: ShareFinding) -> Episode {
        let gap = settings.narrativeGap
        let share = gap.share
        let shift = finding.shift
        let text = [
            "\(Explain.capitalised(SeriesSelection.place(finding.province))), provincial reporting of strain",
            "(\(Explain.types(gap.strainTypes)) from \(Explain.sources(gap.strainSources)) outlets) diverged from",
            "the central narrative in the \(share.windowDays) days to \(finding.detectedOn):",
            "strain made up \(Explain.share(shift.window, level: share.interval)) of the weighted reporting about the",
            "province from the two camps, against \(Explain.share(shift.baseline, level: share.interval, named: false))",
            "in the \(share.baselineDays) days before, while \(Explain.sources(gap.narrativeSources)) kept reporting",
            "\(Explain.types(gap.narrativeTypes))",
            "(\(Explain.number(shift.windowTotal - shift.windowSuccesses)) weighted stories in the window).",
            "The probability that the gap widened is \(Explain.probability(shift.probability));",
            "it is dated from about \(finding.onset).",
        ].joined(separator: " ")
        let warning = Warning(
            kind: .narrativeGap, province: finding.province,
            types: Array(Set(gap.narrativeTypes + gap.strainTypes)).sorted(), onset: finding.onset,
            detectedOn: finding.detectedOn, score: shift.peakProbability, explanation: text,
            events: finding.events.map(\.id), figures: shareFigures(shift, share).merging(finding.figures) { $1 })
        return Episode(warning, end: finding.lastDay)
    }

    func gapRiseEpisode(_ strain: SeriesAnalysis, _ change: ChangePoint, gap: NarrativeGap, context: AnalysisContext)
        -> Episode
    {
        let settings = gap.settings
        let share = settings.share
        let province = strain.selection.province
        let window = DayInterval(first: change.detectedOn.adding(days: 1 - share.windowDays), last: change.detectedOn)
        let baselineStart = max(strain.series.start, window.first.adding(days: -share.baselineDays))
        let now = gap.index(ledger: context.ledger, province: province, period: window)
        var text = [
            "\(Explain.capitalised(SeriesSelection.place(province))), reported strain",
            "(\(Explain.types(settings.strainTypes))) rose from \(Explain.rate(change.rateBefore)) to",
            "\(Explain.rate(change.rateAfter)) a day around \(change.location) (probability of a change",
            "\(Explain.probability(change.probability)) on \(change.detectedOn)), while",
            "\(Explain.sources(settings.narrativeSources)) kept reporting \(Explain.types(settings.narrativeTypes))",
            "(\(Explain.number(now.total - now.successes)) weighted stories in the \(share.windowDays) days to",
            "\(change.detectedOn)).",
        ].joined(separator: " ")
        var figures: [String: Double] = [
            "rate_before": change.rateBefore, "rate_after": change.rateAfter, "probability": change.probability,
            "gap_window": now.mean, "gap_window_lower": now.lower, "gap_window_upper": now.upper,
            "narrative_window": now.total - now.successes, "strain_window": now.successes,
        ]
        if baselineStart < window.first {
            let before = gap.index(
                ledger: context.ledger, province: province,
                period: DayInterval(first: baselineStart, last: window.first.adding(days: -1)))
            text += " The gap index (strain's share of the two camps' reporting) stood at \(Explain.share(now))"
                + " in that window, against \(Explain.share(before, named: false)) before."
            figures["gap_baseline"] = before.mean
            figures["gap_baseline_lower"] = before.lower
            figures["gap_baseline_upper"] = before.upper
        }
        let narrative = SeriesSelection(types: settings.narrativeTypes, province: province)
        let kinds = Set(settings.narrativeSources)
        let events =
            context.ledger.events(
                strain.selection, in: DayInterval(first: change.location, last: max(change.detectedOn, change.location)))
            + context.ledger.events(narrative, in: window) { kinds.contains($0.sourceKind) }
        let warning = Warning(
            kind: .narrativeGap, province: province,
            types: Array(Set(settings.narrativeTypes + settings.strainTypes)).sorted(), onset: change.location,
            detectedOn: change.detectedOn, score: change.probability, explanation: text, events: events.map(\.id),
            figures: figures)
        return Episode(warning, end: change.detectedOn, isChange: true)
    }

    private func shareFigures(_ shift: ShareShiftTest.Shift, _ share: ShareShiftTest.Settings) -> [String: Double] {
        let window = shift.window.credibleInterval(share.interval)
        let baseline = shift.baseline.credibleInterval(share.interval)
        return [
            "share_window": shift.window.mean, "share_window_lower": window.lower, "share_window_upper": window.upper,
            "share_baseline": shift.baseline.mean, "share_baseline_lower": baseline.lower,
            "share_baseline_upper": baseline.upper, "successes_window": shift.windowSuccesses,
            "total_window": shift.windowTotal, "successes_baseline": shift.baselineSuccesses,
            "total_baseline": shift.baselineTotal, "probability": shift.probability,
        ]
    }

    /// What the coverage log says around a change: an analyst must see whether who was watching
    /// changed. Outlets starting, going quiet or resuming are divided out by the exposure; changes
    /// in an outlet's overall volume are not (its volume includes the very reports counted), so
    /// they are reported as context.
    private func coverageSentence(_ analysis: SeriesAnalysis, around day: Day, until end: Day) -> String {
        let watchers = analysis.outlets.count == 1 ? "1 outlet reports" : "\(analysis.outlets.count) outlets report"
        let nearby = analysis.coverageChanges.filter { $0.day >= day.adding(days: -30) && $0.day <= end }
        let presence = nearby.filter { [.started, .wentQuiet, .resumed].contains($0.kind) }
        let volume = nearby.filter { [.volumeRise, .volumeDrop].contains($0.kind) }
        func describe(_ changes: [CoverageChange]) -> String {
            Explain.list(changes.prefix(4).map { "\($0.source) \(Explain.coverage($0.kind)) on \($0.day)" })
        }
        var text: String
        if presence.isEmpty {
            text = "Coverage: \(watchers) on this series; none started, stopped or went quiet around the change."
        } else {
            text = "Coverage changed nearby (\(describe(presence))); the rates above are per day of the series' usual"
                + " coverage, so that is already allowed for (\(watchers) on this series)."
        }
        if !volume.isEmpty {
            text += " Overall output changed too (\(describe(volume))); an outlet's output includes these reports,"
                + " so check whether it reports less about everything or only about this."
        }
        return text
    }
}
