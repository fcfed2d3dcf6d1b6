import Foundation
import Watchfloor

/// The gift-politics model: a regime buys the quiet of bereaved soldier families with gifts,
/// condolence visits and honours, under a budget, while casualties abroad go on.
///
/// Each week:
/// 1. **Deployment and casualties.** Families at home see a member sent abroad; the deployed are
///    killed at the casualty curve's rate (their families become *bereaved*) or come home.
/// 2. **Support.** The week's budget is split across provinces by the targeting policy; each
///    province pays first for condolence visits to the newly bereaved, then for its memorial
///    ceremony when one is due, then for gifts to bereaved families in turn, until the money
///    runs out. The budget is never overspent.
/// 3. **Feelings.** Grief decays; gifts relieve hardship; a family whose gift is overdue loses
///    faith ("the party forgot us"); gifts, visits and ceremonies restore it, each the less the
///    more support the family had lately (diminishing returns). Private grievance is Epstein's
///    G = H · (1 − L), with H mixing grief and hardship.
/// 4. **Expression.** A family speaks out when G − R · P exceeds its threshold T, lowered by the
///    share of its neighbourhood already speaking out (Kuran's cascades); otherwise it shows
///    gratitude, resentful or not (preference falsification). P is the estimated arrest
///    probability from the agents (C) and the discontented (A) in the neighbourhood, by the
///    scenario's ``ArrestRule``. Agents punish some of those who speak, silencing them for weeks.
///
/// The model is deterministic for a seed.
///
/// ```swift
/// var model = GiftPoliticsModel(scenario: scenario, seed: 7)
/// let truth = model.run()                 // every week's ProvinceWeek records
/// truth.national.last?.resentfulShare
/// ```
public struct GiftPoliticsModel: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    /// The next week to simulate.
    public private(set) var week = 0

    var families: FamilyTable
    let layout: FamilyLayout
    var random: SeededGenerator
    var exchangeRandom: SeededGenerator

    /// Per province: bereaved families in order of bereavement, the round-robin position of the
    /// next gift, and the newly bereaved still waiting for a condolence visit.
    var bereavedLists: [[Int32]]
    var giftCursor: [Int]
    var pendingVisits: [[Int32]]

    /// Per neighbourhood: families that spoke out last week (the punished included: it was seen).
    var visibleDiscontent: [Int32]
    /// Per province: the perceived reliability of the gift programme, 0 (nothing delivered when
    /// due) to 1 (everything on time), as families hear of it.
    var programmeReliability: [Float]

    // Per-province parameters in `Scenario.provinceOrder`.
    let visibility: [Double]
    let provinceControl: [Double]
    let provinceLegitimacy: [Double]

    public init(scenario: Scenario, seed: UInt64) {
        self.scenario = scenario
        self.seed = seed
        let order = Scenario.provinceOrder
        let parameters = order.map { scenario.provinces[$0]! }
        layout = FamilyLayout(
            families: scenario.families, shares: parameters.map(\.deploymentShare),
            neighbourhoodSize: scenario.neighbourhoodSize)
        random = SeededGenerator(seed: seed)
        exchangeRandom = random.fork(stream: 1)
        families = FamilyTable(count: scenario.families)
        bereavedLists = Array(repeating: [], count: order.count)
        giftCursor = Array(repeating: 0, count: order.count)
        pendingVisits = Array(repeating: [], count: order.count)
        visibleDiscontent = Array(repeating: 0, count: layout.neighbourhoods.count)
        programmeReliability = Array(repeating: 1, count: order.count)
        visibility = parameters.map(\.visibility)
        provinceControl = parameters.map(\.control)
        provinceLegitimacy = parameters.map(\.legitimacy)
        seedFamilies(parameters)
    }

    private mutating func seedFamilies(_ parameters: [ProvinceParameters]) {
        let f = scenario.family
        for (p, range) in layout.provinceRanges.enumerated() {
            let province = parameters[p]
            for i in range {
                let deployed = random.chance(scenario.deployment.initialShare)
                families.status[i] = (deployed ? FamilyTable.Status.deployed : .reserve).rawValue
                let spread = (random.nextDouble() * 2 - 1) * f.hardshipSpread
                families.hardship[i] = Float(min(1, max(0, province.hardship + spread)))
                let legitimacy = Float(min(1, max(0, province.legitimacy + (random.nextDouble() * 2 - 1) * 0.05)))
                families.legitimacy[i] = legitimacy
                families.baseLegitimacy[i] = legitimacy
                families.riskAversion[i] = random.nextFloat()
                let threshold = f.thresholdMean + (random.nextDouble() * 2 - 1) * f.thresholdSpread
                families.threshold[i] = Float(max(0, threshold))
            }
        }
    }

    /// Runs the remaining weeks of the scenario and returns the latent series.
    public mutating func run() -> LatentSeries {
        var weeks: [WeekRecord] = []
        weeks.reserveCapacity(scenario.weeks - week)
        while week < scenario.weeks { weeks.append(step()) }
        return LatentSeries(scenario: scenario, seed: seed, weeks: weeks)
    }

    /// Simulates one week and returns what happened in it.
    public mutating func step() -> WeekRecord {
        let w = week
        var records = Scenario.provinceOrder.map { ProvinceWeek(week: w, province: $0) }
        moveFamilies(week: w, into: &records)
        distributeSupport(week: w, into: &records)
        updateFeelingsAndExpression(week: w, into: &records)
        var national = ProvinceWeek(week: w, province: nil)
        for record in records { national.accumulate(record) }
        national.controlIntensity = records.map(\.controlIntensity).reduce(0, +) / Double(records.count)
        let exchange = exchangeWeek(w, deployments: national.newlyDeployed)
        week += 1
        return WeekRecord(week: w, provinces: records, national: national, exchange: exchange)
    }

    // MARK: Deployment and casualties

    private mutating func moveFamilies(week w: Int, into records: inout [ProvinceWeek]) {
        let shifts = scenario.shifts
        let deployRate = scenario.deployment.weeklyRate * shifts.multiplier(.deploymentSurge, week: w)
            * shifts.multiplier(.allianceShift, week: w)
        let deathRate = scenario.casualties.rate(inWeek: w) * shifts.multiplier(.casualtySurge, week: w)
        let returnRate = 1 / scenario.deployment.tourWeeks
        let bereavementHardship = Float(scenario.family.bereavementHardship)
        let neglected = Float(scenario.family.neglectedLegitimacy)
        let shock = Float(scenario.family.bereavementShock)

        for (p, range) in layout.provinceRanges.enumerated() {
            var record = records[p]
            record.families = range.count
            for i in range {
                switch families.status[i] {
                case FamilyTable.Status.reserve.rawValue, FamilyTable.Status.returned.rawValue:
                    if random.nextDouble() < deployRate {
                        families.status[i] = FamilyTable.Status.deployed.rawValue
                        record.newlyDeployed += 1
                    }
                case FamilyTable.Status.deployed.rawValue:
                    let draw = random.nextDouble()
                    if draw < deathRate {
                        families.status[i] = FamilyTable.Status.bereaved.rawValue
                        families.grief[i] = 1
                        families.hardship[i] = min(1, families.hardship[i] + bereavementHardship)
                        families.legitimacy[i] -= shock * max(0, families.legitimacy[i] - neglected)
                        families.lastSupportWeek[i] = Int32(w)
                        bereavedLists[p].append(Int32(i))
                        pendingVisits[p].append(Int32(i))
                        record.newlyBereaved += 1
                    } else if draw < deathRate + returnRate {
                        families.status[i] = FamilyTable.Status.returned.rawValue
                        record.newlyReturned += 1
                    }
                default:
                    break
                }
                switch families.status[i] {
                case FamilyTable.Status.reserve.rawValue: record.reserve += 1
                case FamilyTable.Status.deployed.rawValue: record.deployed += 1
                case FamilyTable.Status.bereaved.rawValue: record.bereaved += 1
                default: record.returned += 1
                }
            }
            records[p] = record
        }
    }

    // MARK: The exchange

    private mutating func exchangeWeek(_ w: Int, deployments: Int) -> ExchangeWeek {
        let exchange = scenario.exchange
        var armsFactor = 1.0
        var techFactor = 1.0
        for shift in scenario.shifts where shift.kind == .allianceShift {
            armsFactor *= shift.multiplier(inWeek: w)
            techFactor *= shift.multiplier(inWeek: w, target: shift.techFactor)
        }
        return ExchangeWeek(
            week: w, deployments: deployments,
            armsShipments: exchangeRandom.poisson(mean: exchange.armsShipmentsPerWeek * armsFactor),
            techTransfers: exchangeRandom.poisson(mean: exchange.techTransfersPerWeek * techFactor),
            summit: exchangeRandom.chance(exchange.summitsPerYear / 52),
            armsFactor: armsFactor, techFactor: techFactor)
    }
}
