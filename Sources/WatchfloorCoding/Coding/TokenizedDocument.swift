/// A document's text as the coder works on it: every token with its byte range, the cues found
/// (maximal matches), the sentences, and where clauses break. A class, so that the coder's stages
/// share one copy.
final class TokenizedDocument {
    struct Sentence {
        /// Token indices.
        var tokens: Range<Int>
        /// UTF-8 byte range of the sentence, trailing punctuation and quotes included.
        var bytes: Range<Int>
        /// Paragraphs are separated by a blank line.
        var paragraph: Int
    }

    let bytes: [UInt8]
    let starts: [Int32]
    let ends: [Int32]
    let flags: [UInt8]
    /// Cues found, ordered by first token, those inside longer ones marked `shadowed`.
    private(set) var matches: [PhraseMatch]
    let sentences: [Sentence]
    /// Per token: the index of its sentence.
    let sentenceOfToken: [Int32]
    /// Per token: punctuation that ends a clause (`,` `;` `:` brackets, dashes, quotes) stands between
    /// it and the token before.
    let clauseBreakBefore: [Bool]
    let isASCII: Bool
    /// Per token: where it stands, in tenths of a word (``unitsPerWord``). Distances in a pack
    /// (a role `within`, a scope of `tokens`, a compound's reach) are counted in words. A token
    /// is a word, except a single Han character or kana, which is a fraction of one: Chinese and
    /// Japanese are not written in words, and a rule's reach must cover about as much text in
    /// every language.
    let positions: [Int32]
    static let unitsPerWord: Int32 = 10

