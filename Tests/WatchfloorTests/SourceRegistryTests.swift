import Testing
import Watchfloor

@Suite struct SourceRegistryTests {
    let registry = SourceRegistry([
        .init(source: Source(name: "Daily NK", kind: .insider, reliability: .b), aliases: ["데일리NK"]),
        .init(source: Source(name: "KCNA", kind: .stateMedia, reliability: .b), aliases: ["Korean Central News Agency"]),
    ])

    @Test func looksUpByNameOrAliasIgnoringCaseAndPunctuation() {
        #expect(registry.lookup("daily-nk")?.kind == .insider)
        #expect(registry.lookup("데일리NK")?.name == "Daily NK")
        #expect(registry.lookup("Korean Central News Agency")?.name == "KCNA")
        #expect(registry.lookup("Rodong Sinmun") == nil)
    }

    @Test func repostsAreCreditedToWhatTheyCite() {
        #expect(registry.lookup("example.org (citing Daily NK)")?.name == "Daily NK")
        #expect(registry.lookup("KCNA (via a reposting site)")?.name == "KCNA")
        #expect(registry.lookup("Some Blog (Other Blog)") == nil)
    }

    @Test func unknownOutletsKeepTheirStatedKindAndCannotBeJudged() {
        let source = registry.resolve(outlet: " Rimjin-gang ", statedKind: .insider)
        #expect(source == Source(name: "Rimjin-gang", kind: .insider, reliability: .f))
        #expect(registry.resolve(outlet: nil, statedKind: nil) == .unknown)
    }
}
