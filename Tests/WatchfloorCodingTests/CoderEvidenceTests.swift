import Testing
import Watchfloor
import WatchfloorCoding

/// Evidence, attributes, sincerity and the trace.
@Suite struct CoderEvidenceTests {
    @Test func evidenceOffsetsSliceTheSentenceAndEachCue() throws {
        let text = "Heavy rain fell. “Officials in Hyesan handed out rice to bereaved families,” a source said."
        let input = Shipped.input(text)
        let event = try #require(Shipped.coder.code(input).first)
        #expect(input.text.scalars(event.evidence.sentence) == event.evidence.text)
        #expect(event.evidence.text.hasPrefix("\"Officials in Hyesan"))
        #expect(event.evidence.rule == "GIFT_DELIVERY/delivery")
        let cues = Dictionary(event.evidence.cues.map { ($0.role, input.text.scalars($0.span)) }) { first, _ in first }
        #expect(cues["trigger"] == "handed out")
        #expect(cues["item"] == "rice")
        #expect(cues["recipient"] == "bereaved")
        #expect(cues["place"] == "Hyesan")
    }

    @Test func koreanOffsetsCountScalars() throws {
        let input = Shipped.input("날씨가 추웠다. 혜산시 당위원회가 유가족들에게 쌀을 전달했다.")
        let event = try #require(Shipped.coder.code(input).first)
        #expect(input.text.scalars(event.evidence.sentence) == "혜산시 당위원회가 유가족들에게 쌀을 전달했다.")
        let recipient = try #require(event.evidence.cues.first { $0.role == "recipient" })
        #expect(input.text.scalars(recipient.span) == "유가족들에게")
    }

    @Test func attributes() throws {
        let event = try #require(
            Shipped.code("For Chuseok the provincial party committee delivered rice and a television to bereaved families.").first)
        #expect(event.attributes["item"] == "food,necessities")
        #expect(event.attributes["occasion"] == "chuseok")
        #expect(event.attributes["actor_level"] == "provincial")
        let visit = try #require(Shipped.code("Kim Jong Un visited the bereaved families and consoled them.").first)
        #expect(visit.attributes["actor_level"] == "leader")
    }

    @Test func sincerity() {
        func sincerity(_ text: String, kind: SourceKind) -> Sincerity? {
            Shipped.code(text, kind: kind).first { $0.type == .gratitudeExpression }?.sincerity
        }
        #expect(sincerity("Bereaved families thanked the leader for his boundless love.", kind: .stateMedia) == .unclear)
        #expect(sincerity("Bereaved families were made to write letters thanking the leader.", kind: .insider) == .coerced)
        #expect(sincerity("Bereaved families in Hyesan thanked the party on television. Privately, they cursed it.", kind: .insider) == .coerced)
        #expect(sincerity("Some bereaved parents are genuinely grateful for the new flats, a source said.", kind: .insider) == .sincere)
        // State media cannot vouch for the sincerity of the gratitude it reports.
        #expect(sincerity("Bereaved families genuinely thanked the leader, the agency said.", kind: .stateMedia) == .unclear)
        #expect(sincerity("유가족들은 강제로 감사 편지를 써야 했다.", kind: .insider) == .coerced)
    }

    @Test func theTraceSaysWhyARuleDidNotFire() {
        let trace = Shipped.coder.trace(Shipped.input("Bereaved families may receive new flats next year."))
        #expect(trace.events.isEmpty)
        let attempts = trace.attempts(for: .giftDelivery)
        #expect(attempts.contains { attempt in
            if case .suppressed(let modifier, let cue) = attempt.attempt.outcome { return modifier == "speculation" && cue == "may" }
            return false
        })
        #expect(trace.render().contains("suppressed: speculation"))
    }

    @Test func sentencesSplitAtAbbreviationsCorrectly() {
        let trace = Shipped.coder.trace(
            Shipped.input("The U.S. envoy met Gen. Kim on Oct. 3 in Seoul. Mr. Lee said nothing. 유가족들이 울었다. 그리고 떠났다."))
        #expect(trace.sentences.map(\.text) == [
            "The U.S. envoy met Gen. Kim on Oct. 3 in Seoul.", "Mr. Lee said nothing.", "유가족들이 울었다.", "그리고 떠났다.",
        ])
    }
}
