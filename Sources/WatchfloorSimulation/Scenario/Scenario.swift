import Foundation
import Watchfloor

/// Everything a run of the gift-politics model assumes, read from a scenario file
/// (`scenarios/*.yaml`, see ``Scenario/load(from:)``).
///
/// Every number here is an assumption, not a measurement: the scenario files say for each one
/// its unit, its allowed range and why the default was chosen. Time runs in weeks from
/// ``start`` (a Monday); week 0 is the first week.
public struct Scenario: Sendable {
    public var name: String
    public var summary: String
    /// The Monday of week 0.
    public var start: Day
    public var weeks: Int
    /// Soldier families modelled nationally (households with a member deployed or liable to be).
    public var families: Int
    /// Families per neighbourhood: the circle within which a family sees others' public
    /// expression and the control agents watching it (Epstein's "vision").
    public var neighbourhoodSize: Int
    /// The twelve provinces, each with its own parameters.
    public var provinces: [Province: ProvinceParameters]
    public var deployment: DeploymentParameters
    public var casualties: CasualtyParameters
    public var budget: BudgetParameters
    public var family: FamilyParameters
    public var control: ControlParameters
    public var exchange: ExchangeParameters
    public var strain: StrainParameters
    public var shifts: [ScenarioShift]
    public var reporting: ReportingParameters

    /// The day a week starts on.
    public func day(ofWeek week: Int) -> Day { start.adding(days: 7 * week) }

    /// The week a day falls in (may be negative or past the end).
    public func week(of day: Day) -> Int {
        let days = day - start
        return days >= 0 ? days / 7 : (days - 6) / 7
    }

    /// The provinces in code order, the order of every per-province array in the model.
    public static let provinceOrder: [Province] = Province.allCases.sorted()
}

/// What a province brings to the model.
public struct ProvinceParameters: Sendable, Equatable {
    /// Residents, in thousands (approximate 2008 census figures): reported per capita in the truth.
    public var population: Double
    /// Share of the national deployment drawn from the province (shares are normalised).
    public var deploymentShare: Double
    /// Economic hardship of an ordinary family, 0 (comfortable) to 1 (destitute).
    public var hardship: Double
    /// Perceived legitimacy of the state before any bereavement, 0 to 1.
    public var legitimacy: Double
    /// How much the centre cares to be seen caring here, 0 to 1 (the `by_visibility` policy and
    /// state media's attention follow it).
    public var visibility: Double
    /// Control agents relative to the national density (1 = national density).
    public var control: Double

    public init(
        population: Double, deploymentShare: Double, hardship: Double, legitimacy: Double, visibility: Double,
        control: Double
    ) {
        self.population = population
        self.deploymentShare = deploymentShare
        self.hardship = hardship
        self.legitimacy = legitimacy
        self.visibility = visibility
        self.control = control
    }
}

/// Who is sent abroad and when they come back.
public struct DeploymentParameters: Sendable, Equatable {
    /// Share of families with a member already abroad in week 0.
    public var initialShare: Double
    /// Share of the families still at home whose member is sent abroad each week.
    public var weeklyRate: Double
    /// Mean tour length, weeks; a surviving soldier returns with probability 1/tour each week.
    public var tourWeeks: Double
}

/// How many of those abroad are killed.
public struct CasualtyParameters: Sendable, Equatable {
    /// Probability per week that a deployed soldier is killed.
    public var weeklyRate: Double
    /// The casualty curve: multipliers of ``weeklyRate`` at given weeks, interpolated linearly
    /// between points and held flat beyond the ends. Empty means a constant rate.
    public var curve: [CurvePoint]

    /// The weekly death probability in `week` before scenario shifts.
    public func rate(inWeek week: Int) -> Double {
        weeklyRate * CurvePoint.interpolate(curve, at: week)
    }
}

/// A point of a piecewise-linear curve over weeks.
public struct CurvePoint: Sendable, Equatable {
    public var week: Int
    public var factor: Double

    public init(week: Int, factor: Double) {
        self.week = week
        self.factor = factor
    }

    static func interpolate(_ points: [CurvePoint], at week: Int) -> Double {
        guard let first = points.first, let last = points.last else { return 1 }
        if week <= first.week { return first.factor }
        if week >= last.week { return last.factor }
        for (a, b) in zip(points, points.dropFirst()) where week < b.week {
            let t = Double(week - a.week) / Double(b.week - a.week)
            return a.factor + t * (b.factor - a.factor)
        }
        return last.factor
    }
}

