import Watchfloor

/// The near-duplicate fingerprint of a text: locality-sensitive band keys (one-permutation
/// MinHash over word 3-shingles) to find candidates cheaply, and the set of shingle hashes to
/// verify a candidate exactly.
///
/// Syndicated copies of one story (a wire item reprinted with a new first line, a changed
/// headline, a dropped paragraph) share most of their word 3-shingles. With one-permutation
/// hashing (Li, Owen & Zhang 2012) each shingle is hashed once into one of `bands × rows` bins
/// and the minimum per bin kept; empty bins borrow from the next non-empty bin (rotation
/// densification, Shrivastava & Li 2014). Two texts with Jaccard similarity J share a band with
/// probability 1 − (1 − J^rows)^bands: with 8 bands of 4 rows, 0.99 at J = 0.8 and 0.40 at J = 0.5;
/// candidates are then checked exactly against the threshold.
public struct ShingleFingerprint: Sendable, Hashable {
    /// One key per band; equal keys in the same band make two documents candidates.
    public var bandKeys: [Int64]
    /// Sorted, distinct 64-bit hashes of the word 3-shingles.
    public var shingles: [UInt64]

    public static let bands = 8
    public static let rows = 4
    /// Texts with fewer words than this are only deduplicated exactly.
    public static let minimumWords = 8

    public init?(text: String) {
        let words = Self.wordHashes(text)
        guard words.count >= Self.minimumWords else { return nil }
        var shingles = [UInt64]()
        shingles.reserveCapacity(words.count)
        for i in 0..<(words.count - 2) {
            shingles.append(Self.mix(words[i] &* 0x9E37_79B9_7F4A_7C15 ^ words[i + 1].rotatedLeft(21) ^ words[i + 2].rotatedLeft(42)))
        }
        shingles.sort()
        var unique = [UInt64]()
        unique.reserveCapacity(shingles.count)
        for s in shingles where unique.last != s { unique.append(s) }
        self.shingles = unique

        let binCount = Self.bands * Self.rows
        var bins = [UInt64](repeating: .max, count: binCount)
        for h in unique {
            let bin = Int(h % UInt64(binCount))
            let value = h / UInt64(binCount)
            if value < bins[bin] { bins[bin] = value }
        }
        // Rotation densification: an empty bin takes the next non-empty bin's value, offset by distance.
        if bins.contains(.max) {
            let filled = bins
            for i in 0..<binCount where filled[i] == .max {
                var distance = 1
                while filled[(i + distance) % binCount] == .max { distance += 1 }
                bins[i] = filled[(i + distance) % binCount] &+ UInt64(distance) &* 0x2545_F491_4F6C_DD1D
            }
        }
        var keys = [Int64]()
        keys.reserveCapacity(Self.bands)
        for band in 0..<Self.bands {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325 &+ UInt64(band)
            for row in 0..<Self.rows {
                h = Self.mix(h ^ bins[band * Self.rows + row])
            }
            keys.append(Int64(bitPattern: h))
        }
        bandKeys = keys
    }

    /// Exact Jaccard similarity of the two shingle sets.
    public func similarity(to other: ShingleFingerprint) -> Double {
        var i = 0
        var j = 0
        var shared = 0
        let a = shingles
        let b = other.shingles
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Lower-cased word hashes (FNV-1a over UTF-8), words being runs of letters and digits.
    static func wordHashes(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count / 6)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            let isWordByte: Bool
            var b = byte
            if byte < 0x80 {
                let lower = byte | 0x20
                isWordByte = (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                if lower >= 0x61 && lower <= 0x7A { b = lower }
            } else {
                isWordByte = true  // non-ASCII letters (Hangul, accented Latin) are part of words
            }
            if isWordByte {
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
                inWord = true
            } else if inWord {
                hashes.append(h)
                h = 0xCBF2_9CE4_8422_2325
                inWord = false
            }
        }
        if inWord { hashes.append(h) }
        return hashes
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension UInt64 {
    @inline(__always) fileprivate func rotatedLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
