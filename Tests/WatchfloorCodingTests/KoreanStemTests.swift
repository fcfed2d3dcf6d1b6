import Testing
import WatchfloorCoding

/// Korean verb stems written `숨지~`: the conjugations one cue stands for.
@Suite struct KoreanStemTests {
    @Test(arguments: [
        ("다치", ["다치", "다친", "다칠", "다침", "다칩", "다쳐", "다쳤"]),
        ("보내", ["보내", "보낸", "보낼", "보냄", "보냅", "보냈"]),
        ("미루", ["미루", "미룬", "미룰", "미룸", "미룹", "미뤄", "미뤘"]),
        ("되", ["되", "된", "될", "됨", "됩", "돼", "됐"]),
        ("오", ["오", "온", "올", "옴", "옵", "와", "왔"]),
        ("하", ["하", "한", "할", "함", "합", "해", "했"]),
        ("쓰", ["쓰", "쓴", "쓸", "씀", "씁", "써", "썼"]),
        ("아프", ["아프", "아픈", "아플", "아픔", "아픕", "아파", "아팠"]),
    ])
    func aVowelStemChangesItsLastSyllable(_ stem: String, _ forms: [String]) {
        #expect(KoreanStem.forms(of: stem) == forms)
    }

    @Test func aStemEndingInAConsonantKeepsIt() {
        #expect(KoreanStem.forms(of: "받") == ["받"])
        #expect(KoreanStem.forms(of: "끊기지 않") == ["끊기지 않"])
        #expect(KoreanStem.forms(of: "deliver") == ["deliver"])
    }

    @Test func aTildeMarksAStemInACue() throws {
        let pattern = try CuePattern("숨지~")
        #expect(pattern.key == "숨지~")
        #expect(pattern.conjugated().map(\.key) == ["숨지*", "숨진*", "숨질*", "숨짐*", "숨집*", "숨져*", "숨졌*"])
        #expect(try CuePattern("유해가 돌아오~").conjugated().map(\.key).contains("유해가* 돌아왔*"))
        #expect(try CuePattern("families").conjugated().count == 1)
        #expect(throws: CuePatternError.self) { try CuePattern("deliver~") }
        #expect(throws: CuePatternError.self) { try CuePattern("~") }
    }

    @Test func theConjugationsMatchAndNothingElseDoes() throws {
        let matcher = CueMatcher(patterns: try CuePattern("숨지~").conjugated())
        var scanner = matcher.makeScanner()
        let text = "병사 300명이 숨졌다. 숨진 병사들. 숨지거나 다쳤다. 숨겨진 사실. 숨바꼭질."
        let found = scanner.matches(in: text, mode: .leftmostLongest).map { match in
            String(decoding: Array(text.utf8)[match.bytes], as: UTF8.self)
        }
        #expect(found == ["숨졌다", "숨진", "숨지거나"])
    }
}
