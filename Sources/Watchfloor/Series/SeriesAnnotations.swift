/// Which way a rate moved at a change point.
public enum ChangeDirection: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case rise
    case drop

    public var description: String { rawValue }
}

/// A change in an indicator series' rate found by the analysis stage, as charts and exports show it.
///
/// `location` is the first day of the new regime; `detectedOn` is the day whose reporting first
/// made the change probable enough to report (always on or after `location`).
public struct ChangePoint: Hashable, Codable, Sendable {
    public var location: Day
    public var detectedOn: Day
    public var direction: ChangeDirection
    /// The posterior probability that the rate changed (0...1).
    public var probability: Double
    /// Events per day at full coverage, before and after the change.
    public var rateBefore: Double
    public var rateAfter: Double

    public init(
        location: Day, detectedOn: Day, direction: ChangeDirection, probability: Double, rateBefore: Double,
        rateAfter: Double
    ) {
        self.location = location
        self.detectedOn = detectedOn
        self.direction = direction
        self.probability = probability
        self.rateBefore = rateBefore
        self.rateAfter = rateAfter
    }
}

/// A change in who is watching rather than in what is happening: an outlet that starts
/// publishing, goes quiet, resumes, or changes its volume. Charts mark these so that an analyst
/// does not read a coverage change as a change in the world.
public struct CoverageChange: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The outlet's first document in the coverage log.
        case started
        /// The first day of a run of empty days too long for the outlet's own rhythm.
        case wentQuiet = "went_quiet"
        /// The outlet publishes again after going quiet.
        case resumed
        /// The outlet's daily volume changed (a change point in its own document counts).
        case volumeRise = "volume_rise"
        case volumeDrop = "volume_drop"
    }

    public var day: Day
    public var source: String
    public var kind: Kind

    public init(day: Day, source: String, kind: Kind) {
        self.day = day
        self.source = source
        self.kind = kind
    }
}
