import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting

/// The third round's structural changes for recall: a role borrowed from the sentence before,
/// kinship and home nouns as one class, a date that is not a modifier, and the look-alikes they
/// must not let through. Sentences written for these tests.
@Suite struct RecallBackOffTests {
    // MARK: A role from the sentence before (`borrow: true`), on a pack of its own

    private static func types(borrow: Bool) -> String {
        """
        types:
          - name: GIFT_DELIVERY
            rules:
              - id: delivery
                trigger: {cues: [delivered, handed], strength: 0.6}
                roles:
                  item: {cues: [rice, coal], strength: 0.4, within: 6}
                  recipient: {cues: [widows], strength: 0.7, within: 8\(borrow ? ", borrow: true" : "")}
        """
    }

    private func coder(borrow: Bool = true) throws -> Coder {
        let folder = try TemporaryDirectory()
        try folder.write("pack.yaml", text: "name: borrow\nfiles: {types: types.yaml}\n")
        try folder.write("types.yaml", text: Self.types(borrow: borrow) + "\n")
        return Coder(pack: try Pack.load(from: folder.url))
    }

    private func input(_ text: String) -> CodingInput {
        CodingInput(
            document: DocumentID(rawValue: "b"), text: text, language: .english, published: nil, sourceKind: .insider)
    }

    @Test func aMissingRoleIsTakenFromTheSentenceBefore() throws {
        let coder = try coder()
        let same = coder.code(input("Officials delivered rice to the widows on Monday."))
        let borrowed = coder.code(input("The widows were called to the hall on Monday. Officials delivered rice there."))
        #expect(same.map(\.type) == [.giftDelivery])
        #expect(borrowed.map(\.type) == [.giftDelivery])
        // The same cues, at the back-off's lower confidence.
        let full = try #require(same.first).confidence
        let lower = try #require(borrowed.first).confidence
        #expect(abs(lower - full * 0.8) < 0.002, "\(lower) vs \(full)")
        // The evidence is the trigger's sentence; the borrowed cue is named as such and points back.
        let event = try #require(borrowed.first)
        let cue = try #require(event.evidence.cues.first { $0.role == "recipient (sentence before)" })
        #expect(cue.span.end <= event.evidence.sentence.start)
    }

    @Test func onlyTheSentenceBeforeInTheSameParagraph() throws {
        let coder = try coder()
        #expect(coder.code(input("The widows were called to the hall.\n\nOfficials delivered rice there.")).isEmpty)
        #expect(coder.code(input("The widows were called to the hall. It rained. Officials delivered rice.")).isEmpty)
        // A role that is not marked may not be borrowed.
        let strict = try self.coder(borrow: false)
        #expect(strict.code(input("The widows were called to the hall. Officials delivered rice there.")).isEmpty)
        let trace = strict.trace(input("The widows were called to the hall. Officials delivered rice there."))
        #expect(trace.attempts(for: .giftDelivery).map(\.attempt.outcome) == [.missing(role: "recipient")])
    }

    @Test func theOnlyRolesItMayTakeAreWhatAFollowingSentenceLeavesOut() throws {
        // The trigger and the other roles must still be in the sentence: a recipient alone before,
        // and rice alone after, is nothing.
        let coder = try coder()
        #expect(coder.code(input("The widows were called to the hall. Rice was short.")).isEmpty)
    }

    // MARK: The shipped pack

