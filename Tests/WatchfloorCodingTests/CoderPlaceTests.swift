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

    @Test func everyProvinceHasItsCitiesAndCounties() {
        let names = Shipped.pack.gazetteer.names.filter { $0.kind != "province" }
        for province in Province.allCases {
            let places = Set(names.filter { $0.province == province }.map(\.canonical))
            #expect(places.count >= 4, "\(province.code) has \(places.count) places")
        }
        #expect(Shipped.pack.gazetteer.placeCount >= 200)
    }

    @Test(arguments: [
        ("Pochon", "KP-10"), ("Bocheon", "KP-10"), ("보천", "KP-10"), ("Kimhyonggwon", "KP-10"),
        ("Musan county", "KP-09"), ("Myongchon", "KP-09"), ("Kyongsong", "KP-09"),
        ("Sunchon", "KP-02"), ("순천시", "KP-02"), ("Sukchon", "KP-02"), ("Maengsan", "KP-02"),
        ("Jongju", "KP-03"), ("Chongju", "KP-03"), ("Ryongchon", "KP-03"), ("룡천", "KP-03"), ("Pyoktong", "KP-03"),
        ("Chasong", "KP-04"), ("Rangrim", "KP-04"), ("Sinchon", "KP-05"), ("Changyon", "KP-05"), ("Anak", "KP-05"),
        ("Singye", "KP-06"), ("Suan", "KP-06"), ("Kosan", "KP-07"), ("Mount Kumgang", "KP-07"),
        ("Hungnam", "KP-08"), ("Yodok", "KP-08"), ("Changjin", "KP-08"), ("Unggi", "KP-13"), ("Ryonggang", "KP-14"),
        ("Ryokpo", "KP-01"), ("력포구역", "KP-01"), ("역포구역", "KP-01"),
    ])
    func countiesInBothRomanisationsAndHangul(_ name: String, _ code: String) {
        #expect(provinces("Rice was delivered to bereaved families in \(name) on Monday.") == [code], "\(name)")
    }

    @Test func namesThatAreCommonWordsNeedContext() {
        // 구성 (Kusong) is also "composition", 선봉 (Sonbong) "vanguard", 순천 also a city in the South.
        #expect(provinces("구성의 한 소식통은 유가족들에게 쌀이 전달됐다고 말했다.") == ["KP-03"])
        #expect(provinces("순천에 사는 한 주민은 유가족들에게 쌀이 전달됐다고 말했다.") == ["KP-02"])
        #expect(provinces("평안남도 순천에서 유가족들에게 쌀이 전달됐다.") == ["KP-02"])
        #expect(provinces("위원회 구성이 바뀐 뒤 유가족들에게 쌀이 전달됐다.") == ["-"])
        #expect(provinces("선봉에 선 간부들이 유가족들에게 쌀을 전달했다.") == ["-"])
    }

    @Test func pyongyangIsAPlaceWhenPeopleComeFromIt() {
        #expect(provinces("Three young men from Pyongyang have been killed in the fighting in Russia.") == ["KP-01"])
        #expect(provinces("Russia's foreign minister visited Pyongyang and praised the alliance.") == ["KP-01"])
    }

    @Test func anInstitutionNamedForAPlaceIsNotThePlace() {
        #expect(provinces("Children of the fallen from Anju were admitted to the Mangyongdae Revolutionary School.") == ["KP-02"])
    }
}
