/// Splits tokenised text into sentences.
///
/// A sentence ends at a line break, or at `.` `!` `?` followed by white space (after any closing
/// quotes or brackets) when the next word does not start with a lower-case letter. A full stop
/// after an abbreviation ("Mr.", "Gen.", "Sept.") or a single letter ("U.S.", "J. Smith") does not
/// end an English sentence; after Hangul it always does (`다.`, `요.`). Chinese and Japanese end a
/// sentence at `。` `！` `？` (and their full-width forms), with or without white space after.
///
/// A "sentence" longer than ``maxTokens`` (a list, a table flattened to text, a page with no
/// punctuation) is cut into pieces of that length: every per-sentence step of the coder (rules,
/// roles, compounds, modifiers) then works on a bounded piece, and a document costs time in
/// proportion to its length. Real sentences are far shorter (reporting rarely passes 80 words).
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "rep", "reps", "sen", "gov",
        "pres", "prof", "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "no", "nos", "vol", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "dept", "univ", "approx", "est",
        "al", "fig", "gov't", "govt", "rev", "hon", "op",
    ]

    /// The longest piece of text coded as one sentence, in tokens.
    static let maxTokens = 250

    static let germanMonths: Set<String> = [
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "dezember",
    ]

    static func split(bytes: [UInt8], starts: [Int32], ends: [Int32], flags: [UInt8]) -> [TokenizedDocument.Sentence] {
        let count = starts.count
        guard count > 0 else { return [] }
        var sentences: [TokenizedDocument.Sentence] = []
        var first = 0
        var paragraph = 0

        func close(at last: Int, nextParagraph: Bool) {
            let start = leadingStart(bytes: bytes, tokenStart: Int(starts[first]), previousEnd: first > 0 ? Int(ends[first - 1]) : 0)
            let limit = last + 1 < count ? Int(starts[last + 1]) : bytes.count
            let end = trailingEnd(bytes: bytes, tokenEnd: Int(ends[last]), limit: limit)
            sentences.append(.init(tokens: first..<(last + 1), bytes: start..<end, paragraph: paragraph))
            first = last + 1
            if nextParagraph { paragraph += 1 }
        }

        for token in 0..<(count - 1) {
            if token - first + 1 >= maxTokens {
                close(at: token, nextParagraph: false)
                continue
            }
            let gap = bytes[Int(ends[token])..<Int(starts[token + 1])]
            var newlines = 0
            for byte in gap where byte == 0x0A { newlines += 1 }
            if newlines > 0 {
                close(at: token, nextParagraph: newlines > 1)
                continue
            }
            if endsSentence(gap: gap, bytes: bytes, token: token, starts: starts, ends: ends, flags: flags) {
                close(at: token, nextParagraph: false)
            }
        }
        close(at: count - 1, nextParagraph: false)
        return sentences
    }

    private static func endsSentence(
        gap: ArraySlice<UInt8>, bytes: [UInt8], token: Int, starts: [Int32], ends: [Int32], flags: [UInt8]
    ) -> Bool {
        // A terminator, then (after closing quotes or brackets) white space.
        var sawTerminator = false
        var sawFullStopOnly = true
        var sawSpaceAfter = false
        if gap.count >= 3, containsIdeographicTerminator(gap) { return true }
        for byte in gap {
            switch byte {
            case UInt8(ascii: "."):
                sawTerminator = true
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                sawTerminator = true
                sawFullStopOnly = false
            case UInt8(ascii: " ") where sawTerminator:
                sawSpaceAfter = true
            default:
                break
            }
        }
        guard sawTerminator, sawSpaceAfter else { return false }
        let next = bytes[Int(starts[token + 1])]
        if next >= UInt8(ascii: "a"), next <= UInt8(ascii: "z") { return false }
        let isHangul = flags[token] & CueScanner.nonASCII != 0 && bytes[Int(ends[token]) - 1] >= 0x80
        if sawFullStopOnly, !isHangul {
            let word = String(decoding: bytes[Int(starts[token])..<Int(ends[token])], as: UTF8.self).lowercased()
            if word.count == 1, flags[token] & CueScanner.digit == 0 { return false }
            if abbreviations.contains(word) { return false }
            // A German ordinal day: "am 3. Oktober".
            if word.count <= 2, flags[token] & CueScanner.digit != 0 {
                let next = String(decoding: bytes[Int(starts[token + 1])..<Int(ends[token + 1])], as: UTF8.self).lowercased()
                if germanMonths.contains(next) { return false }
            }
        }
        return true
    }

    /// `。` (E3 80 82), `！` (EF BC 81), `？` (EF BC 9F), `．` (EF BC 8E).
    private static func containsIdeographicTerminator(_ gap: ArraySlice<UInt8>) -> Bool {
        var i = gap.startIndex
        while i + 2 < gap.endIndex {
            let (a, b, c) = (gap[i], gap[i + 1], gap[i + 2])
            if a == 0xE3, b == 0x80, c == 0x82 { return true }
            if a == 0xEF, b == 0xBC, c == 0x81 || c == 0x9F || c == 0x8E { return true }
            i += 1
        }
        return false
    }

    /// Opening quotes and brackets just before a sentence's first token belong to it.
    private static func leadingStart(bytes: [UInt8], tokenStart: Int, previousEnd: Int) -> Int {
        var start = tokenStart
        while start > previousEnd {
            let byte = bytes[start - 1]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(")
                || byte == UInt8(ascii: "[")
            else { break }
            start -= 1
        }
        return start
    }

    /// Punctuation and closing quotes after a sentence's last token, up to white space, belong to it.
    private static func trailingEnd(bytes: [UInt8], tokenEnd: Int, limit: Int) -> Int {
        var end = tokenEnd
        while end < limit, bytes[end] != UInt8(ascii: " "), bytes[end] != 0x0A { end += 1 }
        return end
    }
}
