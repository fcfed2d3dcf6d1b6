import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting
import WatchfloorYAML

/// Pack features a pack author writes in YAML, each on a small pack of its own: rules that code
/// only when negated, Korean verb stems, and place names that are also common words.
@Suite struct PackRuleFeatureTests {
    private static let types = """
        types:
          - name: GIFT_DELIVERY
            rules:
              - id: delivery
                trigger: {cues: [delivered, 보내~], strength: 0.6}
                roles:
                  recipient: {cues: [widows, 유가족], within: 8}
          - name: AID_DISRUPTION
            rules:
              - id: unkept
                only_negated: true
                negated: AID_DISRUPTION
                trigger: {cues: [arrived, 오지], strength: 0.6}
                roles:
                  target: {cues: [coal, 석탄], within: 6}
          - name: CASUALTY_REPORT
            rules:
              - id: casualties
                trigger: [숨지~, 다치~]
                roles:
                  who: [병사]
        """
    private static let modifiers = """
        modifiers:
          - {name: negation, effect: negate, scope: {direction: forward, tokens: 4}, cues: ["not", "no"]}
          - {name: korean-negation, effect: negate, scope: {direction: backward, tokens: 2}, cues: [않]}
        """
    private static let gazetteer = """
        korean_suffixes: [시, 군]
        provinces:
          - code: KP-03
            names: [North Pyongan, 평안북도]
            places:
              - {name: Kusong, kind: city, variants: [구성시], common_words: [구성]}
        common_word_context:
          place_after: [한 소식통, 주민]
        """

    private func coder(types: String = Self.types) throws -> Coder {
        let folder = try TemporaryDirectory()
        try folder.write(
            "pack.yaml",
            text: """
                name: features
                files: {types: types.yaml, modifiers: modifiers.yaml, gazetteer: gazetteer.yaml}
                particles: [의, 에, 에서, 이, 은]

                """)
        try folder.write("types.yaml", text: types + "\n")
        try folder.write("modifiers.yaml", text: Self.modifiers + "\n")
        try folder.write("gazetteer.yaml", text: Self.gazetteer + "\n")
        return Coder(pack: try Pack.load(from: folder.url))
    }

    private func input(_ text: String) -> CodingInput {
        let korean = text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        return CodingInput(
            document: DocumentID(rawValue: "t"), text: text, language: korean ? .korean : .english, published: nil,
            sourceKind: .insider)
    }

    private func code(_ coder: Coder, _ text: String) -> [Event] { coder.code(input(text)) }

    @Test func aRuleThatCodesOnlyWhenNegated() throws {
        let coder = try coder()
        #expect(code(coder, "The coal has not arrived.").map(\.type) == [.aidDisruption])
        #expect(code(coder, "The coal arrived on Monday.").isEmpty)
        #expect(code(coder, "약속한 석탄이 오지 않았다.").map(\.type) == [.aidDisruption])
        let trace = coder.trace(input("The coal arrived."))
        #expect(trace.attempts(for: .aidDisruption).map(\.attempt.outcome) == [.missing(role: "negation")])
    }

    @Test func onlyNegatedNeedsTheTypeItsNegationCodes() throws {
        let broken = Self.types.replacingOccurrences(of: "        negated: AID_DISRUPTION\n", with: "")
        do {
            _ = try coder(types: broken)
            Issue.record("a rule with only_negated and no negated: loaded")
        } catch let error as ConfigurationErrors {
            let found = try #require(error.errors.first { $0.message.contains("only_negated") })
            #expect(found.file.hasSuffix("types.yaml"))
            #expect(found.line == 11)
        }
    }

    @Test func aKoreanStemMatchesItsConjugations() throws {
        let coder = try coder()
        for text in ["병사 100명이 숨졌다.", "병사들이 숨지거나 다쳤다.", "숨진 병사는 300명이다."] {
            #expect(code(coder, text).map(\.type) == [.casualtyReport], "\(text)")
        }
        #expect(code(coder, "병사들이 숨겨 둔 편지가 나왔다.").isEmpty)
        #expect(code(coder, "당이 유가족에게 쌀을 보냈다.").map(\.type) == [.giftDelivery])
        #expect(code(coder, "당이 유가족에게 보낸 쌀.").map(\.type) == [.giftDelivery])
    }

    @Test func aCommonWordIsAPlaceOnlyInContext() throws {
        let coder = try coder()
        func province(_ text: String) -> String? { code(coder, text).first?.province?.code }
        #expect(province("구성의 한 소식통은 당이 유가족에게 쌀을 보냈다고 말했다.") == "KP-03")
        #expect(province("평안북도 구성에서 당이 유가족에게 쌀을 보냈다.") == "KP-03")
        #expect(province("구성시에서 당이 유가족에게 쌀을 보냈다.") == "KP-03")
        // 구성 as "composition": no place.
        #expect(province("위원회 구성이 바뀐 뒤 당이 유가족에게 쌀을 보냈다.") == nil)
        let trace = coder.trace(input("위원회 구성이 바뀌었다."))
        #expect(trace.sentences.flatMap(\.places) == ["구성이: common word"])
    }
}
