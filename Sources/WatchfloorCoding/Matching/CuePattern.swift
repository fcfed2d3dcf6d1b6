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
/// | `<number>` | a word that starts with a digit: 300, 2025년, 1000명 |
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

        func finish() throws(CuePatternError) {
            guard !current.isEmpty else {
                if pendingMode != nil { throw CuePatternError(cue: source, message: "a * or = must follow a word") }
                return
            }
            let mode = pendingMode ?? (hasHangul ? .open : .exact)
            words.append(Word(bytes: current, mode: mode))
            current.removeAll()
            hasHangul = false
            pendingMode = nil
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
            if scalar == "*" || scalar == "=" {
                guard !current.isEmpty, pendingMode == nil else {
                    throw CuePatternError(cue: source, message: "a \(scalar) must directly follow a word")
                }
                pendingMode = scalar == "*" ? .open : .particles
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
            case .open: word.text + "*"
            case .particles: word.text + "="
            case .number: "<number>"
            }
        }.joined(separator: " ")
    }
}

/// A cue the matcher cannot compile.
public struct CuePatternError: Error, CustomStringConvertible, Sendable, Equatable {
    public var cue: String
    public var message: String

    public var description: String { "cue \"\(cue)\": \(message)" }
}