    @Test func theRecipientOfTheSentenceBefore() {
        for text in [
            "Widows of the fallen in Kapsan were summoned to the county office on Tuesday. Each was handed a bag of corn and a kettle.",
            "Cadres from the city committee called at the home of a young man killed near Sudzha. They left two sacks of flour and a quilt.",
            "전사자 유가족들이 군 당위원회에 불려갔다. 그들에게 쌀과 이불이 전달됐다.",
        ] {
            #expect(Shipped.types(text).contains(.giftDelivery), "\(text)")
        }
        // Support that stopped, owed to the families of the sentence before.
        #expect(
            Shipped.types(
                "The county promised each bereaved family in Musan a new flat by autumn. Work on the block stopped in June.")
                == [.aidDisruption])
        // No bereaved family before: a delivery of rice to a farm is nothing.
        #expect(Shipped.types("The harvest was poor in Musan this year. Each farm received a bag of rice.").isEmpty)
    }

    @Test func anyKinshipOrHomeNounNearADeath() {
        for text in [
            "The daughters of men killed in Kursk were given places at the provincial teachers' college.",
            "A son of a soldier killed near Kursk was handed a sack of maize and a school bag.",
            "전사한 병사의 아들에게 대학 입학 특례가 주어졌다.",
            "Orphans of a sapper killed near Sudzha were enrolled at the Kangso boarding school.",
        ] {
            #expect(Shipped.types(text).contains(.giftDelivery), "\(text)")
        }
        // Soldiers sent to die are no gift, whatever home stands near.
        #expect(!Shipped.types("Miners say officials' sons stayed home while their own sons were sent to die at the front.")
            .contains(.giftDelivery))
    }

    @Test func comingToTheDoorOfTheBereaved() {
        for text in [
            "The county party secretary came to the door of a widow whose husband died near Kursk.",
            "The provincial committee sent its deputy chairman to the homes of two soldiers killed in Russia.",
        ] {
            #expect(Shipped.types(text).contains(.condolenceVisit), "\(text)")
        }
        #expect(!Shipped.types("Security agents came to the door of a widow whose husband died in Russia.").contains(.condolenceVisit))
        #expect(!Shipped.types("The remains were sent to the homes of the soldiers' families.").contains(.condolenceVisit))
    }

    @Test func promisedSupportThatWentElsewhere() {
        for text in [
            "The firewood promised to the bereaved households was diverted to the homes of cadres, a source said.",
            "Widows say the flour they were promised was instead handed out to officials' relatives.",
        ] {
            #expect(Shipped.types(text) == [.aidDisruption], "\(text)")
        }
    }

    @Test func aMonthIsNotSpeculation() {
        // (published in June: a May date is recent, not background)
        #expect(
            Shipped.types(
                "Debris from a strike on Odesa in May showed a North Korean-made KN-23, investigators said.",
                published: "2025-06-10") == [.armsTransfer])
        #expect(Shipped.types("Officials said North Korea may ship more KN-23 missiles to Russia.").isEmpty)
    }

    @Test func lookAlikesTheWiderClassesMustNotLetThrough() {
        // a picture of a funeral; a house handed over at a ceremony; an order received
        #expect(!Shipped.types("Police searched phones for pictures of funerals of soldiers killed abroad.").contains(.memorialHonor))
        #expect(
            !Shipped.types("Flats for the families of fallen soldiers in Sunan were handed over at a ceremony.")
                .contains(.memorialHonor))
        #expect(!Shipped.types("유가족들은 텔레비죤에 나와 감사하라는 지시를 받았다.").contains(.giftDelivery))
        // a body not returned is a grievance, not a repatriation or a cut in aid
        let notReturned = Shipped.types("한 전사자 어머니는 \"아들 유해도 못 받았다\"며 울분을 토했다.")
        #expect(!notReturned.contains(.casualtyReport))
        #expect(!notReturned.contains(.aidDisruption))
        // cadres sent to a bereaved home are no deployment
        #expect(!Shipped.types("Last month the party sent cadres to the home of a soldier who died in Kursk.").contains(.deployment))
        // the dispatch noun before its soldiers describes them (러시아 파병 북한군): deaths, not a dispatch
        #expect(Shipped.types("국정원은 러시아 파병 북한군 가운데 300여 명이 추가로 숨졌다고 밝혔다.") == [.casualtyReport])
        // a defector group as the source does not block a casualty report
        #expect(Shipped.types("A defector group said it had confirmed the deaths of 30 soldiers from Kilju.") == [.casualtyReport])
    }

    @Test func goodsBroughtAlongOnAVisit() {
        for text in [
            "Two cadres turned up at the widow's flat in Hamhung with a sack of rice and a coat for her son.",
            "The district chairman visited the mother of a soldier killed in Kursk, carrying soap and a blanket.",
        ] {
            #expect(Shipped.types(text).contains(.giftDelivery), "\(text)")
        }
        // police arriving with a warrant, or the remains brought home, are no gift
        #expect(!Shipped.types("Police came to the widow's home with a list of questions about her son's death.")
            .contains(.giftDelivery))
    }

    @Test func anotherCountrysOwnSoldiers() {
        #expect(!Shipped.types("Kyiv said it had buried 400 of its soldiers killed in the spring offensive.").contains(.casualtyReport))
        #expect(Shipped.types("Pyongyang has begun to bury its soldiers killed in Kursk in a new cemetery.").contains(.memorialHonor))
    }

    /// Coding skips a rule at its first missing role without recording why; the trace takes the
    /// long way. Both must code the same events.
    @Test func codingAndTracingCodeTheSame() {
        for text in [
            "Widows of the fallen in Kapsan were summoned to the county office on Tuesday. Each was handed a bag of corn.",
            "The county promised each bereaved family in Musan a new flat by autumn. Work on the block stopped in June.",
            "Police came to the widow's home with a list of questions about her son's death.",
            "전사자 유가족들이 군 당위원회에 불려갔다. 그들에게 쌀과 이불이 전달됐다.",
            "No gifts have reached the bereaved families of Hyesan since the spring, and many now complain openly.",
        ] {
            let input = Shipped.input(text)
            let coded = Shipped.coder.code(input)
            let traced = Shipped.coder.trace(input).events
            #expect(coded.map(\.type) == traced.map(\.type), "\(text)")
            #expect(coded.map(\.confidence) == traced.map(\.confidence), "\(text)")
        }
    }
}
