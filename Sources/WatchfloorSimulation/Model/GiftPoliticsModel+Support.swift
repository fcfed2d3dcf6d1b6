import Watchfloor

extension GiftPoliticsModel {
    /// How long a newly bereaved family waits for a condolence visit before the chance is gone.
    static let visitWindowWeeks = 8

    /// Splits the week's budget across provinces and spends each province's share on visits,
    /// a ceremony when due, and gifts in turn. Gifts and visits act on the family at once;
    /// ceremonies act on every bereaved family of the province in the feelings pass.
    mutating func distributeSupport(week w: Int, into records: inout [ProvinceWeek]) {
        let budget = scenario.budget
        let shifts = scenario.shifts
        let order = Scenario.provinceOrder
        let bereaved = records.map(\.bereaved)
        let gifts = Double(budget.giftIntervalWeeks)
        let fullNeed = bereaved.map { Double($0) / gifts * budget.giftCost + budget.honourCost / Double(budget.honourIntervalWeeks) }
        let national = budget.weekly * shifts.multiplier(.budgetCut, week: w)
        let shares = budget.policy.allocate(
            budget: national, bereaved: bereaved, visibility: visibility, fullNeed: fullNeed)

        for (p, province) in order.enumerated() {
            // A province's cut is money withheld, not passed to others.
            var funds = shares[p] * shifts.multiplier(.budgetCut, week: w, province: province)
            records[p].budgetAllocated = funds
            let stopped = shifts.giftsStopped(in: province, week: w)
            var spent = 0.0

            if !stopped { spent += payVisits(province: p, week: w, funds: &funds, record: &records[p]) }
            if (w + p) % budget.honourIntervalWeeks == 0, records[p].bereaved > 0, funds >= budget.honourCost {
                funds -= budget.honourCost
                spent += budget.honourCost
                records[p].honours = 1
            }
            if !stopped { spent += payGifts(province: p, week: w, funds: &funds, record: &records[p]) }
            records[p].budgetSpent = spent
        }
    }

    private mutating func payVisits(province p: Int, week w: Int, funds: inout Double, record: inout ProvinceWeek) -> Double {
        let cost = scenario.budget.visitCost
        let gain = Float(scenario.family.visitLegitimacy)
        var spent = 0.0
        var waiting: [Int32] = []
        for family in pendingVisits[p] {
            let i = Int(family)
            if funds >= cost {
                funds -= cost
                spent += cost
                restoreLegitimacy(of: i, by: gain)
                families.supportMemory[i] += 1
                record.visits += 1
            } else if w - Int(families.lastSupportWeek[i]) < Self.visitWindowWeeks {
                waiting.append(family)
            }
        }
        pendingVisits[p] = waiting
        return spent
    }

    /// Gives gifts to the province's bereaved families whose gift is due, in turn, starting where
    /// last week's round stopped, until the funds run out or every family has been looked at.
    private mutating func payGifts(province p: Int, week w: Int, funds: inout Double, record: inout ProvinceWeek) -> Double {
        let list = bereavedLists[p]
        guard !list.isEmpty else { return 0 }
        let cost = scenario.budget.giftCost
        let interval = scenario.budget.giftIntervalWeeks
        let gain = Float(scenario.family.giftLegitimacy)
        let relief = Float(scenario.family.giftRelief)
        var spent = 0.0
        var cursor = giftCursor[p] % list.count
        for _ in 0..<list.count {
            let i = Int(list[cursor])
            if w - Int(families.lastSupportWeek[i]) >= interval {
                guard funds >= cost else { break }
                funds -= cost
                spent += cost
                let memory = families.supportMemory[i]
                restoreLegitimacy(of: i, by: gain)
                families.relief[i] += relief / (1 + memory)
                families.supportMemory[i] = memory + 1
                families.lastSupportWeek[i] = Int32(w)
                record.gifts += 1
            }
            cursor = (cursor + 1) % list.count
        }
        giftCursor[p] = cursor
        return spent
    }

    /// Moves a family's legitimacy back towards what it held before bereavement, by `gain`
    /// of the gap divided by its recent support (diminishing returns).
    @inline(__always)
    mutating func restoreLegitimacy(of i: Int, by gain: Float) {
        let gap = max(0, families.baseLegitimacy[i] - families.legitimacy[i])
        families.legitimacy[i] += gain / (1 + families.supportMemory[i]) * gap
    }
}
