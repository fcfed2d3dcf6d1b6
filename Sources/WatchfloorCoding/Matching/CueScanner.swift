/// The scratch state of one pass of a ``CueMatcher`` over a text: the tokens found and, per
/// token, the lexicon words it is. Make one per thread and reuse it: the buffers keep their
/// capacity from one document to the next, so scanning allocates nothing in the steady state.
///
/// ```swift
/// var scanner = matcher.makeScanner()
/// for line in documents {
///     total += line.utf8.withContiguousStorageIfAvailable { scanner.countLeftmostLongest(in: $0) } ?? 0
/// }
/// ```
public struct CueScanner {
    public let matcher: CueMatcher

    // One entry per recorded token.
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []
    private(set) var chainStarts: [Int32] = []
    private(set) var chainCounts: [UInt8] = []
    private(set) var flags: [UInt8] = []
    /// The lexicon words of every token, token after token (see `chainStarts`).
    private(set) var chains: [Int32] = []
    var longestChain = 0
    private var rememberedStates = [Int32](repeating: 0, count: 8)
    private var rememberedEnds = [Int32](repeating: 0, count: 8)
    var stack: [(state: Int32, token: Int32)] = []
    var found: [(phrase: Int32, last: Int32)] = []

    /// Token flags.
    static let joined: UInt8 = 1  // follows the previous recorded token across one space, hyphen or apostrophe
    static let digit: UInt8 = 2  // starts with an ASCII digit
    static let upper: UInt8 = 4  // starts with an ASCII capital
    static let nonASCII: UInt8 = 8  // has a non-ASCII scalar

    init(matcher: CueMatcher) {
        self.matcher = matcher
        for _ in 0..<4 { stack.reserveCapacity(16) }
    }

    var tokenCount: Int { starts.count }

    // MARK: Whole-text conveniences

    /// The number of cues found from left to right, longest first, without overlaps.
    public mutating func countLeftmostLongest(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        scan(bytes, allTokens: false)
        var count = 0
        var token = 0
        let total = starts.count
        while token < total {
            let found = longest(from: token)
            if found.phrase >= 0 {
                count += 1
                token = found.last + 1
            } else {
                token += 1
            }
        }
        return count
    }

    /// The cues found in `text`.
    public mutating func matches(in text: String, mode: CueMatcher.Mode) -> [PhraseMatch] {
        var text = text
        return text.withUTF8 { matches(in: $0, mode: mode, allTokens: false) }
    }

    /// Scans `bytes` and returns its cues; with `allTokens` every token is kept (the coder
    /// measures windows in tokens), otherwise only tokens that are lexicon words.
    public mutating func matches(
        in bytes: UnsafeBufferPointer<UInt8>, mode: CueMatcher.Mode, allTokens: Bool
    ) -> [PhraseMatch] {
        scan(bytes, allTokens: allTokens)
        return collectMatches(mode: mode)
    }

    // MARK: Scanning

