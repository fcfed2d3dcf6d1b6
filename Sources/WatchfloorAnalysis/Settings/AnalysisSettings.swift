import Watchfloor

/// A change detector pointed at a family of series: which event types (counted together), which
/// direction of change is a warning, nationally and/or per province.
///
/// ```swift
/// ChangeMonitor(kind: .giftFlowDisruption, name: "gifts and visits", types: [.giftDelivery, .condolenceVisit],
///               directions: [.drop])
/// ```
public struct ChangeMonitor: Hashable, Sendable, Codable {
    public var kind: WarningKind
    /// A short name for listings ("gifts and condolence visits").
    public var name: String
    public var types: [EventType]
    public var directions: [ChangeDirection]
    public var national: Bool
    public var provinces: Bool
    /// This monitor's own alarm probability and confirmation days, where its series need more
    /// evidence than the detector's defaults (`nil`: the detector's).
    public var alarmProbability: Double?
    public var confirmationDays: Int?

    public init(
        kind: WarningKind, name: String, types: [EventType], directions: [ChangeDirection], national: Bool = true,
        provinces: Bool = true, alarmProbability: Double? = nil, confirmationDays: Int? = nil
    ) {
        self.kind = kind
        self.name = name
        self.types = types
        self.directions = directions
        self.national = national
        self.provinces = provinces
        self.alarmProbability = alarmProbability
        self.confirmationDays = confirmationDays
    }

    /// The analysis settings this monitor's series are read with.
    func settings(_ base: AnalysisSettings) -> AnalysisSettings {
        var settings = base
        if let alarmProbability { settings.detector.alarmProbability = alarmProbability }
        if let confirmationDays { settings.detector.confirmationDays = confirmationDays }
        return settings
    }
}

/// Every threshold, window and hazard of the analysis stage. The shipped values live in
/// `packs/gift-politics/analysis.yaml` (read with ``load(from:)``), each with the measurement
/// that justifies it; ``default`` holds the same values for code that runs without a pack.
public struct AnalysisSettings: Hashable, Sendable {
    /// The change detector behind W1, W5 and the discontent side of W2.
    public var detector: PoissonGammaBOCPD.Configuration
    /// Series with fewer stories than this in the analysed days are not watched for changes.
    public var minimumEvents: Int
    /// Days analysed, counting back from the analysis date.
    public var lookbackDays: Int
    public var monitors: [ChangeMonitor]
    public var silence: SilenceSettings
    public var gratitude: GratitudeMonitor.Settings
    public var narrativeGap: NarrativeGap.Settings
    public var coverage: CoverageLog.Settings
    /// How the change and silence detectors allow for stories that come in clusters (`nil`: they
    /// take every story as independent evidence).
    public var dispersion: Overdispersion?
    /// Warnings of the same kind and place less than this many days apart are one episode.
    public var episodeDays: Int
    /// At most this many supporting events are listed per warning (the most relevant).
    public var maximumEvents: Int
    /// Per kind, what a raw detector output means as a probability (kinds not listed: as it is).
    public var calibration: [WarningKind: ScoreCalibration] = Self.defaultCalibration
    /// Warnings whose calibrated probability is below this are not raised.
    public var minimumProbability: Double = 0.3

    /// W3: which series can fall silent, and how the silence is tested.
    public struct SilenceSettings: Hashable, Sendable, Codable {
        public var types: [EventType]
        public var national: Bool
        public var detector: SilenceDetector.Settings

        public init(
            types: [EventType] = [.giftDelivery, .condolenceVisit], national: Bool = false,
            detector: SilenceDetector.Settings = .default
        ) {
            self.types = types
            self.national = national
            self.detector = detector
        }
    }

    public init(
        detector: PoissonGammaBOCPD.Configuration = Self.defaultDetector, minimumEvents: Int = 8,
        lookbackDays: Int = 1096, monitors: [ChangeMonitor] = Self.defaultMonitors,
        silence: SilenceSettings = SilenceSettings(), gratitude: GratitudeMonitor.Settings = .default,
        narrativeGap: NarrativeGap.Settings = .default, coverage: CoverageLog.Settings = .default,
        dispersion: Overdispersion? = .default, episodeDays: Int = 30, maximumEvents: Int = 40
    ) {
        self.detector = detector
        self.minimumEvents = minimumEvents
        self.lookbackDays = lookbackDays
        self.monitors = monitors
        self.silence = silence
        self.gratitude = gratitude
        self.narrativeGap = narrativeGap
        self.coverage = coverage
        self.dispersion = dispersion
        self.episodeDays = episodeDays
        self.maximumEvents = maximumEvents
    }

    public static let defaultDetector = PoissonGammaBOCPD.Configuration(
        hazard: 1.0 / 365, prior: .empirical(shape: 1), recentDays: 60, alarmProbability: 0.6, confirmationDays: 3,
        separationDays: 14, pruneMass: 1e-4, maxHypotheses: 300)

    public static let defaultMonitors: [ChangeMonitor] = [
        ChangeMonitor(
            kind: .giftFlowDisruption, name: "gifts and condolence visits", types: [.giftDelivery, .condolenceVisit],
            directions: [.drop]),
        ChangeMonitor(kind: .giftFlowDisruption, name: "aid disruption", types: [.aidDisruption], directions: [.rise]),
        ChangeMonitor(kind: .hollowGratitude, name: "discontent", types: [.discontent], directions: [.rise]),
        ChangeMonitor(
            kind: .allianceShift, name: "deployments", types: [.deployment], directions: [.rise, .drop],
            alarmProbability: 0.9, confirmationDays: 21),
        ChangeMonitor(
            kind: .allianceShift, name: "arms transfers", types: [.armsTransfer], directions: [.rise, .drop],
            alarmProbability: 0.9, confirmationDays: 21),
        ChangeMonitor(
            kind: .allianceShift, name: "technology, energy and food", types: [.techTransfer],
            directions: [.rise, .drop], alarmProbability: 0.9, confirmationDays: 21),
    ]

    /// Fitted on the phrase-book loop (volume 4, 70 runs, 2026-12-07; analysis.yaml says how).
    public static let defaultCalibration: [WarningKind: ScoreCalibration] = [
        .giftFlowDisruption: ScoreCalibration(points: [(0.6042, 0.18), (0.6462, 0.41), (0.7151, 0.73), (0.7415, 0.75), (0.7638, 0.77), (0.8858, 0.84), (0.9701, 0.84), (0.9827, 0.86), (0.9925, 0.90), (0.9972, 0.90), (0.9973, 0.92)]),
        .hollowGratitude: ScoreCalibration(points: [(0.6173, 0.69), (0.7767, 0.76), (0.9556, 0.80), (0.9941, 0.88), (0.9987, 0.89), (0.9990, 0.92), (1.0000, 0.95)]),
        .silence: ScoreCalibration(points: [(0.8313, 0.33), (0.8709, 0.42), (0.9398, 0.57), (0.9876, 0.90), (0.9990, 0.94)]),
        .narrativeGap: ScoreCalibration(points: [(0.8032, 0.76), (0.9979, 0.77), (0.9990, 0.77), (0.9995, 0.86), (0.9998, 0.90), (1.0000, 0.94)]),
        .allianceShift: ScoreCalibration(points: [(0.9014, 0.10), (0.9043, 0.10), (0.9146, 0.15), (0.9461, 0.32)]),
    ]

    public static let `default` = AnalysisSettings()
}
