import Watchfloor

/// The latent state of one province (or the nation) in one week: what the outlets can only
/// partly see, and what the warnings are scored against.
///
/// Counts of families are of soldier families: every one is in exactly one of reserve, deployed,
/// bereaved or returned, so `reserve + deployed + bereaved + returned == families` always.
public struct ProvinceWeek: Sendable, Equatable {
    public var week: Int
    /// `nil` for the national total.
    public var province: Province?

    public var families = 0
    public var reserve = 0
    public var deployed = 0
    public var bereaved = 0
    public var returned = 0

    public var newlyDeployed = 0
    public var newlyBereaved = 0
    public var newlyReturned = 0

    /// Bereaved families whose private grievance exceeds the resentment level.
    public var resentful = 0
    /// Bereaved families publicly expressing discontent this week.
    public var discontent = 0
    /// Bereaved families privately resentful but publicly grateful: preference falsification.
    public var falsifying = 0
    /// Bereaved families serving a punishment that silences them.
    public var silenced = 0
    /// Families (of any status) punished this week for speaking out.
    public var punished = 0
    /// Families of any status publicly discontent this week.
    public var discontentAll = 0

    public var gifts = 0
    public var visits = 0
    public var honours = 0
    /// Bereaved families whose gift was due and did not come.
    public var overdue = 0
    /// Gift units the centre allocated to the province, and what was spent (never more).
    public var budgetAllocated = 0.0
    public var budgetSpent = 0.0
    /// Control agents relative to normal (1 = normal, 3 = a crackdown tripling them).
    public var controlIntensity = 1.0

    /// Means over bereaved families (0 when there are none).
    public var meanGrievance = 0.0
    public var meanLegitimacy = 0.0
    public var meanFear = 0.0

    public init(week: Int, province: Province?) {
        self.week = week
        self.province = province
    }

    /// The share of bereaved families privately resentful (0 when none are bereaved).
    public var resentfulShare: Double { bereaved > 0 ? Double(resentful) / Double(bereaved) : 0 }
    /// The share of bereaved families publicly discontent (0 when none are bereaved).
    public var discontentShare: Double { bereaved > 0 ? Double(discontent) / Double(bereaved) : 0 }

    /// Adds a province's counts into a national total; means are weighted by bereaved families.
    mutating func accumulate(_ other: ProvinceWeek) {
        let weight = Double(other.bereaved)
        let total = Double(bereaved) + weight
        if total > 0 {
            meanGrievance = (meanGrievance * Double(bereaved) + other.meanGrievance * weight) / total
            meanLegitimacy = (meanLegitimacy * Double(bereaved) + other.meanLegitimacy * weight) / total
            meanFear = (meanFear * Double(bereaved) + other.meanFear * weight) / total
        }
        families += other.families
        reserve += other.reserve
        deployed += other.deployed
        bereaved += other.bereaved
        returned += other.returned
        newlyDeployed += other.newlyDeployed
        newlyBereaved += other.newlyBereaved
        newlyReturned += other.newlyReturned
        resentful += other.resentful
        discontent += other.discontent
        falsifying += other.falsifying
        silenced += other.silenced
        punished += other.punished
        discontentAll += other.discontentAll
        gifts += other.gifts
        visits += other.visits
        honours += other.honours
        overdue += other.overdue
        budgetAllocated += other.budgetAllocated
        budgetSpent += other.budgetSpent
    }
}

/// The DPRK–Russia exchange in one week (national).
public struct ExchangeWeek: Sendable, Equatable {
    public var week: Int
    /// Soldiers sent abroad this week.
    public var deployments: Int
    public var armsShipments: Int
    public var techTransfers: Int
    public var summit: Bool
    /// The exchange multipliers in force (1 = as in week 0).
    public var armsFactor: Double
    public var techFactor: Double
}

/// Everything the model produced in one week.
public struct WeekRecord: Sendable, Equatable {
    public var week: Int
    /// In ``Scenario/provinceOrder``.
    public var provinces: [ProvinceWeek]
    public var national: ProvinceWeek
    public var exchange: ExchangeWeek
}
