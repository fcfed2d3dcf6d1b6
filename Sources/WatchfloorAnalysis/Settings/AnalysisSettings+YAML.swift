import Foundation
import Watchfloor
import WatchfloorYAML

/// Reading `analysis.yaml`. Every key is optional (a missing key keeps its default), unknown keys
/// are errors, and every error names the file, line and column and what was expected there:
///
/// ```
/// packs/gift-politics/analysis.yaml:7:22: expected a number from 0.0 to 1.0 for "detector.alarm_probability", found 1.5
/// ```
extension AnalysisSettings {
    /// Reads the analysis settings of a pack.
    public static func load(from url: URL) throws(ConfigurationError) -> AnalysisSettings {
        try parse(YAMLValue.load(contentsOf: url))
    }

    /// Parses settings from YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> AnalysisSettings {
        try parse(YAMLValue.parse(text, file: file))
    }

    static func parse(_ root: YAMLValue) throws(ConfigurationError) -> AnalysisSettings {
        var settings = AnalysisSettings.default
        try root.rejectUnknownKeys([
            "detector", "series", "monitors", "silence", "gratitude", "narrative_gap", "coverage", "overdispersion",
            "warnings", "calibration",
        ])
        if let node = root["detector"] { settings.detector = try detector(node, base: settings.detector) }
        if let node = root["series"] {
            try node.rejectUnknownKeys(["minimum_events", "lookback_days"])
            if let v = node["minimum_events"] { settings.minimumEvents = try v.int(in: 0...100_000) }
            if let v = node["lookback_days"] { settings.lookbackDays = try v.int(in: 7...36_600) }
        }
        if let node = root["monitors"] { settings.monitors = try monitors(node) }
        if let node = root["silence"] { settings.silence = try silence(node, base: settings.silence) }
        if let node = root["gratitude"] {
            try node.rejectUnknownKeys(Self.shareKeys.union(["gratitude_type", "discontent_type"]))
            settings.gratitude.share = try share(node, base: settings.gratitude.share)
            if let v = node["gratitude_type"] { settings.gratitude.gratitudeType = EventType(try v.nonEmptyString()) }
            if let v = node["discontent_type"] { settings.gratitude.discontentType = EventType(try v.nonEmptyString()) }
        }
        if let node = root["narrative_gap"] { settings.narrativeGap = try narrativeGap(node, base: settings.narrativeGap) }
        if let node = root["coverage"] { settings.coverage = try coverage(node, base: settings.coverage) }
        if let node = root["overdispersion"] { settings.dispersion = try dispersion(node, base: settings.dispersion) }
        if let node = root["warnings"] {
            try node.rejectUnknownKeys(["episode_days", "maximum_events", "minimum_probability"])
            if let v = node["episode_days"] { settings.episodeDays = try v.int(in: 0...3_650) }
            if let v = node["maximum_events"] { settings.maximumEvents = try v.int(in: 1...10_000) }
            if let v = node["minimum_probability"] { settings.minimumProbability = try v.double(in: 0...1) }
        }
        if let node = root["calibration"] { settings.calibration = try calibration(node) }
        return settings
    }

    private static func detector(_ node: YAMLValue, base: PoissonGammaBOCPD.Configuration)
        throws(ConfigurationError) -> PoissonGammaBOCPD.Configuration
    {
        try node.rejectUnknownKeys([
            "hazard_days", "prior_shape", "prior_rate", "recent_days", "confirmation_days", "alarm_probability",
            "separation_days", "prune_mass", "max_hypotheses",
        ])
        var c = base
        if let v = node["hazard_days"] { c.hazard = 1 / (try v.double(in: 2...1_000_000)) }
        let shape = try node["prior_shape"]?.double(in: 0.01...1_000)
        if let v = node["prior_rate"] {
            c.prior = .fixed(shape: shape ?? 1, rate: try v.double(in: 1e-6...1e6))
        } else if let shape {
            c.prior = .empirical(shape: shape)
        }
        if let v = node["recent_days"] { c.recentDays = try v.int(in: 1...3_650) }
        if let v = node["confirmation_days"] { c.confirmationDays = try v.int(in: 1...365) }
        if let v = node["alarm_probability"] { c.alarmProbability = try v.double(in: 0.01...1) }
        if let v = node["separation_days"] { c.separationDays = try v.int(in: 0...3_650) }
        if let v = node["prune_mass"] { c.pruneMass = try v.double(in: 0...0.1) }
        if let v = node["max_hypotheses"] { c.maxHypotheses = try v.int(in: 2...100_000) }
        if c.confirmationDays > c.recentDays {
            throw (node["confirmation_days"] ?? node).error(
                "expected confirmation_days (\(c.confirmationDays)) to be at most recent_days (\(c.recentDays))")
        }
        return c
    }

    private static func monitors(_ node: YAMLValue) throws(ConfigurationError) -> [ChangeMonitor] {
        var monitors: [ChangeMonitor] = []
        for item in try node.array() {
            try item.rejectUnknownKeys([
                "kind", "name", "types", "directions", "national", "provinces", "alarm_probability", "confirmation_days",
            ])
            let kind = try item.required("kind").enum(WarningKind.self)
            let types = try eventTypes(item.required("types"))
            let directionsNode = try item.required("directions")
            var directions: [ChangeDirection] = []
            for direction in try directionsNode.array() { directions.append(try direction.enum(ChangeDirection.self)) }
            if directions.isEmpty { throw directionsNode.error("expected at least one of rise, drop") }
            monitors.append(
                ChangeMonitor(
                    kind: kind, name: try item["name"]?.nonEmptyString() ?? types.map(\.rawValue).joined(separator: "+"),
                    types: types, directions: directions, national: try item["national"]?.bool() ?? true,
                    provinces: try item["provinces"]?.bool() ?? true,
                    alarmProbability: try item["alarm_probability"]?.double(in: 0.01...0.999),
                    confirmationDays: try item["confirmation_days"]?.int(in: 1...365)))
        }
        return monitors
    }

    private static func silence(_ node: YAMLValue, base: SilenceSettings) throws(ConfigurationError) -> SilenceSettings {
        try node.rejectUnknownKeys([
            "types", "national", "baseline_days", "minimum_baseline_events", "minimum_run_days", "prior_stops_per_year",
            "alarm_probability", "prior_shape", "tolerated_reports",
        ])
        var s = base
        if let v = node["types"] { s.types = try eventTypes(v) }
        if let v = node["national"] { s.national = try v.bool() }
        if let v = node["baseline_days"] { s.detector.baselineDays = try v.int(in: 7...3_650) }
        if let v = node["minimum_baseline_events"] { s.detector.minimumBaselineEvents = try v.int(in: 1...100_000) }
        if let v = node["minimum_run_days"] { s.detector.minimumRunDays = try v.int(in: 1...3_650) }
        if let v = node["prior_stops_per_year"] { s.detector.priorStopsPerYear = try v.double(in: 1e-6...100) }
        if let v = node["alarm_probability"] { s.detector.alarmProbability = try v.double(in: 0.01...0.999) }
        if let v = node["prior_shape"] { s.detector.priorShape = try v.double(in: 0.01...100) }
        if let v = node["tolerated_reports"] { s.detector.toleratedReports = try v.int(in: 0...20) }
        return s
    }

    /// `calibration: {W1: [[raw, probability], …], …}`: raw increasing, probability not decreasing.
    private static func calibration(_ node: YAMLValue) throws(ConfigurationError) -> [WarningKind: ScoreCalibration] {
        var result: [WarningKind: ScoreCalibration] = [:]
        for (key, list) in try node.mapping() {
            guard let kind = WarningKind(rawValue: key) else { throw list.error("expected a warning kind W1–W5, found \"\(key)\"") }
            var points: [(raw: Double, probability: Double)] = []
            for item in try list.array() {
                let pair = try item.array()
                guard pair.count == 2 else { throw item.error("expected [raw, probability]") }
                let point = (raw: try pair[0].double(in: 0...1), probability: try pair[1].double(in: 0...1))
                if let last = points.last, point.raw <= last.raw || point.probability < last.probability {
                    throw item.error("expected raw scores increasing and probabilities not decreasing")
                }
                points.append(point)
            }
            guard !points.isEmpty else { throw list.error("expected at least one [raw, probability] point") }
            result[kind] = ScoreCalibration(points: points)
        }
        return result
    }

    static let shareKeys: Set<String> = [
        "window_days", "baseline_days", "interval", "prior_successes", "prior_failures", "minimum_window",
        "minimum_baseline", "minimum_window_successes", "minimum_window_failures",
    ]

    private static func share(_ node: YAMLValue, base: ShareShiftTest.Settings) throws(ConfigurationError)
        -> ShareShiftTest.Settings
    {
        var s = base
        if let v = node["window_days"] { s.windowDays = try v.int(in: 1...3_650) }
        if let v = node["baseline_days"] { s.baselineDays = try v.int(in: 1...3_650) }
        if let v = node["interval"] { s.interval = try v.double(in: 0.5...0.999) }
        if let v = node["prior_successes"] { s.priorSuccesses = try v.double(in: 0.01...1_000) }
        if let v = node["prior_failures"] { s.priorFailures = try v.double(in: 0.01...1_000) }
        if let v = node["minimum_window"] { s.minimumWindow = try v.double(in: 0...100_000) }
        if let v = node["minimum_baseline"] { s.minimumBaseline = try v.double(in: 0...100_000) }
        if let v = node["minimum_window_successes"] { s.minimumWindowSuccesses = try v.double(in: 0...100_000) }
        if let v = node["minimum_window_failures"] { s.minimumWindowFailures = try v.double(in: 0...100_000) }
        return s
    }

    private static func narrativeGap(_ node: YAMLValue, base: NarrativeGap.Settings) throws(ConfigurationError)
        -> NarrativeGap.Settings
    {
        try node.rejectUnknownKeys(
            shareKeys.union(["narrative_types", "narrative_sources", "strain_types", "strain_sources"]))
        var g = base
        g.share = try share(node, base: g.share)
        if let v = node["narrative_types"] { g.narrativeTypes = try eventTypes(v) }
        if let v = node["strain_types"] { g.strainTypes = try eventTypes(v) }
        if let v = node["narrative_sources"] { g.narrativeSources = try sourceKinds(v) }
        if let v = node["strain_sources"] { g.strainSources = try sourceKinds(v) }
        return g
    }

    private static func coverage(_ node: YAMLValue, base: CoverageLog.Settings) throws(ConfigurationError)
        -> CoverageLog.Settings
    {
        try node.rejectUnknownKeys(["quiet_probability", "baseline_days", "minimum_quiet_days", "volume"])
        var c = base
        if let v = node["quiet_probability"] { c.quietProbability = try v.double(in: 1e-12...0.5) }
        if let v = node["baseline_days"] { c.baselineDays = try v.int(in: 7...3_650) }
        if let v = node["minimum_quiet_days"] { c.minimumQuietDays = try v.int(in: 1...3_650) }
        if let v = node["volume"] { c.volume = try detector(v, base: c.volume) }
        return c
    }

    private static func dispersion(_ node: YAMLValue, base: Overdispersion?) throws(ConfigurationError) -> Overdispersion? {
        try node.rejectUnknownKeys(["enabled", "window_weeks", "minimum_weeks", "maximum", "minimum_coverage"])
        if let v = node["enabled"], try !v.bool() { return nil }
        var d = base ?? .default
        if let v = node["window_weeks"] { d.windowWeeks = try v.int(in: 2...520) }
        if let v = node["minimum_weeks"] { d.minimumWeeks = try v.int(in: 2...520) }
        if let v = node["maximum"] { d.maximum = try v.double(in: 1...1_000) }
        if let v = node["minimum_coverage"] { d.minimumCoverage = try v.double(in: 0...1) }
        if d.minimumWeeks > d.windowWeeks {
            throw (node["minimum_weeks"] ?? node).error(
                "expected minimum_weeks (\(d.minimumWeeks)) to be at most window_weeks (\(d.windowWeeks))")
        }
        return d
    }

    private static func eventTypes(_ node: YAMLValue) throws(ConfigurationError) -> [EventType] {
        let names = try node.stringList()
        guard !names.isEmpty else { throw node.error("expected at least one event type") }
        for name in names where name.isEmpty || name.contains(where: { $0.isWhitespace }) {
            throw node.error("expected event type names such as GIFT_DELIVERY, found \"\(name)\"")
        }
        return names.map { EventType($0) }
    }

    private static func sourceKinds(_ node: YAMLValue) throws(ConfigurationError) -> [SourceKind] {
        var kinds: [SourceKind] = []
        if case .scalar = node.node { return [try node.enum(SourceKind.self)] }
        for item in try node.array() { kinds.append(try item.enum(SourceKind.self)) }
        return kinds
    }
}
