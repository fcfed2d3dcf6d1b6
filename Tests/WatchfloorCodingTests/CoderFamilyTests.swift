import Testing
import Watchfloor
import WatchfloorCoding

/// The gift-politics pack codes families of words and structures, not particular sentences: each
/// test states a family with sentences written for it, in the voices, orders and endings reporting
/// uses.
@Suite struct CoderFamilyTests {
    @Test func givingAndReceivingInBothVoicesAndOrders() {
        for text in [
            "The provincial committee sent bedding and kitchenware to war widows in Hyesan.",
            "War widows in Hyesan were sent bedding and kitchenware by the provincial committee.",
            "Bedding and kitchenware reached the war widows of Hyesan on Friday.",
            "Gifts from the Central Committee were conveyed to the bereaved families this week.",
            "The families of soldiers wounded in Russia were allotted flats in a new block.",
            "당은 전사자 유가족들에게 겨울옷과 석탄을 보냈다.",
            "전사자 유가족 집집마다 이불과 그릇이 배달됐다.",
        ] {
            #expect(Shipped.types(text) == [.giftDelivery], "\(text)")
        }
    }

    @Test func theUserBeforeOrAfterTheTrigger() {
        for text in [
            "North Korea has shipped another batch of artillery rounds to Russia, Kyiv said.",
            "Russia has taken delivery of more North Korean ballistic missiles, Kyiv said.",
            "러시아는 북한으로부터 포탄 수십만 발을 넘겨받았다고 우크라이나가 밝혔다.",
            "Crates of North Korean ammunition were unloaded at a Russian port last week, analysts said.",
            "Russian forces fired North Korean-made missiles at Kharkiv overnight.",
        ] {
            #expect(Shipped.types(text) == [.armsTransfer], "\(text)")
        }
        #expect(Shipped.types("Moscow has begun supplying Pyongyang with surface-to-air missile systems.") == [.techTransfer])
        #expect(Shipped.types("A team of Russian engineers arrived to help upgrade the North's power grid.") == [.techTransfer])
    }

    @Test func casualtiesInEveryWordForLoss() {
        for text in [
            "North Korean losses near Kursk now include about 300 dead, officials told lawmakers.",
            "Dozens of young men from Musan have been killed in the fighting, a source said.",
            "Some 150 North Korean soldiers were lost in one assault, a Ukrainian officer said.",
            "Conscripts from Kilju never came back from the front, their neighbours say.",
            "국정원은 북한군 200여 명이 최근 숨지거나 다쳤다고 밝혔다.",
            "전사자들의 유골이 지난주 가족들에게 돌아왔다.",
            "Death notices for soldiers killed near Kursk reached several families in Hoeryong.",
        ] {
            #expect(Shipped.types(text) == [.casualtyReport], "\(text)")
        }
    }

    @Test func supportThatDidNotCome() {
        for text in [
            "There has been no visit and no gift for the bereaved families since the spring.",
            "Widows in Kapsan have not seen any of the promised grain since autumn.",
            "The bereaved families have yet to receive the coal they were promised.",
            "The monthly rations for the bereaved families came late and short in March.",
            "The pension promised to bereaved parents has been paid only once this year.",
            "유가족들에게 약속한 땔감이 아직도 오지 않았다.",
            "설 명절에도 유가족들에게는 선물도 방문도 없었다.",
            "전사자 가족에게 주기로 한 살림집 입사를 당국이 무기한 미뤘다.",
            "유가족들에 대한 배급이 지난달부터 끊겼다.",
        ] {
            #expect(Shipped.types(text) == [.aidDisruption], "\(text)")
        }
        #expect(Shipped.types("The coal promised to the bereaved families arrived in March.") != [.aidDisruption])
    }

    @Test func idiomsThatLookLikeCuesAreNotThem() {
        #expect(Shipped.types("Officials visited the families of the soldiers who gave their lives abroad.") == [.condolenceVisit])
        #expect(Shipped.types("Party cadres called on the parents of men who paid the price in Kursk.") == [.condolenceVisit])
        // "no choice" is no negation of the gratitude.
        let events = Shipped.code("The widows had no choice but to express gratitude in public, a source said.")
        #expect(events.map(\.type) == [.gratitudeExpression])
        #expect(events.first?.attributes.sincerity == .coerced)
    }

