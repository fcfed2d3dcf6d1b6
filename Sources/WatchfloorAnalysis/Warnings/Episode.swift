import Watchfloor

/// A warning under construction, with the last day its condition held, so that signals of one
/// episode can be merged into one warning.
struct Episode {
    var warning: Warning
    var end: Day
    /// Each signal's detection day and explanation.
    var explanations: [(detectedOn: Day, text: String)]

    /// The latest onset among the episode's change-point signals (`nil` when it has none).
    var latestChangeOnset: Day?

    /// `isChange`: the signal is a change point (a rate that turned on a day), as opposed to a
    /// state that lasts (a silence, a share that stays high).
    init(_ warning: Warning, end: Day, isChange: Bool = false) {
        self.warning = warning
        self.end = max(end, warning.detectedOn)
        explanations = [(warning.detectedOn, warning.explanation)]
        latestChangeOnset = isChange ? warning.onset : nil
    }

    /// Whether `next` (whose onset is not before this episode's) belongs to this episode. Two
    /// change points join when their onsets are less than `days` apart: the fall of gifts and the
    /// rise of disruption a week later tell of one turn. A change whose onset comes later than
    /// that is a turn of its own — gifts that fell in January and fell again in March — and is
    /// not hidden in the January warning however soon after its detection it came. Other signals
    /// join when they begin less than `days` after the episode's last day.
    func admits(_ next: Episode, within days: Int) -> Bool {
        guard next.warning.kind == warning.kind, next.warning.province == warning.province else { return false }
        if let latest = latestChangeOnset, let onset = next.latestChangeOnset {
            return onset <= latest.adding(days: days)
        }
        return next.warning.onset <= end.adding(days: days)
    }

    /// Merges signals of the same kind and place that ``admits(_:within:)`` puts together (spans
    /// less than `days` apart; change points whose onsets are): one warning per episode, with the earliest onset and detection, the highest score,
    /// every type, and the supporting events of all (at most `maximumEvents`).
    static func merge(_ episodes: [Episode], within days: Int, maximumEvents: Int) -> [Episode] {
        let ordered = episodes.sorted {
            ($0.warning.kind.rawValue, $0.warning.province?.code ?? "", $0.warning.onset)
                < ($1.warning.kind.rawValue, $1.warning.province?.code ?? "", $1.warning.onset)
        }
        var merged: [Episode] = []
        for episode in ordered {
            if var last = merged.last, last.admits(episode, within: days) {
                last.absorb(episode)
                merged[merged.count - 1] = last
            } else {
                merged.append(episode)
            }
        }
        return merged.map { episode in
            var episode = episode
            episode.finish(maximumEvents: maximumEvents)
            return episode
        }
    }

    private mutating func absorb(_ other: Episode) {
        let stronger = other.warning.score > warning.score
        warning.onset = min(warning.onset, other.warning.onset)
        warning.detectedOn = min(warning.detectedOn, other.warning.detectedOn)
        warning.types = Array(Set(warning.types + other.warning.types)).sorted()
        if stronger {
            warning.figures = other.warning.figures
            warning.score = other.warning.score
        }
        var seen = Set(warning.events)
        warning.events += other.warning.events.filter { seen.insert($0).inserted }
        explanations += other.explanations
        end = max(end, other.end)
        if let onset = other.latestChangeOnset { latestChangeOnset = max(latestChangeOnset ?? onset, onset) }
    }

    private mutating func finish(maximumEvents: Int) {
        if explanations.count > 1 {
            // In the order the signals were raised: the explanation reads as the episode unfolded.
            let texts = explanations.sorted { $0.detectedOn < $1.detectedOn }.map(\.text)
            warning.explanation = texts.joined(separator: " Also: ")
            warning.figures["signals"] = Double(explanations.count)
        }
        if warning.events.count > maximumEvents { warning.events = Array(warning.events.prefix(maximumEvents)) }
    }
}
