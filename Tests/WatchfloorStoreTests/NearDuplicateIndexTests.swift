import Testing
@testable import WatchfloorStore

@Suite struct NearDuplicateIndexTests {
    let day = 20_000  // 2024-10-04

    @Test func findsEveryRepresentativeAcrossSegments() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        // 40,000 documents × 4 bands = 160,000 entries: the first segment doubles once, then three more open.
        for seq in 1...40_000 {
            index.add(seq: Int64(seq), day: day, bandKeys: (0..<4).map { Int64(seq * 7 + $0 * 1_000_003) })
        }
        for seq in stride(from: 1, through: 40_000, by: 997) {
            #expect(index.candidates([Int64(seq * 7 + 2 * 1_000_003)], day: day, window: 7).contains(Int64(seq)))
        }
        #expect(index.lastSeq == 40_000)
    }

    @Test func unknownBandsFindNothingOrAlmostNothing() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        for seq in 1...10_000 { index.add(seq: Int64(seq), day: day, bandKeys: [Int64(seq) &* 0x5851_F42D_4C95_7F2D]) }
        // Fingerprints are 32 bits: a stranger collides with probability ~ entries / 2^32.
        let strangers = (1...10_000).map { Int64($0) &* 0x2545_F491_4F6C_DD1D &+ 17 }
        #expect(strangers.filter { !index.candidates([$0], day: day, window: 7).isEmpty }.count <= 2)
    }

    @Test func onlyRepresentativesWithinTheWindowAreCandidates() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        index.add(seq: 1, day: day, bandKeys: [42])
        index.add(seq: 2, day: day + 60, bandKeys: [42])
        #expect(index.candidates([42], day: day + 5, window: 7) == [1])
        #expect(index.candidates([42], day: day + 58, window: 7) == [2])
        #expect(index.candidates([42], day: day + 30, window: 7).isEmpty)
    }

    @Test func candidatesSharingMoreBandsComeFirstAndAreCapped() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        for seq in 1...20 { index.add(seq: Int64(seq), day: day, bandKeys: [7]) }
        index.add(seq: 21, day: day, bandKeys: [7, 8, 9])
        let found = index.candidates([7, 8, 9], day: day, window: 7, limit: 5)
        #expect(found.count == 5)
        #expect(found.first == 21)
    }

    /// A templated feed shares a band between every pair of records: the index keeps a bounded
    /// number per band key (the oldest give way), so lookups do not grow with the feed.
    @Test func aTemplatedFeedKeepsABoundedNumberPerBand() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        for seq in 1...5_000 { index.add(seq: Int64(seq), day: day + seq / 100, bandKeys: [99]) }
        let found = index.candidates([99], day: day + 50, window: 1_000, limit: 1_000)
        #expect(found.count == NearDuplicateIndex.keysPerFingerprint)
        #expect(found.allSatisfy { $0 > 4_000 })
    }
}
