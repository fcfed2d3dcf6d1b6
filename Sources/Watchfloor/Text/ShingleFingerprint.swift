
/// The near-duplicate fingerprint of a text: locality-sensitive band keys (one-permutation
/// MinHash over word 3-shingles) that find candidate copies cheaply, and an exact check of a
/// candidate against the threshold.
///
/// Syndicated copies of one story (a wire item reprinted with a new first line, a changed
/// headline, a dropped paragraph) share most of their word 3-shingles. With one-permutation
/// hashing (Li, Owen & Zhang 2012) each shingle is hashed once into one of `bands × rows` bins
/// and the minimum per bin kept; empty bins borrow from the next non-empty bin (rotation
/// densification, Shrivastava & Li 2014). Two texts with Jaccard similarity J share a band with
/// probability 1 − (1 − J^rows)^bands: with 8 bands of 4 rows, 0.99 at J = 0.8 and 0.40 at J = 0.5.
/// A candidate then counts as a copy only if the exact Jaccard similarity of the two texts'
/// shingle sets reaches the threshold, so the bands need only be generous, never exact.
public struct ShingleFingerprint: Sendable, Hashable {
    /// One key per band; equal keys in the same band make two documents candidates.
    public var bandKeys: [Int64]

    public static let bands = 8
    public static let rows = 4
    /// Texts with fewer words than this are only deduplicated exactly.
    public static let minimumWords = 8

    public init?(text: String) {
        let binCount = Self.bands * Self.rows
        var bins = [UInt64](repeating: .max, count: binCount)
        var words = 0
        // The bins take the minimum, so repeated shingles need no deduplication here.
        Self.forEachShingle(text) { shingle in
            words += 1
            let bin = Int(shingle % UInt64(binCount))
            let value = shingle / UInt64(binCount)
            if value < bins[bin] { bins[bin] = value }
        }
        guard words + 2 >= Self.minimumWords else { return nil }
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

    /// Exact Jaccard similarity of the two texts' sets of word 3-shingles.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let first = shingleSet(a)
        let second = shingleSet(b)
        let shared = first.intersection(second).count
        let union = first.count + second.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    static func shingleSet(_ text: String) -> Set<UInt64> {
        var set = Set<UInt64>()
        forEachShingle(text) { set.insert($0) }
        return set
    }

    /// Calls `body` with the 64-bit hash of every run of three consecutive words (lower-cased
    /// letters and digits; other characters separate words).
    static func forEachShingle(_ text: String, _ body: (UInt64) -> Void) {
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        var seen = 0
        forEachWord(text) { word in
            if seen >= 2 { body(mix(w1 &* 0x9E37_79B9_7F4A_7C15 ^ w2.rotatedLeft(21) ^ word.rotatedLeft(42))) }
            w1 = w2
            w2 = word
            seen += 1
        }
    }

    /// Calls `body` with the FNV-1a hash of every word.
    ///
    /// Chinese and Japanese are written without spaces: each Han, Hiragana or Katakana character
    /// counts as a word there (character 3-shingles), and CJK punctuation separates, so that a
    /// reposted Japanese or Chinese story is found like an English one. Hangul, Cyrillic and
    /// accented Latin letters belong to space-separated words.
    static func forEachWord(_ text: String, _ body: (UInt64) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let basis: UInt64 = 0xCBF2_9CE4_8422_2325
            var h = basis
            var inWord = false
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte >= 0xE3, byte <= 0xE9 || byte == 0xEF, i + 2 < n {
                    // U+3000–U+9FFF (CJK punctuation, kana, Han) and U+F000–U+FFFF (compatibility
                    // ideographs, full-width forms): a word of its own, or a separator.
                    if inWord { body(h) }
                    h = basis
                    inWord = false
                    let isPunctuation = (byte == 0xE3 && bytes[i + 1] == 0x80) || byte == 0xEF
                    if !isPunctuation {
                        for k in 0..<3 { h = (h ^ UInt64(bytes[i + k])) &* 0x0000_0100_0000_01B3 }
                        body(h)
                        h = basis
                    }
                    i += 3
                    continue
                }
                var b = byte
                let isWordByte: Bool
                if byte < 0x80 {
                    let lower = byte | 0x20
                    let letter = lower >= 0x61 && lower <= 0x7A
                    isWordByte = letter || (byte >= 0x30 && byte <= 0x39)
                    if letter { b = lower }
                } else {
                    isWordByte = true  // non-ASCII letters (Hangul, Cyrillic, accented Latin) belong to words
                }
                if isWordByte {
                    h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
                    inWord = true
                } else if inWord {
                    body(h)
                    h = basis
                    inWord = false
                }
                i += 1
            }
            if inWord { body(h) }
        }
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
