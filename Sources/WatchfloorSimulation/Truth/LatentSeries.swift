import Watchfloor

/// The truth of one run: every week's latent state per province and nationally, and the
/// exchange. Written as `truth/latent.csv` and `truth/exchange.csv`.
public struct LatentSeries: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    public let weeks: [WeekRecord]

    public init(scenario: Scenario, seed: UInt64, weeks: [WeekRecord]) {
        self.scenario = scenario
        self.seed = seed
        self.weeks = weeks
    }

    /// The national records, one per week.
    public var national: [ProvinceWeek] { weeks.map(\.national) }

    /// One province's records, one per week.
    public func series(for province: Province) -> [ProvinceWeek] {
        let p = Scenario.provinceOrder.firstIndex(of: province)!
        return weeks.map { $0.provinces[p] }
    }

    /// The first week at which the share of bereaved families privately resentful reaches the
    /// scenario's strain threshold (nationally, or in one province), with at least the
    /// scenario's minimum of bereaved families; `nil` if it never does.
    public func strainWeek(in province: Province? = nil) -> Int? {
        let strain = scenario.strain
        let records = province.map(series(for:)) ?? national
        let minimum = province == nil ? strain.minimumBereaved : max(1, strain.minimumBereaved / 12)
        return records.first { $0.bereaved >= minimum && $0.resentfulShare >= strain.threshold }?.week
    }

    // MARK: CSV

    static let latentColumns = [
        "week", "week_start", "province", "families", "reserve", "deployed", "bereaved", "returned",
        "newly_deployed", "newly_bereaved", "newly_returned", "resentful", "resentful_share", "discontent",
        "discontent_share", "falsifying", "silenced", "punished", "discontent_all_families", "gifts", "visits",
        "honours", "overdue", "budget_allocated", "budget_spent", "control_intensity", "mean_grievance",
        "mean_legitimacy", "mean_fear", "bereaved_per_100k",
    ]

    /// `truth/latent.csv`: one row per week and province, then the national row (`province`
    /// = `national`) of the same week.
    public func latentCSV() -> String {
        var lines = [Self.latentColumns.joined(separator: ",")]
        lines.reserveCapacity(weeks.count * 13 + 1)
        let population = Scenario.provinceOrder.map { scenario.provinces[$0]!.population }
        let nationalPopulation = population.reduce(0, +)
        for record in weeks {
            for (p, row) in record.provinces.enumerated() { lines.append(csvRow(row, population: population[p])) }
            lines.append(csvRow(record.national, population: nationalPopulation))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func csvRow(_ r: ProvinceWeek, population: Double) -> String {
        let fields: [String] = [
            String(r.week), scenario.day(ofWeek: r.week).description, r.province?.code ?? "national",
            String(r.families), String(r.reserve), String(r.deployed), String(r.bereaved), String(r.returned),
            String(r.newlyDeployed), String(r.newlyBereaved), String(r.newlyReturned), String(r.resentful),
            fixed(r.resentfulShare), String(r.discontent), fixed(r.discontentShare), String(r.falsifying),
            String(r.silenced), String(r.punished), String(r.discontentAll), String(r.gifts), String(r.visits),
            String(r.honours), String(r.overdue), fixed(r.budgetAllocated, 2), fixed(r.budgetSpent, 2),
            fixed(r.controlIntensity, 3), fixed(r.meanGrievance), fixed(r.meanLegitimacy), fixed(r.meanFear),
            fixed(Double(r.bereaved) / (population * 1000) * 100_000, 3),
        ]
        return fields.joined(separator: ",")
    }

    /// `truth/exchange.csv`: the national exchange, one row per week.
    public func exchangeCSV() -> String {
        var lines = ["week,week_start,deployments,arms_shipments,tech_transfers,summit,arms_factor,tech_factor"]
        for record in weeks {
            let e = record.exchange
            lines.append(
                [
                    String(e.week), scenario.day(ofWeek: e.week).description, String(e.deployments),
                    String(e.armsShipments), String(e.techTransfers), e.summit ? "1" : "0", fixed(e.armsFactor, 3),
                    fixed(e.techFactor, 3),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A number with a fixed count of decimals, without Foundation's locale-dependent formatting.
func fixed(_ value: Double, _ decimals: Int = 4) -> String {
    guard value.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = String(Int(scaled - Double(whole) * scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    let sign = value < 0 && scaled > 0 ? "-" : ""
    return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}
