import Watchfloor

/// The running tally behind every indicator series, kept up to date as events arrive rather than
/// recomputed from the store on every query.
///
/// **What is counted.** The unit is a *story*: a near-duplicate cluster reporting an event of a
/// type in a place. Syndicated copies of one story (the same cluster) count once, on the day the
/// first copy appeared, however many outlets carried it and on whichever days; a story reporting
/// both a gift and a visit counts once in each type. Series are indexed by publication day, which
/// keeps them causal: the tally up to day D is what an analyst had on day D.
///
/// **Weights.** Each story also carries a weight: the highest `reliability.weight × confidence`
/// among its copies (a story carried by a grade-A outlet is as strong as that outlet, whoever else
/// repeated it). Weighted series are used where the analysis compares bodies of reporting — the
/// shares behind hollow gratitude (W2) and the narrative gap (W4); the change and silence
/// detectors (W1, W3, W5) model counts of stories, which is what a Poisson likelihood describes.
///
/// ```swift
/// var ledger = IndicatorLedger()
/// ledger.add(contentsOf: facts)                     // or one at a time, as coding stores them
/// let aid = SeriesSelection(types: [.giftDelivery, .condolenceVisit], province: .northHamgyong)
/// let daily = ledger.series(aid, over: interval)    // DailySeries, zeros on empty days
/// ```
public struct IndicatorLedger: Sendable {
    /// How each story counts in a series.
    public enum Weighting: String, Sendable, Codable, CaseIterable {
        /// One per story.
        case count
        /// The story's `reliability.weight × confidence` (see the type's discussion).
        case reliability
    }

    struct StoryKey: Hashable {
        var cluster: DocumentID
        var type: EventType
    }

    /// The copies (events) of one story in one series key.
    struct Story {
        var facts: [EventFact] = []
        var day: Day { facts.map(\.day).min()! }
        var weight: Double { facts.map { $0.reliability.weight * $0.confidence }.max()! }
    }

    struct Tally {
        var count = 0.0
        var weight = 0.0
    }

    /// Stories per series key; a fact lands in its province's key and in the national key.
    private var stories: [SeriesKey: [StoryKey: Story]] = [:]
    /// Per series key and day: stories (and their weight) whose first copy appeared that day.
    private var days: [SeriesKey: [Day: Tally]] = [:]
    /// Per series key and outlet: the events that outlet reported.
    private var outletEvents: [SeriesKey: [String: Int]] = [:]
    private var seen: Set<Int64> = []

    public init() {}

    public init(_ facts: some Sequence<EventFact>) {
        add(contentsOf: facts)
    }

    /// Events counted so far.
    public var eventCount: Int { seen.count }

    /// Every single-type key with at least one event.
    public var keys: Set<SeriesKey> { Set(stories.keys) }

    /// The provinces with at least one event.
    public var provinces: Set<Province> { Set(stories.keys.compactMap(\.province)) }

    /// The first and last publication days of the events counted, or `nil` when there are none.
    public var span: DayInterval? {
        let all = days.values.flatMap(\.keys)
        guard let first = all.min(), let last = all.max() else { return nil }
        return DayInterval(first: first, last: last)
    }

    /// Adds an event; an event id already counted is ignored (re-ingest is idempotent).
    public mutating func add(_ fact: EventFact) {
        guard seen.insert(fact.id).inserted else { return }
        for key in Self.keys(of: fact) {
            let storyKey = StoryKey(cluster: fact.cluster, type: fact.type)
            let old = stories[key]?[storyKey]
            var story = old ?? Story()
            story.facts.append(fact)
            stories[key, default: [:]][storyKey] = story
            if let old { tally(key, old, sign: -1) }
            tally(key, story, sign: 1)
            outletEvents[key, default: [:]][fact.source, default: 0] += 1
        }
    }

    public mutating func add(contentsOf facts: some Sequence<EventFact>) {
        for fact in facts { add(fact) }
    }

