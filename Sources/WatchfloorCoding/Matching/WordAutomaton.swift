/// A deterministic automaton over folded UTF-8 bytes that recognises the words of a cue lexicon.
///
/// The text is scanned once, byte by byte: each byte of a token moves the automaton along a trie
/// of the lexicon's words, so a word that is not in the lexicon dies after a byte or two and the
/// rest of it is skipped. At the end of a token the states passed tell which lexicon words the
/// token is: the exact word, and every *open* word (`deliver*`, Hangul stems) or *particle* word
/// (`청진=`) that is a prefix of it. Byte classes keep the transition table small: only bytes used
/// by the lexicon get a column of their own.
struct WordAutomaton: Sendable {
    /// A word of the lexicon, as the pattern compiler sees it.
    struct Entry: Hashable {
        var bytes: [UInt8]
        var mode: CuePattern.Mode
    }

    /// Per byte, for the scanning loop: 0 separator (ASCII), 255 a non-ASCII byte (decode the
    /// scalar), otherwise the column of the folded byte (1 = a word byte no lexicon word uses).
    let scanClass: [UInt8]
    /// The column of a non-ASCII byte (index `byte - 128`) when a scalar is fed byte by byte.
    let highClass: [UInt8]
    let columns: Int
    /// The transition table (`[state * columns + column]`, state 0 dead, state 1 the root) for the
    /// scanning loop, with targets pre-multiplied by `columns` (so the loop
    /// needs no multiplication) and negated when the target carries an open or particle word (so
    /// remembering it costs a sign test): `next = offsets[offset + column]`.
    let offsets: [Int32]
    /// Per state: the word that ends exactly here, or -1.
    let exactWord: [Int32]
    /// Per state: the open word (any continuation) that ends here, or -1.
    let openWord: [Int32]
    /// Per state: the particle word (continuation must be particles) that ends here, or -1.
    let particleWord: [Int32]
    /// Per state: whether it carries an open or particle word (to be remembered mid-token).
    let remembers: [Bool]
    /// Folded UTF-8 of the particles and suffixes a particle word may carry, longest first.
    let particles: [[UInt8]]
    /// The same automaton over raw bytes with separators built in, for scans that want only cue
    /// words (see `CueScanner.scanWithByteAutomaton`); `nil` when too large, or when the lexicon
    /// has a number word, which that scan cannot see. (It is 1 KiB per state: for the
    /// eight-language pack, whose lexicon has a number word, building it anyway took ~60 MB.)
    let byteTable: [UInt32]?

    static let dead: Int32 = 0
    static let root: Int32 = 1

