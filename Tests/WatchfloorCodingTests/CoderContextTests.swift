import Testing
import Watchfloor
import WatchfloorCoding

/// Negation, speculation, denial, reported speech and look-alikes: what the words around a
/// trigger do to it.
@Suite struct CoderContextTests {
    @Test func aNegatedDeliveryIsADisruption() {
        #expect(Shipped.types("No gifts have reached the bereaved families of Kanggye this winter.") == [.aidDisruption])
        #expect(Shipped.types("The bereaved families were not given the rice they had been promised.") == [.aidDisruption])
        #expect(Shipped.types("유가족들에게 약속한 쌀이 아직 전달되지 않았다.") == [.aidDisruption])
    }

    @Test func speculationAndPlansCodeNothing() {
        #expect(Shipped.types("Bereaved families may receive new flats next year, officials hinted.").isEmpty)
        #expect(Shipped.types("The authorities are considering cash grants for the families of the fallen.").isEmpty)
        #expect(Shipped.types("Analysts expect that Pyongyang could send 10,000 more troops to Russia.").isEmpty)
        #expect(Shipped.types("북한이 러시아에 병력을 추가로 파병할 가능성이 있다.").isEmpty)
    }

    @Test func denialsAndSourcesThatHeardNothingCodeNothing() {
        #expect(Shipped.types("The source said he had never heard of rice being given to bereaved families.").isEmpty)
        #expect(Shipped.types("Moscow denied that it had sent any nuclear technology to North Korea.").isEmpty)
    }

    @Test func negationDoesNotReachAcrossAClause() {
        // "don't" belongs to the clause after "that"; the families are still angry.
        #expect(Shipped.types("Bereaved mothers are angry that they don't know where their sons are buried.") == [.discontent])
    }

    @Test func aLongerCueReinterpretsTheWordsInside() {
        // "not to disclose" is a gag order, not a negation of it.
        #expect(Shipped.types("Families were told not to disclose the deaths of their sons in Russia.") == [.controlMeasure])
        // "families of soldiers killed" names the recipients; it is no casualty report.
        #expect(Shipped.types("Flour was handed out to the families of soldiers killed near Kursk.") == [.giftDelivery])
    }

    @Test func lookAlikesAboutOtherCountriesCodeNothing() {
        #expect(Shipped.types("Regional officials gave the widows of mobilized Russian soldiers vouchers and food.").isEmpty)
        #expect(Shipped.types("South Korean veterans affairs officials delivered gifts to families of South Korean soldiers killed in the line of duty.").isEmpty)
    }

    @Test func backgroundFiguresDatedLongBeforePublicationAreNoNewEvent() {
        let old = "In March, the agency said 500 North Korean soldiers had been killed."
        #expect(Shipped.types(old, published: "2025-10-24").isEmpty)
        #expect(Shipped.types(old, published: "2025-04-02") == [.casualtyReport])
        // "since" makes a date the start of something still going on.
        #expect(Shipped.types("North Korea has shipped 6,000 containers of shells to Russia since March 2024.", published: "2025-10-24")
            == [.armsTransfer])
    }

    @Test func reportedSpeechLowersConfidence() throws {
        let direct = try #require(Shipped.code("Officials delivered rice to bereaved families in Hyesan.").first)
        let reported = try #require(Shipped.code("Officials reportedly delivered rice to bereaved families in Hyesan.").first)
        #expect(reported.confidence < direct.confidence)
        #expect((0...1).contains(direct.confidence))
    }
}
