import Watchfloor
import WatchfloorAnalysis

/// Which stored warning each change point and silence of an analysed series became.
///
/// The warning engine turns every change a monitor watches for (``ChangeMonitor``: its types,
/// its direction) into an episode, and merges episodes of one kind and place that follow each
/// other into one warning, with the earliest onset. So a change of a watched series became the
/// warning of that kind and place whose onset is the latest on or before the change's first day
/// (and which was detected no later than the change). A change no monitor watches for — a rise
/// in gift deliveries, any change in a series of one type that is watched together with others —
/// became no warning, and is shown without one. Silences are matched the same way against W3.
///
/// Warnings are saved when the analysis last ran: if reporting arrived since and the warnings
/// were not refreshed, a change may find no warning yet.
public struct SeriesWarningLinks: Sendable, Hashable {
    /// Parallel to the analysis' `changePoints`.
    public var changes: [Int64?]
    /// Parallel to the analysis' `silences`.
    public var silences: [Int64?]

    public init(analysis: SeriesAnalysis, warnings: [Warning], settings: AnalysisSettings) {
        let selection = analysis.selection
        let place = warnings.filter { $0.province == selection.province && $0.id != nil }
        // The warning engine does not watch series with too few stories.
        let watched = analysis.series.values.reduce(0, +) >= Double(settings.minimumEvents)
        let monitors = settings.monitors.filter {
            Set($0.types) == Set(selection.types) && (selection.province == nil ? $0.national : $0.provinces)
        }
        let strain = NarrativeGap(settings: settings.narrativeGap).strainSelection(selection.province)

        changes = analysis.changePoints.map { change in
            guard watched else { return nil }
            let kinds = Set(monitors.filter { $0.directions.contains(change.direction) }.map(\.kind))
            if let warning = Self.episode(of: change.location, detected: change.detectedOn, in: place, kinds: kinds, selection) {
                return warning
            }
            // W4 also rises with strain while the narrative runs; that condition is not in the
            // series, so only a warning dated exactly by this change is taken for it.
            guard selection.province != nil, selection == strain, change.direction == .rise else { return nil }
            return place.first {
                $0.kind == .narrativeGap && ($0.onset == change.location || $0.detectedOn == change.detectedOn)
            }?.id
        }

        let silent = Set(selection.types) == Set(settings.silence.types)
            && (selection.province != nil || settings.silence.national) && watched
        silences = analysis.silences.map { silence in
            guard silent else { return nil }
            let start = analysis.series.start
            return Self.episode(
                of: start.adding(days: silence.first), detected: start.adding(days: silence.detected), in: place,
                kinds: [.silence], selection)
        }
    }

    /// The warning of one of `kinds` whose episode a signal starting on `day` joined.
    private static func episode(
        of day: Day, detected: Day, in warnings: [Warning], kinds: Set<WarningKind>, _ selection: SeriesSelection
    ) -> Int64? {
        guard !kinds.isEmpty else { return nil }
        let types = Set(selection.types)
        let candidates = warnings.filter { kinds.contains($0.kind) && $0.onset <= day && $0.detectedOn <= detected }
        guard let latest = candidates.max(by: { ($0.onset, $0.id ?? 0) < ($1.onset, $1.id ?? 0) }),
            types.isSubset(of: latest.types)
        else { return nil }
        return latest.id
    }
}

extension AnalysisSettings {
    /// The series a warning was raised on, as the analysis selects them: for a warning that
    /// joined several signals (gift deliveries and condolence visits falling, then aid
    /// disruption rising), one series per monitor; types no monitor accounts for are one more.
    ///
    /// ```swift
    /// settings.selections(for: w1)   // [CONDOLENCE_VISIT+GIFT_DELIVERY@KP-09, AID_DISRUPTION@KP-09]
    /// ```
    public func selections(for warning: Warning) -> [SeriesSelection] {
        let types = Set(warning.types)
        var groups: [[EventType]]
        switch warning.kind {
        case .silence:
            groups = [silence.types]
        case .narrativeGap:
            groups = [narrativeGap.strainTypes, narrativeGap.narrativeTypes]
        default:
            groups = monitors.filter { $0.kind == warning.kind }.map(\.types)
        }
        groups = groups.filter { !$0.isEmpty && Set($0).isSubset(of: types) }
        var selections: [SeriesSelection] = []
        for group in groups {
            let selection = SeriesSelection(types: group, province: warning.province)
            if !selections.contains(selection) { selections.append(selection) }
        }
        let rest = types.subtracting(selections.flatMap(\.types))
        if !rest.isEmpty { selections.append(SeriesSelection(types: rest, province: warning.province)) }
        return selections
    }

    /// The series the warnings watch that count `type` together with other types (gift
    /// deliveries with condolence visits): where a change in `type` alone may not show.
    public func watchedSelections(including type: EventType, province: Province?) -> [SeriesSelection] {
        var groups = monitors.filter { province == nil ? $0.national : $0.provinces }.map(\.types)
        if province != nil || silence.national { groups.append(silence.types) }
        if province != nil { groups.append(narrativeGap.strainTypes) }
        var selections: [SeriesSelection] = []
        for group in groups where group.count > 1 && group.contains(type) {
            let selection = SeriesSelection(types: group, province: province)
            if !selections.contains(selection) { selections.append(selection) }
        }
        return selections
    }

    /// Every group of several types some warning counts together, sorted and without repeats,
    /// for a series form's choices.
    public var combinedTypes: [[EventType]] {
        let groups = monitors.map(\.types) + [silence.types, narrativeGap.strainTypes, narrativeGap.narrativeTypes]
        var out: [[EventType]] = []
        for group in groups.map({ SeriesSelection(types: $0).types }) where group.count > 1 && !out.contains(group) {
            out.append(group)
        }
        return out
    }
}