    /// Removes an event (rejected in review, or its document deleted); unknown ids are ignored.
    public mutating func remove(_ fact: EventFact) {
        guard seen.remove(fact.id) != nil else { return }
        for key in Self.keys(of: fact) {
            let storyKey = StoryKey(cluster: fact.cluster, type: fact.type)
            guard var story = stories[key]?[storyKey] else { continue }
            tally(key, story, sign: -1)
            story.facts.removeAll { $0.id == fact.id }
            if story.facts.isEmpty {
                stories[key]?[storyKey] = nil
                if stories[key]?.isEmpty == true { stories[key] = nil }
            } else {
                stories[key]?[storyKey] = story
                tally(key, story, sign: 1)
            }
            outletEvents[key]?[fact.source, default: 1] -= 1
            if outletEvents[key]?[fact.source] == 0 { outletEvents[key]?[fact.source] = nil }
            if outletEvents[key]?.isEmpty == true { outletEvents[key] = nil }
        }
    }

    private static func keys(of fact: EventFact) -> [SeriesKey] {
        let national = SeriesKey(type: fact.type, province: nil)
        guard let province = fact.province else { return [national] }
        return [national, SeriesKey(type: fact.type, province: province)]
    }

    private mutating func tally(_ key: SeriesKey, _ story: Story, sign: Double) {
        let day = story.day
        var tally = days[key]?[day] ?? Tally()
        tally.count += sign
        tally.weight += sign * story.weight
        if tally.count <= 0 {
            days[key]?[day] = nil
            if days[key]?.isEmpty == true { days[key] = nil }
        } else {
            days[key, default: [:]][day] = tally
        }
    }

    // MARK: Queries

    /// The daily series of `selection` over `interval`: stories (or their weights) per day,
    /// zeros on days with none.
    public func series(_ selection: SeriesSelection, over interval: DayInterval, weighting: Weighting = .count)
        -> DailySeries
    {
        var values = [Double](repeating: 0, count: interval.count)
        for key in selection.keys {
            for (day, tally) in days[key] ?? [:] where interval.contains(day) {
                values[day - interval.first] += weighting == .count ? tally.count : tally.weight
            }
        }
        return DailySeries(start: interval.first, values: values)
    }

    /// The daily series of the stories of `selection` counting only the copies that satisfy
    /// `predicate` (a story counts when one of its copies does, on that copy's day, with the best
    /// such copy's weight): gratitude reported as coerced, strain reported by insider outlets.
    public func series(
        _ selection: SeriesSelection, over interval: DayInterval, weighting: Weighting = .count,
        where predicate: (EventFact) -> Bool
    ) -> DailySeries {
        // The stories come in a dictionary's order, which changes from one process to the next;
        // each day's weights are summed in a fixed order so that the figures do not.
        var contributions: [(day: Int, weight: Double)] = []
        for key in selection.keys {
            for story in (stories[key] ?? [:]).values {
                let copies = story.facts.filter(predicate)
                guard let day = copies.map(\.day).min(), interval.contains(day) else { continue }
                contributions.append(
                    (day - interval.first, weighting == .count ? 1 : copies.map { $0.reliability.weight * $0.confidence }.max()!))
            }
        }
        contributions.sort { ($0.day, $0.weight) < ($1.day, $1.weight) }
        var values = [Double](repeating: 0, count: interval.count)
        for (day, weight) in contributions { values[day] += weight }
        return DailySeries(start: interval.first, values: values)
    }

    /// Total stories of `selection` (over all days).
    public func total(_ selection: SeriesSelection) -> Int {
        selection.keys.reduce(0) { $0 + (stories[$1]?.count ?? 0) }
    }

    /// The events (every copy satisfying `predicate`) of `selection`'s stories that first
    /// appeared within `interval`, oldest first.
    public func events(
        _ selection: SeriesSelection, in interval: DayInterval, where predicate: (EventFact) -> Bool = { _ in true }
    ) -> [EventFact] {
        var facts: [EventFact] = []
        for key in selection.keys {
            for story in (stories[key] ?? [:]).values {
                let copies = story.facts.filter(predicate)
                guard let day = copies.map(\.day).min(), interval.contains(day) else { continue }
                facts.append(contentsOf: copies)
            }
        }
        return facts.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
    }

    /// How many events of `selection` each outlet reported: who watches this series.
    public func outlets(_ selection: SeriesSelection) -> [String: Int] {
        var outlets: [String: Int] = [:]
        for key in selection.keys {
            for (source, count) in outletEvents[key] ?? [:] { outlets[source, default: 0] += count }
        }
        return outlets
    }
}
