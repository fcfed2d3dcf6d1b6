import Foundation
import Testing
import Watchfloor
import WatchfloorCoding
import WatchfloorTesting
import WatchfloorYAML

@Suite struct PackTests {
    @Test func theShippedPackLoads() {
        let pack = Shipped.pack
        #expect(pack.name == "gift-politics")
        #expect(pack.eventTypes == EventType.giftPolitics)
        #expect(pack.gazetteer.placeCount >= 40)
        #expect(Set(pack.gazetteer.names.map(\.province)) == Set(Province.allCases))
        #expect(pack.sources.lookup("Daily NK")?.kind == .insider)
        #expect(pack.sources.lookup("조선중앙통신")?.kind == .stateMedia)
        #expect(pack.sources.lookup("RFA")?.reliability == .b)
        #expect(pack.attributes.sincerity?.sincereNotFrom == [.stateMedia])
    }

    /// Writes a minimal valid pack, then applies `change` to one of its files.
    private func pack(_ folder: TemporaryDirectory, _ file: String = "", replacing old: String = "", with new: String = "")
        throws -> URL
    {
        var files = [
            "pack.yaml": """
                name: tiny
                files:
                  types: types.yaml
                  gazetteer: gazetteer.yaml
                  sources: sources.yaml
                """,
            "types.yaml": """
                sets:
                  kin: [families, 유가족]
                types:
                  - name: GIFT_DELIVERY
                    rules:
                      - id: delivery
                        trigger: {cues: [deliver*], strength: 0.6}
                        roles:
                          recipient: {cues: ["@kin"], within: 8}
                        negated: AID_DISRUPTION
                  - name: AID_DISRUPTION
                    rules:
                      - id: cut
                        trigger: [cut]
                """,
            "gazetteer.yaml": """
                provinces:
                  - {code: KP-10, names: [Ryanggang, 량강도], places: [Hyesan]}
                """,
            "sources.yaml": """
                sources:
                  - {name: Daily NK, kind: insider, grade: B}
                """,
        ]
        if !file.isEmpty {
            #expect(files[file]!.contains(old), "the fixture has \(old)")
            files[file] = files[file]!.replacingOccurrences(of: old, with: new)
        }
        for (name, text) in files { try folder.write(name, text: text + "\n") }
        return folder.url
    }

    private func errors(_ url: URL) -> [ConfigurationError] {
        do {
            _ = try Pack.load(from: url)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func aMinimalPackLoadsAndCodes() throws {
        let folder = try TemporaryDirectory()
        let pack = try Pack.load(from: try pack(folder))
        let events = Coder(pack: pack).code(
            CodingInput(document: DocumentID(rawValue: "x"), text: "Rice was delivered to families in Hyesan.",
                language: .english, published: nil, sourceKind: .insider))
        #expect(events.map(\.type) == [.giftDelivery])
        #expect(events.first?.province == .ryanggang)
    }

    @Test func errorsNameTheFileLineAndWhatWasExpected() throws {
        let folder = try TemporaryDirectory()
        let url = try pack(folder, "types.yaml", replacing: "strength: 0.6", with: "strength: high")
        let found = errors(url)
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.file.hasSuffix("types.yaml"))
        #expect(error.line == 7)
        #expect(error.description.contains("expected a number"))
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let folder = try TemporaryDirectory()
        let url = try pack(folder, "types.yaml", replacing: "within: 8", with: "within: 8, widnow: 3")
        try folder.write("gazetteer.yaml", text: "provinces:\n  - {code: KP-99, names: [Atlantis]}\n")
        try folder.write("sources.yaml", text: "sources:\n  - {name: X, kind: blog}\n")
        let found = errors(url)
        #expect(found.contains { $0.file.hasSuffix("types.yaml") && $0.message.contains("widnow") && $0.line == 9 })
        #expect(found.contains { $0.file.hasSuffix("gazetteer.yaml") && $0.message.contains("KP-99") && $0.line == 2 })
        #expect(found.contains { $0.file.hasSuffix("sources.yaml") && $0.message.contains("state_media") })
    }

    @Test func unknownSetsBadCuesAndBadReferencesAreErrors() throws {
        let folder = try TemporaryDirectory()
        var url = try pack(folder, "types.yaml", replacing: "\"@kin\"", with: "\"@kinn\"")
        #expect(errors(url).contains { $0.message.contains("unknown cue set \"@kinn\"") && $0.line == 9 })
        url = try pack(folder, "types.yaml", replacing: "[cut]", with: "[\"cut*s\"]")
        #expect(errors(url).contains { $0.message.contains("must end a word") })
        url = try pack(folder, "types.yaml", replacing: "negated: AID_DISRUPTION", with: "negated: AID_DISRUPTON")
        #expect(errors(url).contains { $0.message.contains("AID_DISRUPTON") })
        url = try pack(folder, "pack.yaml", replacing: "sources: sources.yaml", with: "sources: nowhere.yaml")
        #expect(errors(url).contains { $0.message.contains("nowhere.yaml") && $0.line == 5 })
    }

    @Test func filesTheManifestDoesNotNameAreLeftAlone() throws {
        let folder = try TemporaryDirectory()
        let url = try pack(folder)
        try folder.write("analysis.yaml", text: "whatever: [this stage, does not read]\n")
        #expect(errors(url).isEmpty)
    }

    @Test func theLocatorTriesPathEnvironmentWorkingFolderThenTheRepository() throws {
        let candidates = PackLocator.candidates(for: "gift-politics", environment: ["WATCHFLOOR_PACKS": "/srv/packs"])
        #expect(candidates.map(\.path) == [
            URL(fileURLWithPath: "gift-politics").path, "/srv/packs/gift-politics",
            URL(fileURLWithPath: "packs/gift-politics").path,
            RepositoryPaths.packs.appendingPathComponent("gift-politics").path,
        ])
        #expect(PackLocator.candidates(for: "./my-pack", environment: [:]).count == 1)
        #expect(try PackLocator.locate("gift-politics").lastPathComponent == "gift-politics")
        #expect(throws: PackNotFound.self) { try PackLocator.locate("no-such-pack") }
    }
}
