/// Running totals of a series, so that the sum over any range of days costs two lookups: the
/// moving windows of the silence, share and coverage tests read thousands of such sums.
///
/// ```swift
/// let sums = PrefixSums([2, 0, 1, 3])
/// sums[1..<4]   // 4
/// ```
struct PrefixSums {
    private var totals: [Double]

    init(_ values: some Collection<Double>) {
        totals = [0]
        totals.reserveCapacity(values.count + 1)
        for value in values { totals.append(totals[totals.count - 1] + value) }
    }

    /// The sum of the values at `range`'s indices.
    subscript(range: Range<Int>) -> Double { totals[range.upperBound] - totals[range.lowerBound] }
}
