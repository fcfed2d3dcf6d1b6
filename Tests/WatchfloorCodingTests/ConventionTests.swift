import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting
import WatchfloorYAML

/// The conventions that decide hard cases live in the pack with examples, and `pack check` codes
/// every example: a pack that breaks its own convention fails where the change is made.
@Suite struct ConventionTests {
    private func tinyPack(_ folder: TemporaryDirectory, conventions: String) throws -> URL {
        try folder.write("pack.yaml", text: """
            name: tiny
            files: {types: types.yaml, modifiers: modifiers.yaml, gazetteer: gazetteer.yaml, conventions: conventions.yaml}
            """)
        try folder.write("types.yaml", text: """
            types:
              - name: GIFT_DELIVERY
                rules:
                  - id: delivery
                    trigger: {cues: ["deliver*"], strength: 0.6}
                    roles:
                      recipient: {cues: [families], within: 8}
            """)
        try folder.write("modifiers.yaml", text: """
            modifiers:
              - {name: denial, effect: suppress, scope: sentence, cues: [fake news]}
            """)
        try folder.write("gazetteer.yaml", text: "provinces:\n  - {code: KP-10, names: [Ryanggang], places: [Hyesan]}\n")
        try folder.write("conventions.yaml", text: conventions)
        return folder.url
    }

    @Test func theShippedConventionsAreCodedAsTheySay() throws {
        let pack = try Pack.load(from: PackLocator.locate("gift-politics"))
        let check = ConventionCheck(pack: pack, coder: Coder(pack: pack))
        #expect(check.conventions >= 10)
        #expect(check.examples >= 20)
        #expect(check.failures.map(\.description) == [])
    }

    @Test func anExampleCodedOtherwiseIsAFailureWithItsLine() throws {
        let folder = try TemporaryDirectory()
        let pack = try Pack.load(from: try tinyPack(folder, conventions: """
            conventions:
              - id: denial
                rule: A denial is no event.
                examples:
                  - {text: "They delivered rice to families in Hyesan.", expect: [GIFT_DELIVERY KP-10]}
                  - {text: "Reports that they delivered rice to families are fake news.", expect: []}
              - id: provinces
                rule: The province is the one the sentence names.
                examples:
                  - {text: "They delivered rice to families in Hyesan.", expect: [GIFT_DELIVERY KP-09]}
            """))
        let check = ConventionCheck(pack: pack, coder: Coder(pack: pack))
        #expect(check.conventions == 2 && check.examples == 3)
        let failure = try #require(check.failures.only)
        #expect(failure.convention == "provinces")
        #expect(failure.coded.map(\.description) == ["GIFT_DELIVERY KP-10"])
        #expect(failure.description.hasSuffix(
            "conventions.yaml:10: convention \"provinces\": expected GIFT_DELIVERY KP-09, coded GIFT_DELIVERY KP-10 "
                + "for \"They delivered rice to families in Hyesan.\""))
    }

    @Test func badExpectationsAreErrorsWithTheirLine() throws {
        let folder = try TemporaryDirectory()
        let url = try tinyPack(folder, conventions: """
            conventions:
              - id: x
                rule: An unknown type.
                examples:
                  - {text: "anything", expect: [GIFT_DELIVRY]}
              - id: x
                rule: A repeated id and a word that is neither a province nor a sincerity.
                examples:
                  - {text: "anything", expect: [GIFT_DELIVERY Hyesan]}
            """)
        let error = #expect(throws: ConfigurationErrors.self) { try Pack.load(from: url) }
        let messages = error?.errors.map(\.description) ?? []
        #expect(messages.contains { $0.contains("conventions.yaml:5:") && $0.contains("\"GIFT_DELIVRY\" is not a type") })
        #expect(messages.contains { $0.contains("conventions.yaml:6:") && $0.contains("a second convention with the id \"x\"") })
    }
}

extension Array {
    fileprivate var only: Element? { count == 1 ? first : nil }
}