    /// - Parameter shadows: per phrase, whether a match of it hides the shorter matches inside it.
    ///   Phrases that only annotate (attributes, sincerity, context) hide nothing: "privately
    ///   complained" marks coercion and leaves "complained" to code discontent.
    /// - Parameter ideographUnits: the tenths of a word a single Han character or kana counts for.
    init(text: String, scanner: inout CueScanner, shadows: [Bool], describes: [Bool], ideographUnits: Int32 = 4) {
        var text = text
        let bytes = text.withUTF8 { Array($0) }
        var matches = bytes.withUnsafeBufferPointer { scanner.matches(in: $0, mode: .all, allTokens: true) }
        var furthestBefore = -1
        var index = 0
        while index < matches.count {
            let start = matches[index].tokens.lowerBound
            var end = index
            var longestHere = -1
            while end < matches.count, matches[end].tokens.lowerBound == start {
                if shadows[matches[end].phrase] { longestHere = max(longestHere, matches[end].tokens.upperBound) }
                end += 1
            }
            for k in index..<end {
                let last = matches[k].tokens.upperBound
                matches[k].shadowed = furthestBefore >= last || longestHere > last
            }
            furthestBefore = max(furthestBefore, longestHere)
            index = end
        }
        for d in matches.indices where describes[matches[d].phrase] {
            let span = matches[d].tokens
            var k = d
            while k > 0, matches[k - 1].tokens.lowerBound >= span.lowerBound { k -= 1 }
            while k < matches.count, matches[k].tokens.lowerBound <= span.upperBound {
                if k != d, matches[k].phrase != matches[d].phrase, span.contains(matches[k].tokens.lowerBound),
                    span.contains(matches[k].tokens.upperBound)
                {
                    matches[k].neutralized = true
                }
                k += 1
            }
        }
        self.bytes = bytes
        self.starts = scanner.starts
        self.ends = scanner.ends
        self.flags = scanner.flags
        self.matches = matches
        var positions = [Int32](repeating: 0, count: scanner.starts.count)
        var position: Int32 = 0
        for (index, flag) in scanner.flags.enumerated() {
            positions[index] = position
            position += flag & CueScanner.ideograph != 0 ? ideographUnits : Self.unitsPerWord
        }
        self.positions = positions
        isASCII = bytes.allSatisfy { $0 < 0x80 }
        var breaks = [Bool](repeating: false, count: scanner.starts.count)
        for index in breaks.indices.dropFirst() {
            for byte in bytes[Int(ends[index - 1])..<Int(starts[index])] {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
                    UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""), 0xE2, 0xE3, 0xEF:
                    // 0xE2: dashes and other punctuation; 0xE3 and 0xEF (between tokens): CJK and
                    // full-width punctuation (、，；：「」（）)
                    breaks[index] = true
                default: break
                }
            }
        }
        clauseBreakBefore = breaks
        let sentences = SentenceSplitter.split(bytes: bytes, starts: starts, ends: ends, flags: flags)
        var sentenceOf = [Int32](repeating: 0, count: starts.count)
        for (index, sentence) in sentences.enumerated() {
            for token in sentence.tokens { sentenceOf[token] = Int32(index) }
        }
        self.sentences = sentences
        sentenceOfToken = sentenceOf
    }

    var tokenCount: Int { starts.count }

    /// Adds a match for every compound found: a cue of its first side and one of its other side
    /// in the same sentence, within its distance. The match's phrase is `firstVirtualPhrase + k`.
    func addCompounds(_ compounds: [Compound], firstVirtualPhrase: Int, uses: [[(use: CueUse, cue: String)]]) {
        guard !compounds.isEmpty else { return }
        var sides = [(first: [Int], then: [Int])](repeating: ([], []), count: compounds.count)
        for (index, match) in matches.enumerated() where !match.shadowed && !match.neutralized {
            for (use, _) in uses[match.phrase] {
                guard case .compoundPart(let k, let isFirst) = use else { continue }
                if isFirst { sides[k].first.append(index) } else { sides[k].then.append(index) }
            }
        }
        var added: [PhraseMatch] = []
        for (k, compound) in compounds.enumerated() {
            for f in sides[k].first {
                let a = matches[f]
                let sentence = sentenceOfToken[a.tokens.lowerBound]
                var best: (gap: Int, match: PhraseMatch)?
                for t in sides[k].then where t != f {
                    let b = matches[t]
                    guard sentenceOfToken[b.tokens.lowerBound] == sentence else { continue }
                    let gap: Int
                    if b.tokens.lowerBound > a.tokens.upperBound {
                        gap = words(from: a.tokens.upperBound, to: b.tokens.lowerBound)
                    } else if !compound.ordered, b.tokens.upperBound < a.tokens.lowerBound {
                        gap = words(from: b.tokens.upperBound, to: a.tokens.lowerBound)
                    } else {
                        continue
                    }
                    guard gap <= compound.within, gap < (best?.gap ?? Int.max) else { continue }
                    let tokens = min(a.tokens.lowerBound, b.tokens.lowerBound)...max(a.tokens.upperBound, b.tokens.upperBound)
                    let bytes = min(a.bytes.lowerBound, b.bytes.lowerBound)..<max(a.bytes.upperBound, b.bytes.upperBound)
                    best = (gap, PhraseMatch(phrase: firstVirtualPhrase + k, bytes: bytes, tokens: tokens, shadowed: false))
                }
                if let best, !added.contains(best.match) { added.append(best.match) }
            }
        }
        guard !added.isEmpty else { return }
        matches += added
        matches.sort { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) }
    }

    /// Words from token `a` to token `b` (`b` after `a`): `b - a` where every token is a word.
    @inline(__always) func words(from a: Int, to b: Int) -> Int {
        Int((positions[b] - positions[a]) / Self.unitsPerWord)
    }

    /// The token's text as written.
    func text(of token: Int) -> Substring {
        Substring(decoding: bytes[Int(starts[token])..<Int(ends[token])], as: UTF8.self)
    }

    func text(bytes range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The leading digits of a token and what follows them: "2025년" → (2025, 4, "년"). Full-width
    /// digits (２０２５, common in Japanese) count as digits.
    func number(of token: Int) -> (value: Int, digits: Int, suffix: Substring)? {
        var value = 0
        var index = Int(starts[token])
        let end = Int(ends[token])
        var digits = 0
        while index < end, digits < 9 {
            if bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
            } else if index + 2 < end, bytes[index] == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0x90,
                bytes[index + 2] <= 0x99
            {
                value = value * 10 + Int(bytes[index + 2] - 0x90)
                index += 3
            } else {
                break
            }
            digits += 1
        }
        guard digits > 0 else { return nil }
        return (value, digits, Substring(decoding: bytes[index..<end], as: UTF8.self))
    }

    /// The bytes between two tokens.
    func gap(before token: Int) -> ArraySlice<UInt8> {
        guard token > 0 else { return bytes[0..<Int(starts[0])] }
        return bytes[Int(ends[token - 1])..<Int(starts[token])]
    }

    /// Converts UTF-8 byte offsets into Unicode scalar offsets (what event spans count).
    func scalarSpan(_ range: Range<Int>) -> (start: Int, end: Int) {
        guard !isASCII else { return (range.lowerBound, range.upperBound) }
        func scalars(upTo offset: Int) -> Int {
            var count = 0
            for index in 0..<offset where bytes[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        let start = scalars(upTo: range.lowerBound)
        var end = start
        for index in range where bytes[index] & 0xC0 != 0x80 { end += 1 }
        return (start, end)
    }
}
