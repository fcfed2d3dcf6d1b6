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
    public var calibration: [WarningKind: ScoreCalibration] = [:]
    /// Warnings whose calibrated probability is below this are not raised.
    public var minimumProbability: Double = 0

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

    public static let `default` = AnalysisSettings()
}