    /// - Parameter entries: the lexicon; entry `i` is word id `i`. `number` entries are ignored here.
    init(entries: [Entry], particles: [String]) {
        var used = Set<UInt8>()
        for entry in entries { used.formUnion(entry.bytes) }
        var columnOf = [UInt8](repeating: 1, count: 256)
        var next = 2
        for byte in used.sorted() {
            columnOf[Int(byte)] = UInt8(next)
            next += 1
        }
        precondition(next < 255, "a lexicon uses more than 252 distinct bytes")
        columns = next

        var scan = [UInt8](repeating: 255, count: 256)
        for byte in 0..<128 {
            let folded = ScalarFolding.asciiFold[byte]
            scan[byte] = folded == 0 ? 0 : columnOf[Int(folded)]
        }
        scanClass = scan
        highClass = Array(columnOf[128..<256])

        // Build the trie, in a table reserved at its final size: grown by doubling, it held up to
        // twice its size (46 MB for the eight-language pack, whose table is ~26 MB).
        var table = [Int32](repeating: 0, count: 2 * next)
        table.reserveCapacity((Self.trieStates(entries) + 2) * next)
        var exact: [Int32] = [-1, -1]
        var open: [Int32] = [-1, -1]
        var particle: [Int32] = [-1, -1]
        for (id, entry) in entries.enumerated() where entry.mode != .number {
            var state = Int(Self.root)
            for byte in entry.bytes {
                let column = Int(columnOf[Int(byte)])
                var target = Int(table[state * next + column])
                if target == 0 {
                    target = exact.count
                    table.append(contentsOf: repeatElement(0, count: next))
                    exact.append(-1)
                    open.append(-1)
                    particle.append(-1)
                    table[state * next + column] = Int32(target)
                }
                state = target
            }
            switch entry.mode {
            case .exact: exact[state] = Int32(id)
            case .open: open[state] = Int32(id)
            case .particles: particle[state] = Int32(id)
            case .number: break
            }
        }
        assert(exact.count == Self.trieStates(entries) + 1, "the trie's size was estimated wrongly")
        exactWord = exact
        openWord = open
        particleWord = particle
        remembers = zip(open, particle).map { $0 >= 0 || $1 >= 0 }
        byteTable = entries.contains { $0.mode == .number }
            ? nil
            : Self.byteTable(transitions: table, columns: next, columnOf: columnOf, exact: exact, remembers: remembers)
        // In place: a second table of this size at once added ~26 MB to the coder's peak.
        let remembered = remembers
        for i in table.indices {
            let target = table[i]
            let offset = target * Int32(next)
            table[i] = remembered[Int(target)] ? -offset : offset
        }
        offsets = table
        self.particles = Set(particles.map { Array(ScalarFolding.foldedWords($0).joined().utf8) })
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    // MARK: The byte automaton

    /// Rows of the byte table: between tokens, in a token that is no cue word, in such a token
    /// after an open or particle word; then one row per trie state (trie state `s` is row `s + 2`).
    static let separatorRow: UInt32 = 0
    static let deadRow: UInt32 = 1
    static let deadRememberingRow: UInt32 = 2
    /// A token ended just before this byte (an ASCII separator): look at the state it ended in.
    static let tokenEnd: UInt32 = 0x8000_0001
    /// A non-ASCII byte: the token is walked scalar by scalar instead.
    static let nonASCII: UInt32 = 0x8000_0002
    /// Set on a target that carries an open or particle word, to be remembered.
    static let rememberFlag: UInt32 = 0x4000_0000

    /// Entries are `row << 8` (so the next entry is `table[entry + byte]`), or a flagged value.
    private static func byteTable(
        transitions: [Int32], columns: Int, columnOf: [UInt8], exact: [Int32], remembers: [Bool]
    ) -> [UInt32]? {
        let states = exact.count
        guard states + 3 < 1 << 22 else { return nil }
        // Whether a trie state is, or descends from, a state carrying an open or particle word.
        var rememberedPath = [Bool](repeating: false, count: states)
        var queue = [Int(root)]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for column in 0..<columns {
                let child = Int(transitions[state * columns + column])
                guard child > 0 else { continue }
                rememberedPath[child] = rememberedPath[state] || remembers[child]
                queue.append(child)
            }
        }
        func row(_ trieState: Int) -> UInt32 { UInt32(trieState + 2) << 8 }
        func target(_ child: Int, from state: Int) -> UInt32 {
            if child == 0 { return (rememberedPath[state] ? deadRememberingRow : deadRow) << 8 }
            return remembers[child] ? row(child) | rememberFlag : row(child)
        }
        var table = [UInt32](repeating: 0, count: (states + 2) * 256)
        for byte in 0..<256 {
            let folded = byte < 128 ? ScalarFolding.asciiFold[byte] : 0
            let isWord = folded != 0
            let column = isWord ? Int(columnOf[Int(folded)]) : 0
            func set(_ row: UInt32, _ value: UInt32) { table[Int(row) << 8 | byte] = value }
            if byte >= 128 {
                for r in 0..<(states + 2) { table[r << 8 | byte] = nonASCII }
                continue
            }
            set(separatorRow, isWord ? target(Int(transitions[Int(root) * columns + column]), from: Int(root)) : 0)
            set(deadRow, isWord ? deadRow << 8 : 0)
            set(deadRememberingRow, isWord ? deadRememberingRow << 8 : tokenEnd)
            for state in 1..<states {
                let value: UInt32
                if isWord {
                    value = target(Int(transitions[state * columns + column]), from: state)
                } else {
                    value = exact[state] >= 0 || rememberedPath[state] ? tokenEnd : 0
                }
                table[(state + 2) << 8 | byte] = value
            }
        }
        return table
    }

    var stateCount: Int { exactWord.count }

    /// The trie's states besides the dead one: the root and one per distinct non-empty prefix of
    /// the words (counted over the words in byte order, each adding what it does not share with
    /// the one before).
    static func trieStates(_ entries: [Entry]) -> Int {
        let words = Set(entries.lazy.filter { $0.mode != .number }.map(\.bytes)).sorted { $0.lexicographicallyPrecedes($1) }
        var states = 1
        var previous: [UInt8] = []
        for word in words {
            var shared = 0
            while shared < min(word.count, previous.count), word[shared] == previous[shared] { shared += 1 }
            states += word.count - shared
            previous = word
        }
        return states
    }

    /// Whether `bytes[from..<to]` is a run of particles (greedy, longest particle first).
    func isParticleRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var i = from
        outer: while i < to {
            for particle in particles where particle.count <= to - i {
                var same = true
                for k in 0..<particle.count where bytes[i + k] != particle[k] {
                    same = false
                    break
                }
                if same {
                    i += particle.count
                    continue outer
                }
            }
            return false
        }
        return true
    }
}
