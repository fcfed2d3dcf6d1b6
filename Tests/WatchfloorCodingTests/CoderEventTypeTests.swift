import Testing
import Watchfloor
import WatchfloorCoding

/// Each event type of the gift-politics pack, in English and in Korean, from sentences written
/// for these tests.
@Suite struct CoderEventTypeTests {
    @Test(arguments: [
        ("The county party committee handed out flour and blankets to bereaved families in Musan.", EventType.giftDelivery),
        ("Officials called on the families of the fallen to offer condolences.", .condolenceVisit),
        ("A granite monument to the martyrs of the overseas operation was unveiled on Friday.", .memorialHonor),
        ("The coal promised to war widows in Kilju has been delayed again.", .aidDisruption),
        ("At the meeting, bereaved mothers thanked the Party for its warm care.", .gratitudeExpression),
        ("Parents in Onsong openly complained that their sons had died for nothing.", .discontent),
        ("Police warned residents not to talk about the soldiers who died abroad.", .controlMeasure),
        ("Around 400 North Korean troops were wounded in a single assault, an official said.", .casualtyReport),
        ("Pyongyang dispatched another 2,500 workers to Russia's Far East this autumn.", .deployment),
        ("North Korea shipped about 9,000 containers of artillery ammunition to Russia by rail.", .armsTransfer),
        ("Russia delivered anti-aircraft radar systems and fighter jets to the North, officials said.", .techTransfer),
        ("Kim and Putin signed a new agreement on military cooperation at the summit.", .diplomaticSignal),
    ])
    func english(_ text: String, _ expected: EventType) {
        #expect(Shipped.types(text) == [expected], "\(text)")
    }

    @Test(arguments: [
        ("혜산시 당위원회가 전사자 유가족들에게 쌀과 이불을 나누어 주었다.", EventType.giftDelivery),
        ("도당 간부들이 유가족들을 찾아가 위로했다.", .condolenceVisit),
        ("해외작전에서 희생된 열사들을 추모하는 기념비가 세워졌다.", .memorialHonor),
        ("유가족에게 약속한 연금 지급이 두 달째 지연되고 있다.", .aidDisruption),
        ("유가족들은 원수님께 감사의 편지를 올렸다.", .gratitudeExpression),
        ("아들을 잃은 부모들 사이에서 당국에 대한 불만이 커지고 있다.", .discontent),
        ("보위부는 전사 소식을 전하는 주민들을 감시하고 있다.", .controlMeasure),
        ("국정원은 북한군 약 1천 명이 사망한 것으로 보고 있다고 밝혔다.", .casualtyReport),
        ("북한이 러시아에 공병 1천 명을 추가로 파견했다.", .deployment),
        ("북한이 러시아에 포탄 수백만 발을 보냈다고 정보 당국이 밝혔다.", .armsTransfer),
        ("러시아가 북한에 정제유와 밀가루를 제공했다고 소식통이 전했다.", .techTransfer),
        ("북한과 러시아는 모스크바에서 새 협정에 서명했다.", .diplomaticSignal),
    ])
    func korean(_ text: String, _ expected: EventType) {
        #expect(Shipped.types(text) == [expected], "\(text)")
    }

    @Test func severalEventsInOneSentence() {
        let types = Shipped.types(
            "Officials visited the families of the fallen in Hoeryong and brought them rice and cooking oil.")
        #expect(types == [.condolenceVisit, .giftDelivery])
    }

    @Test func theSameEventToldTwiceCountsOnce() {
        let text = """
            Bereaved families in Chongjin received rice and flour last week. The rice for the bereaved \
            families was delivered by the city party committee.
            """
        #expect(Shipped.types(text) == [.giftDelivery])
    }

    @Test func passagesWithoutAnEventCodeNothing() {
        #expect(Shipped.types("The weather in Hyesan was cold and dry this week.").isEmpty)
        #expect(Shipped.types("Rice prices at the Sinuiju market rose for a third month.").isEmpty)
    }
}
