import Watchfloor

/// A proportion over one period with its Beta posterior: the share of gratitude reported as
/// coerced, or the narrative-gap index, for a dashboard cell or a report table.
public struct ShareReading: Hashable, Sendable, Codable {
    public var period: DayInterval
    /// Weighted reports on the "success" side (coerced; provincial strain) and in all.
    public var successes: Double
    public var total: Double
    /// The posterior mean and the equal-tailed credible interval at ``level``.
    public var mean: Double
    public var lower: Double
    public var upper: Double
    public var level: Double

    public init(period: DayInterval, successes: Double, failures: Double, settings: ShareShiftTest.Settings) {
        let posterior = BetaDistribution(alpha: settings.priorSuccesses, beta: settings.priorFailures)
            .updated(successes: successes, failures: failures)
        let interval = posterior.credibleInterval(settings.interval)
        self.period = period
        self.successes = successes
        self.total = successes + failures
        self.mean = posterior.mean
        self.lower = interval.lower
        self.upper = interval.upper
        self.level = settings.interval
    }
}

/// A share that moved clearly above its baseline (W2, W4), placed in days, with the reports
/// behind it.
public struct ShareFinding: Hashable, Sendable {
    public var province: Province?
    public var onset: Day
    public var detectedOn: Day
    /// The last day the share was still clearly above its baseline.
    public var lastDay: Day
    public var ongoing: Bool
    public var shift: ShareShiftTest.Shift
    /// The reports in the window on the detection day: both sides of the share.
    public var events: [EventFact]
    /// Extra figures by name (e.g. the discontent rate beside hollow gratitude).
    public var figures: [String: Double]

    init(
        province: Province?, shift: ShareShiftTest.Shift, interval: DayInterval, events: [EventFact],
        figures: [String: Double] = [:]
    ) {
        self.province = province
        self.onset = interval.first.adding(days: shift.onset)
        self.detectedOn = interval.first.adding(days: shift.detected)
        self.lastDay = interval.first.adding(days: shift.last)
        self.ongoing = shift.ongoing
        self.shift = shift
        self.events = events
        self.figures = figures
    }

    /// The window's days on the detection day.
    func window(_ settings: ShareShiftTest.Settings) -> DayInterval {
        DayInterval(first: detectedOn.adding(days: 1 - settings.windowDays), last: detectedOn)
    }
}
