/// Finds cues in text: every cue compiled once into a word automaton and a phrase trie, the text
/// scanned once.
///
/// Matching is by whole words (see ``CuePattern`` for case, diacritics, open words and Hangul
/// eojeol). Two words of a cue match two tokens in a row separated by one space, hyphen or
/// apostrophe; any other punctuation between them breaks the cue.
///
/// ```swift
/// let matcher = try CueMatcher(cues: ["bereaved families", "families", "gift*"])
/// var scanner = matcher.makeScanner()
/// let text = "Gifts reached bereaved families."
/// for match in scanner.matches(in: text, mode: .leftmostLongest) {
///     print(matcher.cues[matcher.patternsOfPhrase[match.phrase][0]], match.bytes)
/// }
/// // gift* 0..<5
/// // bereaved families 14..<31
/// ```
public struct CueMatcher: Sendable {
    /// How overlapping candidates are resolved.
    public enum Mode: Sendable {
        /// From left to right, the longest cue starting at a token; matching resumes after it
        /// (the semantics of grep -w with several patterns, and of the Python baselines).
        case leftmostLongest
        /// Every cue not inside a longer one: cues may overlap, but a cue inside a longer one
        /// ("not" in "not only") is dropped. Different cues over the same words are all kept.
        case maximal
        /// Every cue, those inside a longer one marked ``PhraseMatch/shadowed``: what the coder
        /// scans with, since context cues count even inside longer ones.
        case all
    }

    /// The cues, in the order given.
    public let patterns: [CuePattern]
    /// Per cue: its phrase id. Cues that fold to the same words share a phrase.
    public let phraseOfPattern: [Int]
    /// Per phrase: the cues that compile to it.
    public let patternsOfPhrase: [[Int]]

    let words: WordAutomaton
    let trie: PhraseTrie
    /// The word id of `<number>`, or -1 when no cue uses it.
    let numberWord: Int32

    /// Compiles cues given as text; see ``CuePattern`` for the syntax.
    public init(cues: [String], particles: [String] = []) throws(CuePatternError) {
        var patterns: [CuePattern] = []
        for cue in cues { patterns.append(try CuePattern(cue)) }
        self.init(patterns: patterns, particles: particles)
    }

    /// - Parameter particles: what may follow a particle word (`청진=`) in an eojeol.
    public init(patterns: [CuePattern], particles: [String] = []) {
        var entries: [WordAutomaton.Entry] = []
        var idOfEntry: [WordAutomaton.Entry: Int32] = [:]
        var wordLists: [[Int32]] = []
        var number: Int32 = -1
        for pattern in patterns {
            var ids: [Int32] = []
            for word in pattern.words {
                let entry = WordAutomaton.Entry(bytes: word.bytes, mode: word.mode)
                if let id = idOfEntry[entry] {
                    ids.append(id)
                } else {
                    let id = Int32(entries.count)
                    entries.append(entry)
                    idOfEntry[entry] = id
                    if word.mode == .number { number = id }
                    ids.append(id)
                }
            }
            wordLists.append(ids)
        }
        var trie = PhraseTrieBuilder(wordCount: entries.count)
        var phraseOfPattern: [Int] = []
        var patternsOfPhrase: [[Int]] = []
        for (index, ids) in wordLists.enumerated() {
            let phrase = Int(trie.insert(ids, newPhraseID: Int32(patternsOfPhrase.count)))
            if phrase == patternsOfPhrase.count { patternsOfPhrase.append([]) }
            patternsOfPhrase[phrase].append(index)
            phraseOfPattern.append(phrase)
        }
        self.patterns = patterns
        self.phraseOfPattern = phraseOfPattern
        self.patternsOfPhrase = patternsOfPhrase
        self.words = WordAutomaton(entries: entries, particles: particles)
        self.trie = PhraseTrie(trie)
        self.numberWord = number
    }

    public var phraseCount: Int { patternsOfPhrase.count }

    /// A scanner with its own scratch buffers; make one per thread and reuse it across documents.
    public func makeScanner() -> CueScanner { CueScanner(matcher: self) }
}

/// One cue found in a text.
public struct PhraseMatch: Hashable, Sendable {
    /// The phrase id (see ``CueMatcher/patternsOfPhrase``).
    public var phrase: Int
    /// UTF-8 byte offsets of the match in the scanned text.
    public var bytes: Range<Int>
    /// Indices of the first and last token of the match among the scanned tokens.
    public var tokens: ClosedRange<Int>
    /// Inside a longer match (only reported in ``CueMatcher/Mode/all``).
    public var shadowed: Bool
    /// Inside (or over the same words as) a phrase a pack lists only to neutralise what it
    /// contains; set by the coder, ignored by everything.
    var neutralized = false
}