    @Test func controlMeasuresOfEveryKind() {
        for text in [
            "Security officials made the bereaved families sign pledges not to discuss the deaths.",
            "Officials in Hyesan have begun opening parcels sent to bereaved households to stop news of the war.",
            "Residents were warned in lectures that tales about losses in Russia will bring punishment.",
            "아들의 전사 소식을 이웃에게 알린 어머니가 보위부에 끌려갔다.",
            "보안원들이 유가족들의 손전화를 검사하기 시작했다.",
        ] {
            #expect(Shipped.types(text).contains(.controlMeasure), "\(text)")
        }
    }

    @Test func discontentSaidOutLoud() {
        for text in [
            "Mothers in Hoeryong ask openly what the war has brought them besides grief.",
            "A father shouted in the market that his son had died for Putin.",
            "Grumbling about the war is spreading among bereaved families.",
            "주민들 사이에서는 왜 남의 나라 전쟁에 젊은이들이 죽어야 하느냐는 말이 나온다.",
            "아들의 시신조차 돌려받지 못한 어머니들이 울분을 토했다.",
        ] {
            #expect(Shipped.types(text).contains(.discontent), "\(text)")
        }
        // "why must the young die" is a complaint, not a report of deaths.
        #expect(!Shipped.types("주민들은 왜 젊은이들이 죽어야 하느냐고 묻는다.").contains(.casualtyReport))
    }

    @Test func coercedAndSincereGratitude() {
        func sincerity(_ text: String, _ kind: SourceKind = .insider) -> Sincerity? {
            Shipped.code(text, kind: kind).first { $0.type == .gratitudeExpression }?.attributes.sincerity
        }
        #expect(sincerity("Bereaved mothers were lined up before state television cameras to thank the party.") == .coerced)
        #expect(sincerity("The widows were told exactly what to say when they thanked the leader.") == .coerced)
        #expect(sincerity("유가족들은 겉으로는 당에 감사하다고 하지만 속은 다르다.") == .coerced)
        #expect(sincerity("One widow said she was truly thankful for the flat the party gave her.") == .sincere)
        #expect(sincerity("One widow said she was truly thankful for the flat the party gave her.", .stateMedia) == .unclear)
        // Korean: an order handed down to write thanks; "truly" thankful.
        #expect(sincerity("동네 유가족들에게 장군님께 드리는 감사 편지를 쓰라는 지시가 내려왔다고 한다.") == .coerced)
        #expect(sincerity("인민반장은 전사자 가족마다 감사 글을 쓰도록 했다. 유가족들은 당에 감사를 표했다.") == .coerced)
        #expect(sincerity("청진의 한 미망인은 새 집을 준 당에 정말 감사하다고 말했다.") == .sincere)
        #expect(sincerity("청진의 한 미망인은 새 집을 준 당에 정말 감사하다고 말했다.", .stateMedia) == .unclear)
    }

    @Test func aDispatchReportedAsNewsAndOneDescribed() {
        #expect(Shipped.types("North Korea has dispatched deminers and military builders to Russia.") == [.deployment])
        #expect(Shipped.types("North Korean engineers have arrived in Russia's Primorye region.") == [.deployment])
        #expect(Shipped.types("북한이 러시아에 공병을 파견했다고 정보당국이 밝혔다.") == [.deployment])
        #expect(Shipped.types("Letters sent by soldiers serving in Russia were confiscated.") != [.deployment])
        #expect(Shipped.types("It is absurd that our sons are being sent to Russia, she said.") != [.deployment])
    }

    @Test func lookAlikesInKorean() {
        #expect(Shipped.types("우크라이나 정부는 전사한 자국 군인들의 유가족에게 주택을 제공하기로 했다.").isEmpty)
    }
}
