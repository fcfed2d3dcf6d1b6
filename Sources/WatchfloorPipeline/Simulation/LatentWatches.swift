import Watchfloor
import WatchfloorAnalysis
import WatchfloorSimulation

extension AnalysisSettings {
    /// What each warning kind watches, as the scorer reads the latent truth: one watch per change
    /// monitor (its types, all outlets, the directions it warns of), the silence series (W3: a
    /// stop), the coerced share of gratitude (W2: coerced over sincere stories, a rise) and the
    /// narrative gap (W4: provincial strain from its outlets over the central narrative from its
    /// outlets, a rise of the strain itself). The simulation cannot read these settings itself (stages stay apart), so
    /// the pipeline, which sees both, translates them.
    public var latentWatches: [LatentWatch] {
        var watches = monitors.map { monitor in
            LatentWatch(
                kind: monitor.kind, name: monitor.name, measure: .rate(.init(types: Set(monitor.types))),
                directions: Set(monitor.directions), national: monitor.national, provinces: monitor.provinces)
        }
        watches.append(
            LatentWatch(
                kind: .silence, name: "silence of " + silence.types.map(\.rawValue).sorted().joined(separator: "+"),
                measure: .rate(.init(types: Set(silence.types))), directions: [.drop], rule: .stop,
                national: silence.national))
        let gratitudeType: Set<EventType> = [gratitude.gratitudeType]
        watches.append(
            LatentWatch(
                kind: .hollowGratitude, name: "coerced share of gratitude",
                measure: .ratio(.init(types: gratitudeType, sincerity: .coerced), over: .init(types: gratitudeType, sincerity: .sincere)),
                directions: [.rise]))
        let gap = narrativeGap
        watches.append(
            LatentWatch(
                kind: .narrativeGap, name: "narrative gap",
                measure: .ratio(
                    .init(types: Set(gap.strainTypes), sources: Set(gap.strainSources)),
                    over: .init(types: Set(gap.narrativeTypes), sources: Set(gap.narrativeSources))),
                directions: [.rise], national: false, numeratorMustChange: true))
        return watches
    }
}
