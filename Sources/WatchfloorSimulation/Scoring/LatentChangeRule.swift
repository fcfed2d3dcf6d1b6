import Watchfloor

/// A change in the latent truth that a warning ought to find, whether or not a scenario named it.
public struct LatentChange: Hashable, Sendable, Codable {
    public var kind: WarningKind
    /// The ``LatentWatch`` it was found in, and the event types it reads.
    public var watch: String
    public var types: [EventType]
    /// `nil` for a national change.
    @ExplicitNull public var province: Province?
    public var direction: ChangeDirection
    /// The first day of the week in which the change was sharpest (the highest or lowest ratio).
    public var onset: Day
    /// The first and last day of the weeks over which the ratio passed the rule's factor.
    public var first: Day
    public var last: Day
    /// The measure before and after the onset (expected stories a week, or the ratio of two).
    public var before: Double
    public var after: Double
    /// `after / before` (infinite from nothing).
    public var ratio: Double
    /// Expected stories a day at the busier side of the change: how much reporting there was to
    /// see it by (for a ratio, of its numerator: the coerced gratitude, the strain).
    public var storiesPerDay: Double
    /// Whether a warning of the kind is expected to find it (for a `stop` watch: only a stop).
    public var expected: Bool

    enum CodingKeys: String, CodingKey {
        case kind, watch, types, province, direction, onset, first, last, before, after, ratio, expected
        case storiesPerDay = "stories_per_day"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(watch, forKey: .watch)
        try c.encode(types, forKey: .types)
        try c.encode(_province, forKey: .province)
        try c.encode(direction, forKey: .direction)
        try c.encode(onset.description, forKey: .onset)
        try c.encode(first.description, forKey: .first)
        try c.encode(last.description, forKey: .last)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        // JSON has no infinity: a rise from nothing is written as null.
        try c.encode(ratio.isFinite ? ratio : nil, forKey: .ratio)
        try c.encode(storiesPerDay, forKey: .storiesPerDay)
        try c.encode(expected, forKey: .expected)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> Day {
            let text = try c.decode(String.self, forKey: key)
            guard let day = Day(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected YYYY-MM-DD, found \(text)")
            }
            return day
        }
        kind = try c.decode(WarningKind.self, forKey: .kind)
        watch = try c.decode(String.self, forKey: .watch)
        types = try c.decode([EventType].self, forKey: .types)
        _province = try c.decode(ExplicitNull<Province>.self, forKey: .province)
        direction = try c.decode(ChangeDirection.self, forKey: .direction)
        onset = try day(.onset)
        first = try day(.first)
        last = try day(.last)
        before = try c.decode(Double.self, forKey: .before)
        after = try c.decode(Double.self, forKey: .after)
        ratio = try c.decodeIfPresent(Double.self, forKey: .ratio) ?? .infinity
        storiesPerDay = try c.decode(Double.self, forKey: .storiesPerDay)
        expected = try c.decode(Bool.self, forKey: .expected)
    }

    public init(
        kind: WarningKind, watch: String, types: [EventType], province: Province?, direction: ChangeDirection, onset: Day, first: Day,
        last: Day, before: Double, after: Double, ratio: Double, storiesPerDay: Double, expected: Bool
    ) {
        self.kind = kind
        self.watch = watch
        self.types = types
        self._province = ExplicitNull(wrappedValue: province)
        self.direction = direction
        self.onset = onset
        self.first = first
        self.last = last
        self.before = before
        self.after = after
        self.ratio = ratio
        self.storiesPerDay = storiesPerDay
        self.expected = expected
    }
}

/// The documented rule by which the scorer finds real changes in the latent truth: **a change of
/// at least 50% in the latent rate of what a warning watches**.
///
/// For each watch and scope (the nation, and each province the expected reporting names), on
/// each week *w* the measure's mean over the ``windowWeeks`` before *w* is compared with its mean
/// over the ``windowWeeks`` from *w* on (at least ``minimumWindowWeeks`` of each near the ends of
/// the run; a ratio measure averages its two sides separately, then divides):
///
///     rise   after ≥ riseFactor × before     (1.5: +50%)
///     drop   after ≤ dropFactor × before     (0.5: −50%, the rate halved)
///     stop   after ≤ stopFactor × before     (0.1: a watch with the `stop` rule, W3)
///
/// A change must also be **material**: the expected stories a window holds must differ by at
/// least ``minimumStories`` between the two sides (for a ratio, on either of its sides). A
/// province whose expected strain goes from 0.1 to 0.2 stories a week has "doubled", but in
/// eight weeks that is less than one story: nothing any reporting could show, and nothing a
/// warning could be right about. A ratio whose watch says its numerator must change (the
/// narrative gap) counts only weeks where the numerator alone passes the test too.
///
/// A run of consecutive weeks passing the test in one direction is one change; its onset is the
/// week with the most extreme ratio. Only the directions the watch warns about are kept. Weeks
/// with nothing expected on either side are no change; a rise from nothing is a rise.
///
/// The expectation is smooth where the world is (budgets, backlogs, deployments) and as noisy as
/// the world where it is small (a province with two visits a week): a change of 50% there is a
/// real change in what happened, and a warning about it is not a false alarm — but few stories
/// carry it, and ``LatentChange/storiesPerDay`` lets a report set such changes apart.
public struct LatentChangeRule: Hashable, Sendable {
    public var windowWeeks: Int
    public var minimumWindowWeeks: Int
    public var riseFactor: Double
    public var dropFactor: Double
    public var stopFactor: Double
    /// The least difference, in expected stories over a window, that counts as a change.
    public var minimumStories: Double

