import Testing
import Watchfloor
import WatchfloorIngest

@Suite struct LanguageGuesserTests {
    @Test(arguments: [
        ("Officials delivered rice to the families of soldiers who died in Russia.", "en"),
        ("유가족들에게 쌀과 기름이 전달되었다고 소식통이 전했다.", "ko"),
        ("Семьи погибших военных получили квартиры в новом доме, сообщил источник.", "ru"),
        ("Родини загиблих військових отримали квартири, які збудувала влада, повідомив джерело.", "uk"),
        ("戦死した兵士の遺族に住宅が提供されたと、関係者が明らかにした。", "ja"),
        ("朝鲜向在俄罗斯阵亡士兵的家属提供了住房和粮食。", "zh"),
        ("Die Familien der gefallenen Soldaten haben nach Angaben der Quelle neue Wohnungen bekommen.", "de"),
        ("Las familias de los soldados muertos recibieron viviendas nuevas, según la fuente.", "es"),
        ("Pyongyang", "en"),
    ])
    func guessesTheLanguage(text: String, expected: String) {
        #expect(LanguageGuesser.guess(text) == Language(rawValue: expected))
    }
}