    /// Tokenises `bytes` and looks every token up in the word automaton.
    ///
    /// The hot loop of matching: one table lookup per byte for the byte's column, one for the
    /// transition; a token whose prefix is no lexicon word is skipped to its end without lookups.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, allTokens: Bool) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        chainStarts.removeAll(keepingCapacity: true)
        chainCounts.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        chains.removeAll(keepingCapacity: true)
        longestChain = 0
        let automaton = matcher.words
        let columns = Int32(automaton.columns)
        let numberWord = matcher.numberWord
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        automaton.scanClass.withUnsafeBufferPointer { scanClassBuffer in
            automaton.highClass.withUnsafeBufferPointer { highClassBuffer in
                automaton.offsets.withUnsafeBufferPointer { offsetsBuffer in
                    let scanClass = scanClassBuffer.baseAddress!
                    let highClass = highClassBuffer.baseAddress!
                    let offsets = offsetsBuffer.baseAddress!
                    let root = columns
                    var i = 0
                    var previousEnd = -2
                    var previousRecorded = false
                    outer: while i < n {
                        var column = scanClass[Int(base[i])]
                        while column == 0 {
                            i &+= 1
                            if i == n { break outer }
                            column = scanClass[Int(base[i])]
                        }
                        if column == 255 {
                            let (scalar, length) = ScalarFolding.decode(bytes, at: i)
                            if case .separator = ScalarFolding.kind(of: scalar) {
                                i &+= length
                                continue
                            }
                        }
                        // A token starts at i.
                        let start = i
                        let first = base[i]
                        var state = root
                        var remembered = 0
                        var sawNonASCII = false
                        token: while true {
                            if column != 255 {
                                if state == 0 {
                                    // Dead: skip the rest of an ASCII run without lookups.
                                    repeat {
                                        i &+= 1
                                        if i == n { break token }
                                        column = scanClass[Int(base[i])]
                                    } while column != 0 && column != 255
                                    if column == 0 { break token }
                                    continue token
                                }
                                var next = offsets[Int(state &+ Int32(column))]
                                i &+= 1
                                if next < 0 {
                                    next = -next
                                    if remembered < 8 {
                                        rememberedStates[remembered] = next / columns
                                        rememberedEnds[remembered] = Int32(truncatingIfNeeded: i)
                                        remembered &+= 1
                                    }
                                }
                                state = next
                            } else {
                                let (scalar, length) = ScalarFolding.decode(bytes, at: i)
                                switch ScalarFolding.kind(of: scalar) {
                                case .separator:
                                    break token
                                case .ascii(let letter):
                                    if state != 0 { state = offsets[Int(state &+ Int32(scanClass[Int(letter)]))] }
                                case .word:
                                    var k = 0
                                    while state > 0, k < length {
                                        state = offsets[Int(state &+ Int32(highClass[Int(base[i &+ k]) &- 128]))]
                                        k &+= 1
                                    }
                                }
                                sawNonASCII = true
                                i &+= length
                                if state < 0 {
                                    state = -state
                                    if remembered < 8 {
                                        rememberedStates[remembered] = state / columns
                                        rememberedEnds[remembered] = Int32(truncatingIfNeeded: i)
                                        remembered &+= 1
                                    }
                                }
                            }
                            if i == n { break }
                            column = scanClass[Int(base[i])]
                            if column == 0 { break }
                        }
                        let end = i
                        let isDigit = first >= 48 && first <= 57
                        if state == 0, remembered == 0, !allTokens, !(isDigit && numberWord >= 0) {
                            // The common case: no lexicon word, nothing to record.
                            previousRecorded = false
                            previousEnd = end
                            continue outer
                        }
                        // The lexicon words this token is, most specific first.
                        let chainStart = chains.count
                        if state != 0 {
                            let exact = automaton.exactWord[Int(state / columns)]
                            if exact >= 0 { chains.append(exact) }
                        }
                        var r = remembered &- 1
                        while r >= 0 {
                            let s = Int(rememberedStates[r])
                            let open = automaton.openWord[s]
                            if open >= 0 { chains.append(open) }
                            let particle = automaton.particleWord[s]
                            if particle >= 0, automaton.isParticleRun(bytes, from: Int(rememberedEnds[r]), to: end) {
                                chains.append(particle)
                            }
                            r &-= 1
                        }
                        if numberWord >= 0, isDigit { chains.append(numberWord) }
                        let chainCount = chains.count &- chainStart
                        let record = allTokens || chainCount > 0
                        if record {
                            var flag: UInt8 = 0
                            if start &- previousEnd == 1, allTokens || previousRecorded {
                                let gap = base[previousEnd]
                                if gap == 32 || gap == 45 || gap == 39 { flag |= Self.joined }
                            }
                            if isDigit { flag |= Self.digit }
                            if first >= 65 && first <= 90 { flag |= Self.upper }
                            if sawNonASCII { flag |= Self.nonASCII }
                            starts.append(Int32(truncatingIfNeeded: start))
                            ends.append(Int32(truncatingIfNeeded: end))
                            chainStarts.append(Int32(truncatingIfNeeded: chainStart))
                            chainCounts.append(UInt8(min(chainCount, 255)))
                            flags.append(flag)
                            if chainCount > longestChain { longestChain = chainCount }
                        }
                        previousRecorded = record
                        previousEnd = end
                    }
                }
            }
        }
    }
}