/// The state's support programme.
public struct BudgetParameters: Sendable, Equatable {
    /// Support budget per week, in gift units (one unit buys one standard gift package).
    public var weekly: Double
    public var policy: TargetingPolicy
    /// Cost of a gift package, a condolence visit and a provincial memorial ceremony, in gift units.
    public var giftCost: Double
    public var visitCost: Double
    public var honourCost: Double
    /// A bereaved family is due a gift once per this many weeks.
    public var giftIntervalWeeks: Int
    /// Each province holds a memorial ceremony once per this many weeks, funds permitting.
    public var honourIntervalWeeks: Int
}

/// How a family feels, and how gifts, visits and honours change it.
public struct FamilyParameters: Sendable, Equatable {
    /// Grief starts at 1 on bereavement and halves every this many weeks...
    public var griefHalfLifeWeeks: Double
    /// ...down to this floor: a loss is never wholly forgotten.
    public var griefFloor: Double
    /// Hardship added by the loss of a member (income, labour).
    public var bereavementHardship: Double
    /// Spread (±) of a family's hardship around its province's level.
    public var hardshipSpread: Double
    /// Weight of grief against hardship in the family's "hardship" term H of Epstein's G = H(1 − L).
    public var griefWeight: Double
    /// Legitimacy of a bereaved family that nobody remembers drifts to this level...
    public var neglectedLegitimacy: Double
    /// ...losing this share of the gap each week its gift is overdue.
    public var legitimacyDecay: Double
    /// Share of the gap to the neglected level lost at the news of the death (restored by a visit).
    public var bereavementShock: Double
    /// Weight of the *programme* in a bereaved family's legitimacy, against its own experience:
    /// families compare notes, so each also judges by how reliably the province delivers gifts
    /// when due. L = (1 − w) · own + w · programme, where the programme's legitimacy runs from the
    /// neglected level (nothing delivered) to the province's level (everything on time).
    public var programmeWeight: Double
    /// Weight of this week's deliveries in the perceived reliability of the programme (the rest
    /// is last week's perception): how fast news of a change spreads.
    public var programmeNews: Double
    /// Legitimacy gained from a gift, a visit and a ceremony, before diminishing returns.
    public var giftLegitimacy: Double
    public var visitLegitimacy: Double
    public var honourLegitimacy: Double
    /// Hardship relieved by a gift, before diminishing returns; relief fades at ``reliefDecay``/week.
    public var giftRelief: Double
    public var reliefDecay: Double
    /// Weekly retention of the memory of past support, which divides the effect of the next:
    /// the n-th gift in quick succession is worth about 1/n of the first (diminishing returns).
    public var supportMemory: Double
    /// Epstein's threshold T: mean and spread (±) over families.
    public var thresholdMean: Double
    public var thresholdSpread: Double
    /// A family is privately resentful when its grievance exceeds this level.
    public var resentmentLevel: Double
}

/// Fear: the control apparatus and what it costs to speak.
public struct ControlParameters: Sendable, Equatable {
    /// Control agents per 100 families at national density.
    public var agentsPer100: Double
    /// Epstein's k in P = 1 − exp(−k · C/A).
    public var k: Double
    public var arrestRule: ArrestRule
    /// Arrests one agent can make per week.
    public var arrestsPerAgent: Double
    /// A punished family is silenced for a uniform 1...this many weeks.
    public var maxSilencedWeeks: Int
    /// How far the visible discontent of a neighbourhood lowers each family's threshold
    /// (Kuran's cascades): T' = T · (1 − cascade · share discontent).
    public var cascade: Double
    /// Legitimacy lost per week by a bereaved family for each unit of control intensity above
    /// normal (being watched for mourning is itself a grievance).
    public var legitimacyCost: Double
    /// How a crackdown raises the cost of being caught, not only its chance: fear is
    /// R · P · intensity^α (Epstein's net risk with a jail-term factor J^α), and punishments
    /// last intensity^α times longer.
    public var penaltyExponent: Double
}

/// The DPRK–Russia exchange, observed by wires and briefings.
public struct ExchangeParameters: Sendable, Equatable {
    public var armsShipmentsPerWeek: Double
    public var techTransfersPerWeek: Double
    public var summitsPerYear: Double
}

/// The strain horizon's definition.
public struct StrainParameters: Sendable, Equatable {
    /// The share of bereaved families privately resentful that marks the horizon.
    public var threshold: Double
    /// The share is not read until at least this many families are bereaved nationally.
    public var minimumBereaved: Int
}

/// How the outlets report.
public struct ReportingParameters: Sendable, Equatable {
    /// The folder of outlet profiles, templates and place names.
    public var templates: URL
    /// A multiplier of every outlet's reporting rate.
    public var volume: Double
    /// Which writer words the reporting (`simulate --writer` overrides it).
    public var writer: ReportingWriterKind = .phraseBooks
    /// The folder of the house-style writer's outlets and language files.
    public var houseStyles: URL
}
