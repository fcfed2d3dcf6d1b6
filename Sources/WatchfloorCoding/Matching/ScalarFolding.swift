import Foundation

/// How the matcher sees characters: which ones make up words and how they fold.
///
/// - Word characters are ASCII `[A-Za-z0-9_]` (the semantics of `\w` in grep and of the Python
///   baselines) and every non-ASCII letter or digit (Hangul, accented Latin, Cyrillic, ...).
///   Everything else (spaces, punctuation, `·`, dashes, quotes) separates words.
/// - ASCII letters fold to lower case; Latin letters with diacritics fold to their base letter
///   (`Hamgyŏng` → `hamgyong`, `Chŏngjin` → `chongjin`), so a cue written either way matches both.
/// - Cyrillic capitals fold to lower case and `ё` to `е` (`Пхеньян` = `пхеньян`, `Ёнбён` = `енбен`).
/// - Han characters and kana are *ideographs*: Chinese and Japanese are written without spaces,
///   so each one is a token of its own, and a cue of several (`遺族`, `ロシア`) matches them in a
///   row with nothing between — inside any run of text.
/// - Other scripts are compared as written (Hangul has no case).
enum ScalarFolding {
    /// For ASCII bytes: the folded letter, or 0 for a separator.
    static let asciiFold: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) + 32
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            UInt8(byte)
        default: 0
        }
    }

    /// Latin letters U+00C0…U+024F that fold to one ASCII letter.
    private static let latinFold: [UInt8] = (0xC0...0x24F).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.isAlphabetic else { return 0 }
        let folded = String(Character(scalar)).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let bytes = Array(folded.utf8)
        guard bytes.count == 1, let letter = bytes.first, letter < 128, asciiFold[Int(letter)] != 0 else { return 0 }
        return asciiFold[Int(letter)]
    }

    /// What a non-ASCII scalar is to the matcher.
    enum Kind {
        /// Folds to this ASCII letter.
        case ascii(UInt8)
        /// A letter or digit compared by its UTF-8 bytes.
        case word
        /// A letter compared as this other scalar (a Cyrillic capital as its small letter); the
        /// two have UTF-8 encodings of the same length.
        case folded(Unicode.Scalar)
        /// A Han character or kana: a token by itself.
        case ideograph
        case separator
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 128 {
            let folded = asciiFold[Int(value)]
            return folded == 0 ? .separator : .ascii(folded)
        }
        if value >= 0xC0, value <= 0x24F {
            let folded = latinFold[Int(value) - 0xC0]
            if folded != 0 { return .ascii(folded) }
        }
        if isHangul(value) { return .word }
        if value >= 0x0400, value <= 0x04FF {
            if let lower = cyrillicLower(value) { return .folded(lower) }
            return .word
        }
        if isIdeograph(value) { return .ideograph }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
            return .word
        }
        return .separator
    }

    /// The small letter a Cyrillic capital folds to (and `ё`/`Ё` to `е`), or `nil`.
    static func cyrillicLower(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x0401, 0x0451: Unicode.Scalar(0x0435)
        case 0x0410...0x042F: Unicode.Scalar(value + 0x20)
        case 0x0400...0x040F: Unicode.Scalar(value + 0x50)
        case 0x0490...0x04BF where value % 2 == 0: Unicode.Scalar(value + 1)
        default: nil
        }
    }

    /// Han characters (with the iteration mark 々) and kana (with the prolonged sound mark ー).
    @inline(__always) static func isIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x3005, 0x3007, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F:
            true
        default: false
        }
    }

    /// Hangul syllables and jamo.
    @inline(__always) static func isHangul(_ value: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(value) || (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value)
    }

    /// Decodes the scalar starting at `bytes[i]` (valid UTF-8 is assumed; bad bytes decode as U+FFFD).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[i]
        let n = bytes.count
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= n else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let next = bytes[i + k]
            guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The folded words of `text`, as the matcher tokenises it: `"Hamgyŏng-do's"` → `["hamgyong", "do", "s"]`,
    /// `"ロシア軍"` → `["ロ", "シ", "ア", "軍"]`.
    static func foldedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .ascii(let letter): current.append(letter)
            case .word: current.append(contentsOf: Array(String(scalar).utf8))
            case .folded(let lower): current.append(contentsOf: Array(String(lower).utf8))
            case .ideograph:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll()
                words.append(String(scalar))
            case .separator:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll()
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