    public init(
        windowWeeks: Int = 8, minimumWindowWeeks: Int = 4, riseFactor: Double = 1.5, dropFactor: Double = 0.5,
        stopFactor: Double = 0.1, minimumStories: Double = 2
    ) {
        precondition(minimumWindowWeeks >= 1 && minimumWindowWeeks <= windowWeeks, "windows of 1...windowWeeks weeks")
        self.windowWeeks = windowWeeks
        self.minimumWindowWeeks = minimumWindowWeeks
        self.riseFactor = riseFactor
        self.dropFactor = dropFactor
        self.stopFactor = stopFactor
        self.minimumStories = minimumStories
    }

    /// Every change the watches see in `expected`, nationally and per province.
    public func changes(in expected: ExpectedReporting, watches: [LatentWatch]) -> [LatentChange] {
        var result: [LatentChange] = []
        for watch in watches {
            var scopes: [Province?] = watch.national ? [nil] : []
            if watch.provinces { scopes += expected.provinces.map { $0 } }
            for province in scopes {
                result += changes(watch, province: province, in: expected)
            }
        }
        return result.sorted { ($0.onset, $0.kind.rawValue, $0.province?.code ?? "") < ($1.onset, $1.kind.rawValue, $1.province?.code ?? "") }
    }

    /// The measure's ratio (after / before) around `week`, and its level, for the magnitude of a
    /// named shift; `nil` when the run is too short there or nothing was expected.
    public func ratio(_ watch: LatentWatch, province: Province?, week: Int, in expected: ExpectedReporting)
        -> (ratio: Double, before: Double, after: Double, storiesPerDay: Double)?
    {
        let (top, bottom) = watch.weekly(expected, province: province)
        return window(top: top, bottom: bottom, at: week).map { ($0.ratio, $0.before, $0.after, $0.storiesPerDay) }
    }

    private func changes(_ watch: LatentWatch, province: Province?, in expected: ExpectedReporting) -> [LatentChange] {
        let (top, bottom) = watch.weekly(expected, province: province)
        var found: [LatentChange] = []
        var run: (direction: ChangeDirection, first: Int, last: Int, best: Int, reading: Reading)?
        func close() {
            guard let r = run else { return }
            run = nil
            guard watch.directions.contains(r.direction) else { return }
            let mustFind = watch.rule == .change || r.reading.ratio <= stopFactor
            found.append(
                LatentChange(
                    kind: watch.kind, watch: watch.name, types: watch.types.sorted(), province: province, direction: r.direction,
                    onset: expected.start.adding(days: 7 * r.best), first: expected.start.adding(days: 7 * r.first),
                    last: expected.start.adding(days: 7 * r.last + 6), before: r.reading.before, after: r.reading.after,
                    ratio: r.reading.ratio, storiesPerDay: r.reading.storiesPerDay, expected: mustFind))
        }
        for week in 0..<top.count {
            guard let reading = window(top: top, bottom: bottom, at: week), reading.moved >= minimumStories,
                !watch.numeratorMustChange || passes(reading.numeratorRatio, as: reading.ratio)
            else {
                close()
                continue
            }
            let direction: ChangeDirection? =
                reading.ratio >= riseFactor ? .rise : reading.ratio <= dropFactor ? .drop : nil
            guard let direction else {
                close()
                continue
            }
            if var r = run, r.direction == direction {
                r.last = week
                let sharper = direction == .rise ? reading.ratio > r.reading.ratio : reading.ratio < r.reading.ratio
                if sharper {
                    r.best = week
                    r.reading = reading
                }
                run = r
            } else {
                close()
                run = (direction, week, week, week, reading)
            }
        }
        close()
        return found
    }

    /// One week's comparison: the measure's ratio and sides; the expected stories a day at the
    /// busier side (of the numerator, for a ratio: the stories that carry the change); how many
    /// expected stories a window's difference amounts to (the larger side's, for a ratio); and the
    /// numerator's own ratio.
    typealias Reading = (
        ratio: Double, before: Double, after: Double, storiesPerDay: Double, moved: Double, numeratorRatio: Double
    )

    /// Whether `ratio` passes the test in the direction `reference` passes it.
    private func passes(_ ratio: Double, as reference: Double) -> Bool {
        reference >= 1 ? ratio >= riseFactor : ratio <= dropFactor
    }

    private func window(top: [Double], bottom: [Double]?, at week: Int) -> Reading? {
        let n = top.count
        let beforeWeeks = min(windowWeeks, week)
        let afterWeeks = min(windowWeeks, n - week)
        guard beforeWeeks >= minimumWindowWeeks, afterWeeks >= minimumWindowWeeks else { return nil }
        func mean(_ series: [Double], _ range: Range<Int>) -> Double {
            series[range].reduce(0, +) / Double(range.count)
        }
        let beforeRange = (week - beforeWeeks)..<week
        let afterRange = week..<(week + afterWeeks)
        var before = mean(top, beforeRange)
        var after = mean(top, afterRange)
        let level = max(before, after)
        var moved = abs(after - before) * Double(windowWeeks)
        let numeratorRatio = before > 0 ? after / before : (after > 0 ? .infinity : 1)
        if let bottom {
            let b0 = mean(bottom, beforeRange)
            let b1 = mean(bottom, afterRange)
            // A ratio needs both sides on both sides of the week.
            guard b0 > 0, b1 > 0 else { return nil }
            moved = max(moved, abs(b1 - b0) * Double(windowWeeks))
            before /= b0
            after /= b1
        }
        guard before > 0 || after > 0 else { return nil }
        let ratio = before > 0 ? after / before : .infinity
        return (ratio, before, after, level / 7, moved, numeratorRatio)
    }
}
