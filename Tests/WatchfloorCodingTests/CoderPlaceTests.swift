import Testing
import Watchfloor
import WatchfloorCoding

/// Provinces: names, variants, Hangul with particles, cities, and the ambiguous cases.
@Suite struct CoderPlaceTests {
    private func provinces(_ text: String) -> [String] {
        Shipped.code(text).map { $0.province?.code ?? "-" }.sorted()
    }

    @Test(arguments: [
        ("North Hamgyong", "KP-09"), ("North Hamgyŏng", "KP-09"), ("North Hamkyung", "KP-09"),
        ("Ryanggang", "KP-10"), ("Yanggang", "KP-10"), ("South Pyongan", "KP-02"), ("Nampho", "KP-14"),
        ("Chongjin", "KP-09"), ("Hyesan", "KP-10"), ("Sinuiju", "KP-03"), ("Kanggye", "KP-04"), ("Haeju", "KP-05"),
        ("Sariwon", "KP-06"), ("Wonsan", "KP-07"), ("Hamhung", "KP-08"), ("Rajin", "KP-13"),
    ])
    func namesAndVariants(_ name: String, _ code: String) {
        #expect(provinces("Rice was delivered to bereaved families in \(name) on Monday.") == [code])
    }

    @Test func hangulNamesTakeParticlesButNotOtherWords() {
        #expect(provinces("청진시에서 유가족들에게 쌀을 전달했다.") == ["KP-09"])
        #expect(provinces("함경북도의 유가족들에게 쌀을 전달했다.") == ["KP-09"])
        // 무산 (Musan) is also a word for "coming to nothing": only 무산군 is the county.
        #expect(provinces("유가족들에게 쌀을 전달하려던 계획이 무산되지는 않았다.") != ["KP-09"])
    }

    @Test func aSentenceNamingSeveralProvincesGivesOneEventPerProvince() {
        #expect(provinces("Gifts were handed to bereaved families in Hyesan, Chongjin and Sinuiju.") == ["KP-03", "KP-09", "KP-10"])
    }

    @Test func aSentenceWithoutAPlaceTakesThePlaceOfTheSentenceBefore() {
        let text = "A resident of Kimchaek spoke to us by phone. Officials visited the homes of the fallen."
        #expect(provinces(text) == ["KP-09"])
    }

    @Test func kaesongIsNorthHwanghae() {
        #expect(provinces("Bereaved families in Kaesong received new refrigerators.") == ["KP-06"])
    }

    @Test func southKoreasGangwonIsNotKangwon() {
        #expect(provinces("Bereaved families in Wonsan, Kangwon province, received rice.") == ["KP-07"])
        let south = Shipped.coder.trace(Shipped.input("Officials in Gangwon Province visited Chuncheon and Gangneung on Tuesday."))
        #expect(south.sentences.flatMap(\.places).allSatisfy { !$0.contains("KP-07") })
    }

    @Test func pyongyangAsTheGovernmentPlacesNothing() {
        #expect(provinces("Pyongyang sent 3,000 more troops to Russia, the NIS said.") == ["-"])
        #expect(provinces("Bereaved families in Pyongyang moved into new apartments.") == ["KP-01"])
    }

    @Test func aPlaceNamedAsAReferencePointIsNotThePlace() {
        #expect(provinces("In Tokchon, north of Pyongyang, officials visited the families of the fallen.") == ["KP-02"])
    }

    @Test func bareRegionNamesOfTwoProvincesPlaceNothing() {
        #expect(provinces("Bereaved families across Hwanghae received flour.") == ["-"])
    }
}
