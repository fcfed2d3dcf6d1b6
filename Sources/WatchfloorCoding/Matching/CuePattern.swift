/// A cue as written in a pack, split into the words the matcher compares token by token.
///
/// The syntax is small on purpose:
///
/// | written | matches |
/// |---|---|
/// | `bereaved families` | the two words in a row, any case, any diacritics; a space, hyphen or apostrophe between them |
/// | `deliver*` | a word that starts with `deliver`: deliver, delivered, deliveries |
/// | `유가족` | an eojeol that starts with 유가족: 유가족, 유가족에게, 유가족들은 (Hangul words match the start of an eojeol) |
/// | `청진=` | 청진 followed only by particles or the pack's Korean suffixes: 청진, 청진시, 청진에서 — not 청진기 |
/// | `숨지~` | a Korean verb stem in every regular conjugation: 숨지다, 숨져, 숨졌다, 숨진, 숨질 (see ``KoreanStem``) |
/// | `<number>` | a word that starts with a digit: 300, 2025년, 1000명 |
/// | `погиб*` | Cyrillic as Latin: any case (`Погибли`), `ё` = `е`, `*` for the endings |
/// | `遺族` | Chinese and Japanese: the characters in a row, inside any text (`戦死者遺族らに`) |
///
/// ```swift
/// let pattern = try CuePattern("families of the fallen")
/// pattern.words.map(\.text)   // ["families", "of", "the", "fallen"]
/// ```
public struct CuePattern: Hashable, Sendable, CustomStringConvertible {
    public enum Mode: UInt8, Hashable, Sendable {
        /// The token equals the word.
        case exact
        /// The token starts with the word.
        case open
        /// The token is the word followed by nothing or by particles only.
        case particles
        /// The token starts with a digit.
        case number
    }

    public struct Word: Hashable, Sendable {
        /// Folded UTF-8 bytes (empty for `number`).
        public var bytes: [UInt8]
        public var mode: Mode
        /// A Korean verb stem written `숨지~`: an `open` word that ``CuePattern/conjugated()`` expands
        /// into the stems of its conjugations. Unexpanded, it matches what starts with the stem.
        public var conjugates: Bool = false

        public var text: String { mode == .number ? "<number>" : String(decoding: bytes, as: UTF8.self) }
    }

    public var source: String
    public var words: [Word]

    public var description: String { source }

    /// Parses a cue; fails on a cue with no word in it or a marker in the wrong place.
    public init(_ source: String) throws(CuePatternError) {
        self.source = source
        var words: [Word] = []
        var current: [UInt8] = []
        var hasHangul = false
        var pendingMode: Mode?
        var pendingConjugates = false

        func finish() throws(CuePatternError) {
            guard !current.isEmpty else {
                if pendingMode != nil { throw CuePatternError(cue: source, message: "a *, = or ~ must follow a word") }
                return
            }
            let mode = pendingMode ?? (hasHangul ? .open : .exact)
            words.append(Word(bytes: current, mode: mode, conjugates: pendingConjugates))
            current.removeAll()
            hasHangul = false
            pendingMode = nil
            pendingConjugates = false
        }

        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                let rest = String(String.UnicodeScalarView(scalars[index...]))
                guard rest.hasPrefix("<number>") else {
                    throw CuePatternError(cue: source, message: "the only placeholder is <number>")
                }
                try finish()
                words.append(Word(bytes: [], mode: .number))
                index += "<number>".unicodeScalars.count
                continue
            }
            if scalar == "*" || scalar == "=" || scalar == "~" {
                guard !current.isEmpty, pendingMode == nil else {
                    throw CuePatternError(cue: source, message: "a \(scalar) must directly follow a word")
                }
                if scalar == "~" {
                    guard let last = String(decoding: current, as: UTF8.self).unicodeScalars.last,
                        KoreanStem.isSyllable(last)
                    else {
                        throw CuePatternError(cue: source, message: "a ~ marks a Korean verb stem and must follow a Hangul syllable")
                    }
                    pendingConjugates = true
                }
                pendingMode = scalar == "=" ? .particles : .open
                try finish()
                index += 1
                if index < scalars.count, case .separator = ScalarFolding.kind(of: scalars[index]) {} else if index < scalars.count {
                    throw CuePatternError(cue: source, message: "a \(scalar) must end a word")
                }
                continue
            }
            switch ScalarFolding.kind(of: scalar) {
            case .ascii(let letter):
                current.append(letter)
            case .word:
                current.append(contentsOf: Array(String(scalar).utf8))
                if ScalarFolding.isHangul(scalar.value) { hasHangul = true }
            case .folded(let lower):
                current.append(contentsOf: Array(String(lower).utf8))
            case .ideograph:
                // Each Han character or kana is a word of its own, matched exactly; a marker after
                // one would be meaningless (tokens are single characters).
                try finish()
                if index + 1 < scalars.count, ["*", "=", "~"].contains(scalars[index + 1]) {
                    throw CuePatternError(cue: source, message: "Chinese and Japanese cues match inside any text: no * = or ~ after them")
                }
                words.append(Word(bytes: Array(String(scalar).utf8), mode: .exact))
            case .separator:
                try finish()
            }
            index += 1
        }
        try finish()
        guard !words.isEmpty else { throw CuePatternError(cue: source, message: "expected at least one word") }
        self.words = words
    }

    /// The words joined by spaces, markers included: two cues with the same key match the same text.
    public var key: String {
        words.map { word in
            switch word.mode {
            case .exact: word.text
            case .open: word.text + (word.conjugates ? "~" : "*")
            case .particles: word.text + "="
            case .number: "<number>"
            }
        }.joined(separator: " ")
    }
}

extension CuePattern {
    /// The pattern with every Korean verb stem (`숨지~`) replaced by the stems of its conjugations,
    /// one pattern per combination; a pattern without one is returned alone.
    ///
    /// ```swift
    /// try CuePattern("숨지~").conjugated().map(\.key)   // ["숨지*", "숨진*", "숨질*", "숨짐*", "숨집*", "숨져*", "숨졌*"]
    /// ```
    public func conjugated() -> [CuePattern] {
        var results = [self]
        for (index, word) in words.enumerated() where word.conjugates {
            let forms = KoreanStem.forms(of: String(decoding: word.bytes, as: UTF8.self))
            results = results.flatMap { base in
                forms.map { form in
                    var copy = base
                    copy.words[index] = Word(bytes: Array(form.utf8), mode: .open)
                    return copy
                }
            }
        }
        return results
    }
}

/// A cue the matcher cannot compile.
public struct CuePatternError: Error, CustomStringConvertible, Sendable, Equatable {
    public var cue: String
    public var message: String

    public var description: String { "cue \"\(cue)\": \(message)" }
}
