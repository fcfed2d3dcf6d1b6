import Watchfloor

/// Guesses a document's language when the input does not say, from its script and, for Latin and
/// Cyrillic text, its commonest words.
///
/// - Korean when Hangul makes up a fifth of the letters.
/// - Japanese when kana make up a tenth; Chinese when Han characters (without kana) make up a third.
/// - Cyrillic: Ukrainian when the letters only Ukrainian uses (і ї є ґ) or its function words
///   (що, які, від, та) outweigh Russian's (ы э ъ, что, который, от); otherwise Russian.
/// - Latin: the language whose function words are most frequent among English, German, Spanish
///   (and French), English when none is clearly ahead.
///
/// Short texts are hard: a headline-length text with no function word falls back on the script.
public enum LanguageGuesser {
    public static func guess(_ text: String) -> Language {
        var letters = 0
        var hangul = 0
        var cyrillic = 0
        var kana = 0
        var han = 0
        var ukrainianLetters = 0
        var russianLetters = 0
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
                switch v {
                case 0x0456, 0x0406, 0x0457, 0x0407, 0x0454, 0x0404, 0x0491, 0x0490: ukrainianLetters += 1
                case 0x044B, 0x042B, 0x044D, 0x042D, 0x044A, 0x042A, 0x0451, 0x0401: russianLetters += 1
                default: break
                }
            case 0x3040...0x30FF:
                kana += 1
                letters += 1
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF:
                han += 1
                letters += 1
            default:
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        guard letters > 0 else { return .english }
        if hangul * 5 >= letters { return .korean }
        if kana * 10 >= letters, kana + han > 0 { return Language(rawValue: "ja") }
        if han * 3 >= letters { return Language(rawValue: "zh") }
        if cyrillic * 2 >= letters {
            let words = functionWords(in: text, lists: [Self.ukrainian, Self.russian])
            let ukrainian = ukrainianLetters * 2 + words[0] * 3
            let russian = russianLetters * 2 + words[1] * 3
            return Language(rawValue: ukrainian > russian ? "uk" : "ru")
        }
        let scores = functionWords(in: text, lists: Self.latin.map(\.words))
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { return .english }
        // English wins ties and near-ties: a German or Spanish guess needs a clear lead.
        let english = scores[0]
        if best != 0, scores[best] * 2 <= english * 3 || scores[best] < 2 { return .english }
        return Self.latin[best].language
    }

    /// How many of the first 80 words of `text` are in each list. Words are compared by a hash of
    /// their lower-cased UTF-8 (ASCII letters lowered; Cyrillic capitals are rare in function
    /// words), which keeps this cheap enough to run on every document of a bulk ingest.
    private static func functionWords(in text: String, lists: [Set<UInt64>]) -> [Int] {
        var counts = [Int](repeating: 0, count: lists.count)
        var text = text
        text.withUTF8 { bytes in
            var seen = 0
            var h = basis
            var inWord = false
            func finish() {
                if inWord {
                    for (index, list) in lists.enumerated() where list.contains(h) { counts[index] += 1 }
                    seen += 1
                }
                h = basis
                inWord = false
            }
            for byte in bytes {
                if seen >= 80 { break }
                let isLetter = byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x27
                if isLetter {
                    h = (h ^ UInt64(byte < 0x80 && byte != 0x27 ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
                    inWord = true
                } else {
                    finish()
                }
            }
            finish()
        }
        return counts
    }

    private static let basis: UInt64 = 0xCBF2_9CE4_8422_2325

    private static func hashed(_ words: [String]) -> Set<UInt64> {
        Set(words.map { word in word.utf8.reduce(basis) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 } })
    }

    private static let latin: [(language: Language, words: Set<UInt64>)] = [
        (.english, hashed(["the", "and", "of", "to", "in", "that", "is", "was", "were", "for", "with", "on", "said", "by", "from",
                    "their", "has", "have", "had", "who", "it", "its", "as", "at", "an", "be", "been"])),
        ("de", hashed(["der", "die", "das", "und", "den", "dem", "des", "nicht", "ist", "mit", "von", "für", "auf", "sich", "ein",
                "eine", "einer", "auch", "nach", "wurde", "wurden", "sind", "zu", "im", "bei", "dass", "wie", "aus"])),
        ("es", hashed(["el", "la", "los", "las", "del", "que", "y", "en", "por", "con", "para", "una", "un", "se", "su", "sus",
                "según", "fue", "han", "ha", "más", "como", "al", "lo", "este", "esta", "dijo"])),
        ("fr", hashed(["le", "les", "des", "et", "est", "dans", "pour", "une", "qui", "sur", "au", "aux", "du", "pas", "ont",
                "selon", "été", "avec", "ces", "leur"])),
    ]

    private static let ukrainian = hashed([
        "що", "які", "який", "яка", "від", "та", "це", "був", "була", "були", "його", "її", "їх", "також", "щодо", "після",
        "між", "вже", "ще", "через", "під", "час", "як", "на", "у", "з", "до", "не", "й", "або", "зокрема", "заявив",
    ])
    private static let russian = hashed([
        "что", "которые", "который", "которая", "от", "это", "был", "была", "были", "его", "её", "их", "также", "после",
        "между", "уже", "ещё", "еще", "через", "под", "время", "как", "на", "в", "с", "до", "не", "и", "или", "заявил",
        "сообщил", "по",
    ])
}
