/// The soldier families of a run, stored as a struct of arrays: one contiguous array per
/// attribute, so that the weekly update streams through memory instead of chasing one object per
/// family. Families are laid out province by province, and within a province neighbourhood by
/// neighbourhood, so both are contiguous ranges of indices.
struct FamilyTable {
    enum Status: UInt8 {
        case reserve = 0
        case deployed = 1
        case bereaved = 2
        case returned = 3
    }

    var status: [UInt8]
    /// 1 on bereavement, decaying to the scenario's floor.
    var grief: [Float]
    /// The family's economic hardship, including what the loss of a member added.
    var hardship: [Float]
    /// Hardship relieved by recent gifts (fades week by week).
    var relief: [Float]
    /// Perceived legitimacy now, and the level the family held before bereavement (gifts,
    /// visits and honours restore towards it, never beyond).
    var legitimacy: [Float]
    var baseLegitimacy: [Float]
    /// The memory of recent support, which divides the effect of the next (diminishing returns).
    var supportMemory: [Float]
    /// Epstein's risk aversion R and threshold T.
    var riskAversion: [Float]
    var threshold: [Float]
    /// Private grievance, G = H · (1 − L), as of the last step.
    var grievance: [Float]
    /// Weeks of punishment left (0 = free to speak).
    var silencedWeeks: [UInt16]
    /// The week of the last gift, or of bereavement before any gift.
    var lastSupportWeek: [Int32]

    init(count: Int) {
        status = Array(repeating: Status.reserve.rawValue, count: count)
        grief = Array(repeating: 0, count: count)
        hardship = Array(repeating: 0, count: count)
        relief = Array(repeating: 0, count: count)
        legitimacy = Array(repeating: 0, count: count)
        baseLegitimacy = Array(repeating: 0, count: count)
        supportMemory = Array(repeating: 0, count: count)
        riskAversion = Array(repeating: 0, count: count)
        threshold = Array(repeating: 0, count: count)
        grievance = Array(repeating: 0, count: count)
        silencedWeeks = Array(repeating: 0, count: count)
        lastSupportWeek = Array(repeating: 0, count: count)
    }

    var count: Int { status.count }
}

/// Where each province's and neighbourhood's families sit in the ``FamilyTable``.
struct FamilyLayout {
    /// Per province, in ``Scenario/provinceOrder``.
    var provinceRanges: [Range<Int>]
    var neighbourhoods: [Range<Int>]
    /// Per province, the range of its neighbourhoods in ``neighbourhoods``.
    var provinceNeighbourhoods: [Range<Int>]

    /// Splits `families` across provinces by deployment share (largest remainders, so the
    /// counts add up exactly) and each province into neighbourhoods of `size` families.
    init(families: Int, shares: [Double], neighbourhoodSize size: Int) {
        let total = shares.reduce(0, +)
        let exact = shares.map { Double(families) * $0 / total }
        var counts = exact.map { Int($0.rounded(.down)) }
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        for i in byRemainder.prefix(families - counts.reduce(0, +)) { counts[i] += 1 }

        provinceRanges = []
        neighbourhoods = []
        provinceNeighbourhoods = []
        var start = 0
        for count in counts {
            let range = start..<(start + count)
            provinceRanges.append(range)
            let first = neighbourhoods.count
            var lower = range.lowerBound
            while lower < range.upperBound {
                let upper = min(lower + size, range.upperBound)
                neighbourhoods.append(lower..<upper)
                lower = upper
            }
            provinceNeighbourhoods.append(first..<neighbourhoods.count)
            start += count
        }
    }
}
