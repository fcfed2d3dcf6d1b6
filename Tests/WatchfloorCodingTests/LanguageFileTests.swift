import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting
import WatchfloorYAML

/// A pack's language files add a language's words to the sets, rules, modifiers and places of
/// the pack's own files; the structure is shared, so one rule codes every language.
@Suite struct LanguageFileTests {
    private func tinyPack(_ folder: TemporaryDirectory, language: String) throws -> URL {
        try folder.write("pack.yaml", text: """
            name: tiny
            files:
              types: types.yaml
              modifiers: modifiers.yaml
              gazetteer: gazetteer.yaml
              languages: [ru.yaml]
            """)
        try folder.write("types.yaml", text: """
            sets:
              kin: [families]
              giving: [deliver*]
            types:
              - name: GIFT_DELIVERY
                rules:
                  - id: delivery
                    trigger: {cues: ["@giving"], strength: 0.6}
                    roles:
                      recipient: {cues: ["@kin"], within: 8}
            """)
        try folder.write("modifiers.yaml", text: """
            modifiers:
              - {name: negation, effect: negate, scope: {direction: forward, tokens: 3}, cues: ["not"]}
            """)
        try folder.write("gazetteer.yaml", text: "provinces:\n  - {code: KP-10, names: [Ryanggang], places: [Hyesan]}\n")
        try folder.write("ru.yaml", text: language)
        return folder.url
    }

    private func code(_ pack: Pack, _ text: String, _ language: Language) -> [Event] {
        Coder(pack: pack).code(
            CodingInput(
                document: DocumentID(rawValue: "x"), text: TextNormalizer.normalize(text), language: language,
                published: Day("2025-10-24"), sourceKind: .insider))
    }

    @Test func aLanguageFileCodesThroughThePacksOwnRules() throws {
        let folder = try TemporaryDirectory()
        let pack = try Pack.load(from: try tinyPack(folder, language: """
            language: ru
            sets:
              kin: [семьи, семьям]
              giving: [передал*, вручил*]
            modifiers:
              negation: [не]
            places:
              KP-10: {names: [Рянган], places: [{name: Хесан, variants: ["Хесан*"]}]}
            """))
        let events = code(pack, "Партком передал рис семьям погибших в Хесане.", "ru")
        #expect(events.map(\.type) == [.giftDelivery])
        #expect(events.first?.province == .ryanggang)
        // Cyrillic is case-insensitive, and the cue keeps its language for `explain`.
        let trigger = try #require(events.first?.evidence.cues.first { $0.role == "trigger" })
        #expect(trigger.cue == "передал*" && trigger.language == "ru")
        #expect(code(pack, "ПЕРЕДАЛИ РИС СЕМЬЯМ.", "ru").count == 1)
        #expect(code(pack, "Партком не передал рис семьям.", "ru").isEmpty)
        // The pack's own words still code, with no language.
        #expect(code(pack, "Rice was delivered to families.", .english).first?.evidence.cues.allSatisfy { $0.language == nil } == true)
    }

    @Test func unknownSetsRulesAndProvincesAreErrorsWithTheirLine() throws {
        let folder = try TemporaryDirectory()
        let url = try tinyPack(folder, language: """
            language: ru
            sets:
              bereaved: [семьи погибших]
            rules:
              GIFT_DELIVERY/handout: {trigger: [раздал*]}
            places:
              KP-99: {names: [Атлантида]}
            """)
        do {
            _ = try Pack.load(from: url)
            Issue.record("expected errors")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.count == 3)
            #expect(messages.contains { $0.contains("ru.yaml:3") && $0.contains("unknown set \"bereaved\"") })
            #expect(messages.contains { $0.contains("ru.yaml:5") && $0.contains("unknown rule \"GIFT_DELIVERY/handout\"") })
            #expect(messages.contains { $0.contains("ru.yaml:7") && $0.contains("KP-99") })
        }
    }

    /// Invented sentences, one per language of the shipped pack, each a gift to the bereaved in
    /// Hyesan or a dispatch to Russia: the shipped language files code them.
    @Test(arguments: [
        ("ru", "Семьи погибших солдат в Хесане получили рис и муку от партийного комитета.", "GIFT_DELIVERY", "KP-10"),
        ("uk", "Родини загиблих солдатів у Хесані отримали рис від партійного комітету.", "GIFT_DELIVERY", "KP-10"),
        ("ja", "恵山で戦死した兵士の遺族に米と食用油が配られた。", "GIFT_DELIVERY", "KP-10"),
        ("zh", "惠山市阵亡士兵的遗属领到了大米和食用油。", "GIFT_DELIVERY", "KP-10"),
        ("de", "Die Familien der in Russland gefallenen Soldaten in Hyesan erhielten Reis und Öl.", "GIFT_DELIVERY", "KP-10"),
        ("es", "Las familias de los soldados caídos en Rusia recibieron arroz en Hyesan.", "GIFT_DELIVERY", "KP-10"),
        ("ru", "Северная Корея отправила в Россию еще 3000 солдат.", "DEPLOYMENT", ""),
        ("ja", "北朝鮮がロシアに兵士3000人を追加で派遣した。", "DEPLOYMENT", ""),
        ("zh", "朝鲜向俄罗斯又派遣了3000名士兵。", "DEPLOYMENT", ""),
    ])
    func theShippedLanguagesCode(language: String, text: String, type: String, province: String) {
        let events = Shipped.code(text, language: Language(rawValue: language))
        #expect(events.map(\.type.rawValue) == [type])
        #expect((events.first?.province?.code ?? "") == province)
    }
}
