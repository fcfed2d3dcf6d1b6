import Testing
import Watchfloor

@Suite struct TextNormalizerTests {
    @Test func foldsTypographyAndSpaces() {
        #expect(TextNormalizer.normalize("  “No gifts”\u{00A0}have  arrived,’ he said.  ") == "\"No gifts\" have arrived,' he said.")
        #expect(TextNormalizer.normalize("a\u{3000}b\u{2009}c\td") == "a b c d")
        #expect(TextNormalizer.normalize("zero\u{200B}width\u{FEFF} soft\u{00AD}hyphen") == "zerowidth softhyphen")
    }

    @Test func keepsParagraphsAndTrimsLines() {
        let raw = "Title  \r\n\r\n\r\n   First line\r\nsecond line \u{2029}\n\n\nLast"
        #expect(TextNormalizer.normalize(raw) == "Title\n\nFirst line\nsecond line\n\nLast")
    }

    @Test func composesHangulAndAccents() {
        // 유 as conjoining jamo (U+1110 U+1172) and e + combining acute.
        let decomposed = "\u{1112}\u{1161}\u{11AB} Hamgye\u{0301}ong"
        #expect(TextNormalizer.normalize(decomposed) == "한 Hamgyéong")
        #expect(TextNormalizer.normalize(decomposed).unicodeScalars.count == 11)
    }

    @Test func isIdempotentAndGivesStableIDs() {
        let samples = ["", "   ", "plain", "“Quoted”\n\n\n\nnext", "유가족들에게  선물이 \u{00A0}전달"]
        for sample in samples {
            let once = TextNormalizer.normalize(sample)
            #expect(TextNormalizer.normalize(once) == once)
        }
        let a = DocumentID(outlet: "O", published: nil, normalizedText: TextNormalizer.normalize("Gifts  arrived “today”."))
        let b = DocumentID(outlet: "O", published: nil, normalizedText: TextNormalizer.normalize("Gifts arrived \"today\".\n"))
        #expect(a == b)
    }

    @Test func removesControlCharacters() {
        #expect(TextNormalizer.normalize("a\u{0007}b\u{007F}c\u{0085}d") == "abc\nd")
    }
}
