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
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, allTokens: Bool) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        chainStarts.removeAll(keepingCapacity: true)
        chainCounts.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        chains.removeAll(keepingCapacity: true)
        longestChain = 0
        let automaton = matcher.words
        let columns = automaton.columns
        let numberWord = matcher.numberWord
        automaton.scanClass.withUnsafeBufferPointer { scanClass in
            automaton.highClass.withUnsafeBufferPointer { highClass in
                automaton.transitions.withUnsafeBufferPointer { transitions in
                    automaton.remembers.withUnsafeBufferPointer { remembers in
                        let n = bytes.count
                        var i = 0
                        var previousEnd = -2
                        var previousRecorded = false
                        while i < n {
                            var column = scanClass[Int(bytes[i])]
                            if column == 0 {
                                i += 1
                                continue
                            }
                            if column == 255 {
                                let (scalar, length) = ScalarFolding.decode(bytes, at: i)
                                if case .separator = ScalarFolding.kind(of: scalar) {
                                    i += length
                                    continue
                                }
                            }
                            // A token starts at i.
                            let start = i
                            let first = bytes[i]
                            var state = WordAutomaton.root
                            var remembered = 0
                            var sawNonASCII = false
                            token: while true {
                                if column == 255 {
                                    let (scalar, length) = ScalarFolding.decode(bytes, at: i)
                                    switch ScalarFolding.kind(of: scalar) {
                                    case .separator:
                                        break token
                                    case .ascii(let letter):
                                        if state != 0 {
                                            state = transitions[Int(state) * columns + Int(scanClass[Int(letter)])]
                                        }
                                    case .word:
                                        var k = 0
                                        while state != 0, k < length {
                                            let column = highClass[Int(bytes[i + k]) - 128]
                                            state = transitions[Int(state) * columns + Int(column)]
                                            k += 1
                                        }
                                    }
                                    sawNonASCII = true
                                    i += length
                                } else if state != 0 {
                                    state = transitions[Int(state) * columns + Int(column)]
                                    i += 1
                                } else {
                                    // Dead: skip the rest of an ASCII run without looking anything up.
                                    i += 1
                                    while i < n {
                                        column = scanClass[Int(bytes[i])]
                                        if column == 0 || column == 255 { break }
                                        i += 1
                                    }
                                    if i >= n || column == 0 { break token }
                                    continue token
                                }
                                if state != 0, remembers[Int(state)], remembered < 8 {
                                    rememberedStates[remembered] = state
                                    rememberedEnds[remembered] = Int32(i)
                                    remembered += 1
                                }
                                if i >= n { break }
                                column = scanClass[Int(bytes[i])]
                                if column == 0 { break }
                            }
                            let end = i
                            // The lexicon words this token is, most specific first.
                            let chainStart = chains.count
                            if state != 0 {
                                let exact = automaton.exactWord[Int(state)]
                                if exact >= 0 { chains.append(exact) }
                            }
                            var r = remembered - 1
                            while r >= 0 {
                                let s = Int(rememberedStates[r])
                                let open = automaton.openWord[s]
                                if open >= 0 { chains.append(open) }
                                let particle = automaton.particleWord[s]
                                if particle >= 0,
                                    automaton.isParticleRun(bytes, from: Int(rememberedEnds[r]), to: end)
                                {
                                    chains.append(particle)
                                }
                                r -= 1
                            }
                            let isDigit = first >= 48 && first <= 57
                            if numberWord >= 0, isDigit { chains.append(numberWord) }
                            let chainCount = chains.count - chainStart
                            let record = allTokens || chainCount > 0
                            if record {
                                var flag: UInt8 = 0
                                if start - previousEnd == 1, allTokens || previousRecorded {
                                    let gap = bytes[previousEnd]
                                    if gap == 32 || gap == 45 || gap == 39 { flag |= Self.joined }
                                }
                                if isDigit { flag |= Self.digit }
                                if first >= 65 && first <= 90 { flag |= Self.upper }
                                if sawNonASCII { flag |= Self.nonASCII }
                                starts.append(Int32(start))
                                ends.append(Int32(end))
                                chainStarts.append(Int32(chainStart))
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
}
