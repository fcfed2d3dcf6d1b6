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
    var rememberedStates = [Int32](repeating: 0, count: 8)
    var rememberedEnds = [Int32](repeating: 0, count: 8)
    var stack: [(state: Int32, token: Int32)] = []
    var found: [(phrase: Int32, last: Int32)] = []

    /// Token flags.
    static let joined: UInt8 = 1  // follows the previous recorded token across one space, hyphen or apostrophe
    static let digit: UInt8 = 2  // starts with an ASCII digit
    static let upper: UInt8 = 4  // starts with an ASCII capital
    static let nonASCII: UInt8 = 8  // has a non-ASCII scalar
    static let ideograph: UInt8 = 16  // a Han character or kana, alone

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
    /// The hot loop of matching. When only cue words are wanted and the lexicon allows it, a byte
    /// automaton with separators built in does one table load per byte and branches only where
    /// a token may be a cue word (`scanWithByteAutomaton`); otherwise each token is walked by
    /// `scanToken`, which handles every script.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, allTokens: Bool) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        chainStarts.removeAll(keepingCapacity: true)
        chainCounts.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        chains.removeAll(keepingCapacity: true)
        longestChain = 0
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let automaton = matcher.words
        automaton.scanClass.withUnsafeBufferPointer { scanClass in
            automaton.highClass.withUnsafeBufferPointer { highClass in
                automaton.offsets.withUnsafeBufferPointer { offsets in
                    let context = ScanContext(
                        bytes: bytes, base: base, scanClass: scanClass.baseAddress!, highClass: highClass.baseAddress!,
                        offsets: offsets.baseAddress!, columns: Int32(automaton.columns), numberWord: matcher.numberWord,
                        automaton: automaton, allTokens: allTokens)
                    if !allTokens, matcher.numberWord < 0, let table = automaton.byteTable {
                        table.withUnsafeBufferPointer { scanWithByteAutomaton(context, table: $0.baseAddress!) }
                    } else {
                        var i = 0
                        let n = bytes.count
                        while i < n {
                            let column = context.scanClass[Int(base[i])]
                            if column == 0 {
                                i &+= 1
                                continue
                            }
                            if column == 255 {
                                let (scalar, length) = ScalarFolding.decode(bytes, at: i)
                                if case .separator = ScalarFolding.kind(of: scalar) {
                                    i &+= length
                                    continue
                                }
                            }
                            i = scanToken(at: i, context)
                        }
                    }
                }
            }
        }
    }

    /// The tables of one scan, as raw pointers valid for its duration.
    struct ScanContext {
        let bytes: UnsafeBufferPointer<UInt8>
        let base: UnsafePointer<UInt8>
        let scanClass: UnsafePointer<UInt8>
        let highClass: UnsafePointer<UInt8>
        let offsets: UnsafePointer<Int32>
        let columns: Int32
        let numberWord: Int32
        let automaton: WordAutomaton
        let allTokens: Bool
    }

    /// Walks the token that starts at `start` through the word automaton, records it when it is a
    /// cue word (or always, with `allTokens`), and returns where it ends.
    @inline(__always)
    mutating func scanToken(at start: Int, _ c: ScanContext) -> Int {
        let base = c.base
        let n = c.bytes.count
        let columns = c.columns
        var i = start
        var column = c.scanClass[Int(base[i])]
        var state = columns  // the root
        var remembered = 0
        var sawNonASCII = false
        token: while true {
            if column != 255 {
                if state == 0 {
                    // Dead: skip the rest of an ASCII run without lookups.
                    repeat {
                        i &+= 1
                        if i == n { break token }
                        column = c.scanClass[Int(base[i])]
                    } while column != 0 && column != 255
                    if column == 0 { break token }
                    continue token
                }
                var next = c.offsets[Int(state &+ Int32(column))]
                i &+= 1
                if next < 0 {
                    next = -next
                    remember(&remembered, state: next / columns, end: i)
                }
                state = next
            } else {
                let (scalar, length) = ScalarFolding.decode(c.bytes, at: i)
                switch ScalarFolding.kind(of: scalar) {
                case .separator:
                    break token
                case .ascii(let letter):
                    if state != 0 { state = c.offsets[Int(state &+ Int32(c.scanClass[Int(letter)]))] }
                case .word:
                    var k = 0
                    while state > 0, k < length {
                        state = c.offsets[Int(state &+ Int32(c.highClass[Int(base[i &+ k]) &- 128]))]
                        k &+= 1
                    }
                case .folded(let lower):
                    // Same length as the capital: two bytes for Cyrillic.
                    let value = lower.value
                    let folded: (UInt8, UInt8) = (UInt8(0xC0 | (value >> 6)), UInt8(0x80 | (value & 0x3F)))
                    if state > 0 { state = c.offsets[Int(state &+ Int32(c.highClass[Int(folded.0) &- 128]))] }
                    if state > 0 { state = c.offsets[Int(state &+ Int32(c.highClass[Int(folded.1) &- 128]))] }
                case .ideograph:
                    // A Han character or kana is a token by itself: end the token before it, or,
                    // when it starts the token, take it alone.
                    guard i == start else { break token }
                    var k = 0
                    while state > 0, k < length {
                        state = c.offsets[Int(state &+ Int32(c.highClass[Int(base[i &+ k]) &- 128]))]
                        k &+= 1
                    }
                    sawNonASCII = true
                    i &+= length
                    if state < 0 {
                        state = -state
                        remember(&remembered, state: state / columns, end: i)
                    }
                    break token
                }
                sawNonASCII = true
                i &+= length
                if state < 0 {
                    state = -state
                    remember(&remembered, state: state / columns, end: i)
                }
            }
            if i == n { break }
            column = c.scanClass[Int(base[i])]
            if column == 0 { break }
        }
        let isDigit = Self.startsWithDigit(c.bytes, start)
        if state == 0, remembered == 0, !c.allTokens, !(isDigit && c.numberWord >= 0) {
            return i  // the common case: no cue word, nothing to record
        }
        record(start: start, end: i, state: state == 0 ? -1 : Int(state / columns), remembered: remembered,
            sawNonASCII: sawNonASCII, c)
        return i
    }

    /// An ASCII digit, or a full-width one (U+FF10–FF19, common in Japanese).
    @inline(__always)
    static func startsWithDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let first = bytes[start]
        if first >= 48 && first <= 57 { return true }
        return first == 0xEF && start + 2 < bytes.count && bytes[start + 1] == 0xBC && bytes[start + 2] >= 0x90
            && bytes[start + 2] <= 0x99
    }

    @inline(__always)
    mutating func remember(_ count: inout Int, state: Int32, end: Int) {
        guard count < 8 else { return }
        rememberedStates[count] = state
        rememberedEnds[count] = Int32(truncatingIfNeeded: end)
        count &+= 1
    }

    /// Records a token with the lexicon words it is, most specific first: the word that ends at
    /// `state`, then the open and particle words passed on the way (deepest first).
    mutating func record(start: Int, end: Int, state: Int, remembered: Int, sawNonASCII: Bool, _ c: ScanContext) {
        let automaton = c.automaton
        let chainStart = chains.count
        if state > 0 {
            let exact = automaton.exactWord[state]
            if exact >= 0 { chains.append(exact) }
        }
        var r = remembered &- 1
        while r >= 0 {
            let s = Int(rememberedStates[r])
            let open = automaton.openWord[s]
            if open >= 0 { chains.append(open) }
            let particle = automaton.particleWord[s]
            if particle >= 0, automaton.isParticleRun(c.bytes, from: Int(rememberedEnds[r]), to: end) {
                chains.append(particle)
            }
            r &-= 1
        }
        let first = c.base[start]
        let isDigit = Self.startsWithDigit(c.bytes, start)
        if c.numberWord >= 0, isDigit { chains.append(c.numberWord) }
        let chainCount = chains.count &- chainStart
        guard c.allTokens || chainCount > 0 else { return }
        var flag: UInt8 = 0
        // Joined to the previous recorded token across one soft byte (no token fits between).
        if let previousEnd = ends.last, Int(previousEnd) == start &- 1 {
            let gap = c.base[start &- 1]
            if gap == 32 || gap == 45 || gap == 39 { flag |= Self.joined }
        } else if let previousEnd = ends.last, Int(previousEnd) == start {
            flag |= Self.joined  // characters of unsegmented text (an ideograph token ends where the next begins)
        }
        if isDigit { flag |= Self.digit }
        if first >= 65 && first <= 90 { flag |= Self.upper }
        if sawNonASCII {
            flag |= Self.nonASCII
            if first >= 0xE3, first <= 0xE9 || first == 0xEF || first == 0xF0, end &- start >= 3 {
                let (scalar, length) = ScalarFolding.decode(c.bytes, at: start)
                if length == end &- start, ScalarFolding.isIdeograph(scalar.value) { flag |= Self.ideograph }
            }
        }
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
        chainStarts.append(Int32(truncatingIfNeeded: chainStart))
        chainCounts.append(UInt8(min(chainCount, 255)))
        flags.append(flag)
        if chainCount > longestChain { longestChain = chainCount }
    }
}
