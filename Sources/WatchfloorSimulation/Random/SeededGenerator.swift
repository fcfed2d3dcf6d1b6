import Foundation

/// The simulation's own pseudo-random generator: xoshiro256** (Blackman & Vigna 2018), seeded
/// through SplitMix64 so that any 64-bit seed, including 0, gives a well-mixed state.
///
/// A run must be reproducible from its seed on every platform and Swift version, which
/// `SystemRandomNumberGenerator` is not, and the model draws tens of millions of numbers per run,
/// so the generator is a value type with inlinable, branch-free steps.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// random.nextDouble()          // the same value on every machine
/// random.poisson(mean: 3.5)    // a Poisson draw
/// var reporting = random.fork(stream: 2)   // an independent stream for another purpose
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A generator for another purpose (reporting, a second run) whose sequence does not overlap
    /// this one's in practice: the seed and the stream number are mixed through SplitMix64.
    public func fork(stream: UInt64) -> SeededGenerator {
        var mixer = SplitMix64(state: s0 ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        return SeededGenerator(seed: mixer.next() ^ s3)
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [0, 1) with 24 random bits: enough for per-family coin flips.
    @inlinable
    public mutating func nextFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// `true` with probability `p`.
    @inlinable
    public mutating func chance(_ p: Double) -> Bool {
        nextDouble() < p
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inlinable
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in the closed range.
    @inlinable
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// One element of a non-empty collection.
    @inlinable
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + below(elements.count)]
    }

    /// One element drawn with probability proportional to its weight (one uniform draw); `nil`
    /// when no weight is positive.
    public mutating func pick<C: Collection>(_ elements: C, weight: (C.Element) -> Double) -> C.Element? {
        let total = elements.reduce(0) { $0 + max(0, weight($1)) }
        guard total > 0 else { return nil }
        var draw = nextDouble() * total
        var last: C.Element?
        for element in elements {
            let w = weight(element)
            guard w > 0 else { continue }
            draw -= w
            last = element
            if draw < 0 { return element }
        }
        return last  // rounding left the draw a hair above zero
    }

    /// A standard normal draw (Box–Muller; one of the pair is discarded for simplicity).
    public mutating func normal() -> Double {
        var u = nextDouble()
        while u <= .leastNormalMagnitude { u = nextDouble() }
        let v = nextDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A Poisson draw: Knuth's product method for small means, a rounded normal approximation
    /// above 30 (where its error is far below the model's own uncertainty).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            return max(0, Int((mean + mean.squareRoot() * normal()).rounded()))
        }
        let limit = exp(-mean)
        var product = nextDouble()
        var count = 0
        while product > limit {
            product *= nextDouble()
            count += 1
        }
        return count
    }

    /// A binomial draw: exact coin flips for small `n`, Poisson or normal approximations above.
    public mutating func binomial(trials n: Int, probability p: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        if p >= 1 { return n }
        if n <= 64 {
            var count = 0
            for _ in 0..<n where nextDouble() < p { count += 1 }
            return count
        }
        let mean = Double(n) * p
        if p < 0.05 { return min(n, poisson(mean: mean)) }
        let sd = (mean * (1 - p)).squareRoot()
        return min(n, max(0, Int((mean + sd * normal()).rounded())))
    }

    @inlinable
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): used only to expand a seed into xoshiro's state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
