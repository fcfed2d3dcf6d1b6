import Watchfloor

/// Guesses a document's language from its script when the input does not say: Korean when
/// Hangul makes up a fifth of its letters, Russian for mostly Cyrillic, Japanese when kana
/// appear, otherwise English.
public enum LanguageGuesser {
    public static func guess(_ text: String) -> Language {
        // Most reporting is pure ASCII: no need to decode it.
        if text.isASCII { return .english }
        var letters = 0
        var hangul = 0
        var cyrillic = 0
        var kana = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            let v = scalar.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { letters += 1 }
                continue
            }
            switch v {
            case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F:
                hangul += 1
                letters += 1
            case 0x0400...0x04FF:
                cyrillic += 1
                letters += 1
            case 0x3040...0x30FF:
                kana += 1
                letters += 1
            default:
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        guard letters > 0 else { return .english }
        if hangul * 5 >= letters { return .korean }
        if cyrillic * 2 >= letters { return Language(rawValue: "ru") }
        if kana * 10 >= letters { return Language(rawValue: "ja") }
        return .english
    }
}
