/// Keeps the wording of distinct stories apart, so that the store counts them apart.
///
/// Ingest gives a document the id of its normalised text, and folds a document whose word
/// 3-shingles overlap an earlier one's by 70% or more (Jaccard) into that one's near-duplicate
/// cluster; indicator series count a cluster once. Real stories about different shipments or
/// different families differ in their details, but templates with few placeholders repeat
/// themselves, and the more an outlet publishes the more its stories would collide and be
/// folded together — a cap on reporting by another name. The writer therefore asks, for each
/// original story (syndicated copies are meant to be near-duplicates), how close it comes to
/// the earlier stories of its happening and language, and composes it again when it comes
/// within ``threshold``, keeping the most distinct of ``attempts`` compositions.
///
/// Words are runs of ASCII letters and digits, lower-cased, or of non-ASCII characters, as the
/// ingest fingerprint reads them.
struct DistinctWording {
    /// Below the store's 0.7, with a margin.
    static let threshold = 0.6
    static let attempts = 12

    private struct Bucket {
        /// Each stored story's distinct shingle hashes.
        var stories: [[UInt64]] = []
        /// Shingle hash → the stories that contain it.
        var postings: [UInt64: [Int32]] = [:]
        /// Shared-shingle counts per story (scratch, all zero between calls).
        var shared: [Int32] = []

        mutating func similarity(_ shingles: [UInt64]) -> Double {
            var touched: [Int32] = []
            for shingle in shingles {
                guard let stories = postings[shingle] else { continue }
                for story in stories {
                    if shared[Int(story)] == 0 { touched.append(story) }
                    shared[Int(story)] += 1
                }
            }
            var best = 0.0
            for story in touched {
                let common = Double(shared[Int(story)])
                best = max(best, common / (Double(shingles.count + stories[Int(story)].count) - common))
                shared[Int(story)] = 0
            }
            return best
        }

        mutating func insert(_ shingles: [UInt64]) {
            let id = Int32(stories.count)
            stories.append(shingles)
            shared.append(0)
            for shingle in shingles { postings[shingle, default: []].append(id) }
        }
    }

    private var buckets: [String: Bucket] = [:]
    /// Stories kept although no composition fell below the threshold.
    private(set) var collisions = 0

    /// The highest Jaccard similarity of `shingles` to a story already in `bucket`.
    mutating func similarity(_ shingles: [UInt64], in bucket: String) -> Double {
        guard !shingles.isEmpty, buckets[bucket] != nil else { return 0 }
        return buckets[bucket]!.similarity(shingles)
    }

    /// Records a story as published; `similarity` is what ``similarity(_:in:)`` found for it.
    mutating func insert(_ shingles: [UInt64], in bucket: String, similarity: Double) {
        if similarity >= Self.threshold { collisions += 1 }
        buckets[bucket, default: Bucket()].insert(shingles)
    }

    /// The distinct word 3-shingles of `text` (each whole text when it has fewer than three words).
    static func shingles(_ text: String) -> [UInt64] {
        var words: [UInt64] = []
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        for byte in text.utf8 {
            let lower = byte | 0x20
            let isLetter = byte < 0x80 && lower >= 0x61 && lower <= 0x7A
            let isWordByte = byte >= 0x80 || isLetter || (byte >= 0x30 && byte <= 0x39)
            if isWordByte {
                h = (h ^ UInt64(isLetter ? lower : byte)) &* 0x0000_0100_0000_01B3
                inWord = true
            } else if inWord {
                words.append(h)
                h = 0xCBF2_9CE4_8422_2325
                inWord = false
            }
        }
        if inWord { words.append(h) }
        guard words.count >= 3 else { return words.isEmpty ? [] : [words.reduce(0) { $0 &* 31 &+ $1 }] }
        var shingles = Set<UInt64>()
        for i in 0..<(words.count - 2) {
            shingles.insert(words[i] &* 0x9E37_79B9_7F4A_7C15 ^ (words[i + 1] &* 0xC2B2_AE3D_27D4_EB4F) ^ (words[i + 2] &* 0x1656_67B1_9E37_79F9))
        }
        return Array(shingles)
    }
}
