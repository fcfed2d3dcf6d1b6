import Testing
@testable import WatchfloorStore

@Suite struct NearDuplicateIndexTests {
    @Test func findsEveryRepresentativeAcrossSegments() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        // 40,000 documents × 4 bands = 160,000 entries: the first segment doubles once, then three more open.
        for seq in 1...40_000 { index.add(seq: Int64(seq), bandKeys: (0..<4).map { Int64(seq * 7 + $0 * 1_000_003) }) }
        for seq in stride(from: 1, through: 40_000, by: 997) {
            #expect(index.candidates([Int64(seq * 7 + 2 * 1_000_003)]).contains(Int64(seq)))
        }
        #expect(index.lastSeq == 40_000)
    }

    @Test func unknownBandsFindNothingOrAlmostNothing() {
        let index = NearDuplicateIndex(segmentSlots: 1 << 16)
        for seq in 1...10_000 { index.add(seq: Int64(seq), bandKeys: [Int64(seq) &* 0x5851_F42D_4C95_7F2D]) }
        // Fingerprints are 32 bits: a stranger collides with probability ~ entries / 2^32.
        let strangers = (1...10_000).map { Int64($0) &* 0x2545_F491_4F6C_DD1D &+ 17 }
        #expect(strangers.filter { !index.candidates([$0]).isEmpty }.count <= 2)
    }
}
