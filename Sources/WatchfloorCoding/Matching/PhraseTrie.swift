/// A trie over word ids: the multi-word cues, compiled once.
///
/// A cue of *k* words is a path of *k* edges from the root; the state at its end names the phrase.
/// Edges out of the root (where almost every lookup stops) are a direct array indexed by word
/// id; deeper edges live in an open-addressing hash table keyed by (state, word).
///
/// Built by ``PhraseTrieBuilder``; immutable and shared by reference, so that scanning copies
/// nothing.
final class PhraseTrie: Sendable {
    /// `rootNext[word]`: the state after one word, or -1.
    let rootNext: [Int32]
    /// Per state: the phrase that ends here, or -1. State 0 is the root.
    let accept: [Int32]
    private let keys: [UInt64]
    private let values: [Int32]
    private let mask: Int

    init(_ builder: PhraseTrieBuilder) {
        rootNext = builder.rootNext
        accept = builder.accept
        keys = builder.keys
        values = builder.values
        mask = builder.mask
    }

    /// The state after `word` from a non-root `state`, or -1.
    @inline(__always) func next(_ state: Int32, _ word: Int32) -> Int32 {
        let key = PhraseTrieBuilder.key(state, word)
        var slot = PhraseTrieBuilder.slot(key, mask)
        return keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                while true {
                    let found = keys[slot]
                    if found == key { return values[slot] }
                    if found == PhraseTrieBuilder.empty { return -1 }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }
}

/// Collects the phrases of a ``PhraseTrie``.
struct PhraseTrieBuilder {
    private(set) var rootNext: [Int32]
    private(set) var accept: [Int32] = [-1]
    fileprivate var keys: [UInt64]
    fileprivate var values: [Int32]
    fileprivate var mask: Int
    private var edgeCount = 0

    fileprivate static let empty = UInt64.max

    init(wordCount: Int) {
        rootNext = [Int32](repeating: -1, count: wordCount)
        keys = [UInt64](repeating: Self.empty, count: 64)
        values = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    /// Adds a phrase and returns the phrase id it ends on (an existing one for a repeated path).
    mutating func insert(_ words: [Int32], newPhraseID: Int32) -> Int32 {
        precondition(!words.isEmpty)
        var state = rootNext[Int(words[0])]
        if state < 0 {
            state = newState()
            rootNext[Int(words[0])] = state
        }
        for word in words.dropFirst() {
            var target = next(state, word)
            if target < 0 {
                target = newState()
                setEdge(state, word, target)
            }
            state = target
        }
        if accept[Int(state)] < 0 { accept[Int(state)] = newPhraseID }
        return accept[Int(state)]
    }

    private mutating func newState() -> Int32 {
        accept.append(-1)
        return Int32(accept.count - 1)
    }

    @inline(__always) fileprivate static func key(_ state: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always) fileprivate static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The state after `word` from a non-root `state`, or -1.
    @inline(__always) func next(_ state: Int32, _ word: Int32) -> Int32 {
        let key = Self.key(state, word)
        var slot = Self.slot(key, mask)
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == Self.empty { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func setEdge(_ state: Int32, _ word: Int32, _ target: Int32) {
        if (edgeCount + 1) * 2 > keys.count { grow() }
        let key = Self.key(state, word)
        var slot = Self.slot(key, mask)
        while keys[slot] != Self.empty { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = target
        edgeCount += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            var slot = Self.slot(key, mask)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
