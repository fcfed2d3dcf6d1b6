import Watchfloor

/// Who was watching, day by day: the outlets in the coverage log (documents per outlet per day),
/// when each started, when each went quiet by the measure of its own publishing rhythm, and
/// when its volume changed. The analysis uses it so that a change in coverage is not read as a
/// change in the world:
///
/// - an outlet is *active* from its first document on, except during a *quiet spell*: a run of
///   empty days that its own recent rhythm makes improbable (P < ``Settings/quietProbability``
///   under a Gamma–Poisson fit to its previous ``Settings/baselineDays``); a quiet spell is marked
///   from its first empty day;
/// - a series' *exposure* on a day is the share of the series' usual watchers that were active
///   (``exposure(outletEvents:over:)``), which the change and silence detectors divide out.
///
/// ```swift
/// let coverage = CoverageLog(outletDays, asOf: asOf)
/// coverage.isActive("Daily NK", on: day)
/// coverage.changes(in: interval)      // started / went quiet / resumed / volume rise or drop
/// ```
public struct CoverageLog: Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        /// A run of empty days is a quiet spell when its probability under the outlet's rhythm is below this.
        public var quietProbability: Double
        /// The days before a run of empty days that set the outlet's rhythm.
        public var baselineDays: Int
        /// Runs shorter than this are never a quiet spell.
        public var minimumQuietDays: Int
        /// The detector that finds changes in an outlet's daily volume (marked on charts).
        public var volume: PoissonGammaBOCPD.Configuration

        public init(
            quietProbability: Double = 0.01, baselineDays: Int = 60, minimumQuietDays: Int = 3,
            volume: PoissonGammaBOCPD.Configuration = .init(
                hazard: 1.0 / 365, recentDays: 60, alarmProbability: 0.9, confirmationDays: 7, separationDays: 30)
        ) {
            self.quietProbability = quietProbability
            self.baselineDays = baselineDays
            self.minimumQuietDays = minimumQuietDays
            self.volume = volume
        }

        public static let `default` = Settings()
    }

    /// One outlet's record in the log.
    public struct Outlet: Hashable, Sendable {
        public var name: String
        public var kind: SourceKind
        public var firstSeen: Day
        public var lastSeen: Day
        public var documents: Int
        /// Documents per day from `firstSeen` to the log's `asOf`.
        public var daily: DailySeries
        /// Improbable runs of empty days; the last may run to `asOf` (the outlet has stopped).
        public var quietSpells: [DayInterval]
        /// Changes in the outlet's daily volume outside its quiet spells.
        public var volumeChanges: [ChangePoint]

        /// Publishing by its own rhythm on `day`.
        public func isActive(on day: Day) -> Bool {
            day >= firstSeen && day <= daily.end && !quietSpells.contains { $0.contains(day) }
        }
    }

    public let asOf: Day
    public let settings: Settings
    public let outlets: [String: Outlet]

    /// Builds the log from outlet-days up to `asOf` (later days are ignored).
    public init(_ days: some Sequence<OutletDay>, asOf: Day, settings: Settings = .default) {
        self.asOf = asOf
        self.settings = settings
        var perOutlet: [String: (kind: SourceKind, days: [Day: Int])] = [:]
        for entry in days where entry.day <= asOf && entry.documents > 0 {
            perOutlet[entry.source, default: (entry.kind, [:])].days[entry.day, default: 0] += entry.documents
        }
        var outlets: [String: Outlet] = [:]
        for (name, record) in perOutlet {
            let first = record.days.keys.min()!
            let daily = DailySeries(
                interval: DayInterval(first: first, last: asOf), counts: record.days.map { ($0.key, Double($0.value)) })
            let spells = Self.quietSpells(daily.values, start: first, settings: settings)
            outlets[name] = Outlet(
                name: name, kind: record.kind, firstSeen: first, lastSeen: record.days.keys.max()!,
                documents: record.days.values.reduce(0, +), daily: daily, quietSpells: spells,
                volumeChanges: Self.volumeChanges(daily, quietSpells: spells, settings: settings))
        }
        self.outlets = outlets
    }

    public var isEmpty: Bool { outlets.isEmpty }

    /// Whether `source` was publishing by its own rhythm on `day`. An outlet missing from the log
    /// is taken as always active: nothing says otherwise.
    public func isActive(_ source: String, on day: Day) -> Bool {
        outlets[source]?.isActive(on: day) ?? true
    }

    /// Days within `interval` on which `source` was active.
    public func activeDays(_ source: String, in interval: DayInterval) -> Int {
        guard let outlet = outlets[source] else { return interval.count }
        return interval.reduce(0) { $0 + (outlet.isActive(on: $1) ? 1 : 0) }
    }

    /// The exposure of a series watched by the outlets in `outletEvents` (events each reported):
    /// on each day of `interval`, the share of the series' expected reporting whose outlets were
    /// active. An outlet's part is its events per active day, so a prolific watcher counts for
    /// more than an occasional one. Full coverage is 1; with no watchers at all, every day is 1.
    public func exposure(outletEvents: [String: Int], over interval: DayInterval) -> [Double] {
        // In the outlets' name order: a sum of doubles depends on its order, and a dictionary's
        // order changes from one process to the next, so that figures would differ in the last bits.
        var weights: [(outlet: Outlet?, weight: Double)] = []
        for (source, events) in outletEvents.sorted(by: { $0.key < $1.key }) where events > 0 {
            let active = activeDays(source, in: interval)
            weights.append((outlets[source], Double(events) / Double(max(active, 1))))
        }
        let total = weights.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return [Double](repeating: 1, count: interval.count) }
        var exposure = [Double](repeating: 0, count: interval.count)
        for (outlet, weight) in weights {
            let share = weight / total
            for (i, day) in interval.enumerated() where outlet?.isActive(on: day) ?? true {
                exposure[i] += share
            }
        }
        return exposure
    }

    /// Coverage changes within `interval`, oldest first; `sources` limits them to some outlets.
    public func changes(in interval: DayInterval, sources: Set<String>? = nil) -> [CoverageChange] {
        var changes: [CoverageChange] = []
        for outlet in outlets.values where sources?.contains(outlet.name) ?? true {
            if outlet.firstSeen > interval.first && interval.contains(outlet.firstSeen) {
                changes.append(CoverageChange(day: outlet.firstSeen, source: outlet.name, kind: .started))
            }
            for spell in outlet.quietSpells {
                if interval.contains(spell.first) {
                    changes.append(CoverageChange(day: spell.first, source: outlet.name, kind: .wentQuiet))
                }
                let resumed = spell.last.adding(days: 1)
                if resumed <= asOf && interval.contains(resumed) {
                    changes.append(CoverageChange(day: resumed, source: outlet.name, kind: .resumed))
                }
            }
            for change in outlet.volumeChanges where interval.contains(change.location) {
                changes.append(
                    CoverageChange(
                        day: change.location, source: outlet.name,
                        kind: change.direction == .rise ? .volumeRise : .volumeDrop))
            }
        }
        return changes.sorted { ($0.day, $0.source, $0.kind.rawValue) < ($1.day, $1.source, $1.kind.rawValue) }
    }

    // MARK: Building

    /// Runs of empty days that the outlet's previous `baselineDays` make improbable.
    static func quietSpells(_ values: [Double], start: Day, settings: Settings) -> [DayInterval] {
        var spells: [DayInterval] = []
        let sums = PrefixSums(values)
        var i = 0
        while i < values.count {
            guard values[i] == 0 else {
                i += 1
                continue
            }
            var end = i
            while end + 1 < values.count, values[end + 1] == 0 { end += 1 }
            let length = end - i + 1
            let from = max(0, i - settings.baselineDays)
            let rhythm = GammaPoisson(shape: 0.5, rate: 0).updated(count: sums[from..<i], exposure: Double(i - from))
            if length >= settings.minimumQuietDays, i > 0,
                rhythm.probabilityOfNone(exposure: Double(length)) < settings.quietProbability
            {
                spells.append(DayInterval(first: start.adding(days: i), last: start.adding(days: end)))
            }
            i = end + 1
        }
        return spells
    }

    static func volumeChanges(_ daily: DailySeries, quietSpells: [DayInterval], settings: Settings) -> [ChangePoint] {
        let exposures = (0..<daily.count).map { i in
            quietSpells.contains { $0.contains(daily.day(at: i)) } ? 0.0 : 1.0
        }
        let scan = ChangePointScan(counts: daily.values, exposures: exposures, configuration: settings.volume)
        return scan.alarms.map { $0.changePoint(start: daily.start) }
    }
}
