import Testing
import WatchfloorTesting
import WatchfloorCoding

@Suite struct CueMatcherTests {
    private func found(_ cues: [String], in text: String, mode: CueMatcher.Mode = .leftmostLongest) throws -> [String] {
        let matcher = try CueMatcher(cues: cues, particles: ["시", "에서", "의", "은", "는", "이", "가", "을", "를", "에"])
        var scanner = matcher.makeScanner()
        let utf8 = Array(text.utf8)
        return scanner.matches(in: text, mode: mode).map { match in
            String(decoding: utf8[match.bytes], as: UTF8.self)
        }
    }

    @Test func wholeWordsLongestFirst() throws {
        #expect(try found(["missile", "missile launch", "missile launch site", "launch"], in: "a missile launch site, missile launches and a launch.")
            == ["missile launch site", "missile", "launch"])
    }

    @Test func wordsMustBeAdjacentAcrossOneSpaceHyphenOrApostrophe() throws {
        #expect(try found(["ribbon cutting"], in: "a ribbon-cutting ceremony, a ribbon cutting, a ribbon, cutting") == ["ribbon-cutting", "ribbon cutting"])
        #expect(try found(["don't"], in: "They don't know.") == ["don't"])
    }

    @Test func caseAndDiacriticsFold() throws {
        #expect(try found(["north hamgyong"], in: "In North Hamgyŏng and NORTH HAMGYONG") == ["North Hamgyŏng", "NORTH HAMGYONG"])
    }

    @Test func openWordsMatchTheirPrefix() throws {
        #expect(try found(["deliver*"], in: "They delivered rice; deliveries stopped; a deliverance.") == ["delivered", "deliveries", "deliverance"])
    }

    @Test func hangulCuesMatchTheStartOfAnEojeol() throws {
        #expect(try found(["유가족"], in: "유가족에게 선물을 전달했다. 유가족들은 울었다. 전사자유가족") == ["유가족에게", "유가족들은"])
    }

    @Test func particleWordsTakeOnlyParticles() throws {
        #expect(try found(["청진="], in: "청진시에서 청진기 청진의 청진") == ["청진시에서", "청진의", "청진"])
    }

    @Test func numbersMatchTheNumberPlaceholder() throws {
        #expect(try found(["<number> troops"], in: "about 1,000 troops and 300 troops, many troops") == ["000 troops", "300 troops"])
    }

    @Test func maximalModeKeepsOverlapsButDropsContainedCues() throws {
        let cues = ["families of soldiers killed", "soldiers killed in action", "killed", "not", "not only"]
        #expect(try found(cues, in: "families of soldiers killed in action, not only", mode: .maximal)
            == ["families of soldiers killed", "soldiers killed in action", "not only"])
    }

    @Test func anOpenWordAndAnExactWordBothCount() throws {
        #expect(try found(["delivery of rice", "deliver*"], in: "the delivery of rice and delivery") == ["delivery of rice", "delivery"])
    }

    /// The automaton against a brute-force matcher written from the definition, on random texts.
    @Test func agreesWithBruteForceOnRandomTexts() throws {
        var generator = SeededRandom(seed: 7)
        let vocabulary = ["rice", "aid", "rice aid", "aid site", "rice aid site", "gift", "gifts", "food", "x", "food gift", "a b c", "b", "b c d"]
        for round in 0..<300 {
            let cues = (0..<(1 + Int(generator.next() % 8))).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
            let words = ["rice", "aid", "site", "gift", "gifts", "food", "x", "a", "b", "c", "d", "ricex", "aid_"]
            let separators = [" ", " ", " ", ", ", ". ", "-", "  "]
            var text = ""
            for _ in 0..<(Int(generator.next() % 30)) {
                text += words[Int(generator.next() % UInt64(words.count))]
                text += separators[Int(generator.next() % UInt64(separators.count))]
            }
            let expected = BruteForce.leftmostLongest(cues: cues, in: text)
            let matcher = try CueMatcher(cues: cues)
            var scanner = matcher.makeScanner()
            let actual = scanner.matches(in: text, mode: .leftmostLongest).map { $0.bytes }
            #expect(actual == expected, "round \(round): cues \(cues) in \"\(text)\"")
            let count = text.utf8.withContiguousStorageIfAvailable { scanner.countLeftmostLongest(in: $0) }
            #expect(count == expected.count)
        }
    }
}

extension CueMatcherTests {
    /// The byte automaton (used when only cue words are wanted) and the scalar-by-scalar walk (used
    /// when every token is kept) agree, on texts that mix scripts, cases and separators.
    @Test func bothScanningPathsAgreeOnMixedScripts() throws {
        var generator = SeededRandom(seed: 11)
        let cues = ["rice", "rice aid", "café", "hamgyong", "유가족", "쌀", "청진=", "deliver*", "aid site", "x y z"]
        let matcher = try CueMatcher(cues: cues, particles: ["에게", "은", "시", "에서"])
        let words = ["rice", "RICE", "aid", "café", "Hamgyŏng", "유가족에게", "쌀을", "청진시에서", "청진기", "delivered",
                     "site", "x", "y", "z", "naïve", "日本", "deliverance"]
        let separators = [" ", " ", ", ", "·", " — ", "-", "\n", "'"]
        for round in 0..<300 {
            var text = ""
            for _ in 0..<(Int(generator.next() % 25)) {
                text += words[Int(generator.next() % UInt64(words.count))]
                text += separators[Int(generator.next() % UInt64(separators.count))]
            }
            var scanner = matcher.makeScanner()
            var utf8 = Array(text.utf8)
            let fast = utf8.withUnsafeMutableBufferPointer {
                scanner.matches(in: UnsafeBufferPointer($0), mode: .leftmostLongest, allTokens: false)
            }
            let general = utf8.withUnsafeMutableBufferPointer {
                scanner.matches(in: UnsafeBufferPointer($0), mode: .leftmostLongest, allTokens: true)
            }
            #expect(fast.map(\.bytes) == general.map(\.bytes), "round \(round): \"\(text)\"")
            #expect(fast.map(\.phrase) == general.map(\.phrase), "round \(round): \"\(text)\"")
        }
    }
}

/// The definition, written naively: substring candidates with word boundaries on both sides, a
/// cue's words separated by one space or hyphen, sorted by start then by length, taken greedily.
enum BruteForce {
    static func leftmostLongest(cues: [String], in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
        }
        var candidates: [(start: Int, length: Int)] = []
        for cue in Set(cues) {
            let cueBytes = Array(cue.utf8)
            guard cueBytes.count <= bytes.count else { continue }
            for start in 0...(bytes.count - cueBytes.count) {
                var same = true
                for k in 0..<cueBytes.count {
                    let c = cueBytes[k]
                    let t = bytes[start + k]
                    if c == 32 ? !(t == 32 || t == 45 || t == 39) : c != t {
                        same = false
                        break
                    }
                }
                let end = start + cueBytes.count
                if same, start == 0 || !isWord(bytes[start - 1]), end == bytes.count || !isWord(bytes[end]) {
                    candidates.append((start, cueBytes.count))
                }
            }
        }
        candidates.sort { ($0.start, -$0.length) < ($1.start, -$1.length) }
        var result: [Range<Int>] = []
        var last = -1
        for candidate in candidates where candidate.start > last {
            result.append(candidate.start..<(candidate.start + candidate.length))
            last = candidate.start + candidate.length - 1
        }
        return result
    }
}
