import Foundation
import Testing
import Watchfloor
import WatchfloorTesting
import WatchfloorYAML
@testable import WatchfloorSimulation

@Suite("Scenario files")
struct ScenarioLoadingTests {
    @Test("every shipped scenario loads", arguments: Fixtures.shippedScenarios)
    func shippedScenarioLoads(name: String) throws {
        let scenario = try Fixtures.scenario(name)
        #expect(scenario.name == name)
        #expect(scenario.provinces.count == 12)
        #expect(scenario.weeks > 0)
        if name != "baseline" { #expect(!scenario.shifts.isEmpty) }
        for shift in scenario.shifts { #expect(shift.week < scenario.weeks) }
    }

    @Test("a scenario that extends the baseline inherits what it does not state")
    func extendsInherits() throws {
        let baseline = try Fixtures.scenario("baseline")
        let squeeze = try Fixtures.scenario("budget-squeeze")
        #expect(squeeze.families == baseline.families)
        #expect(squeeze.family == baseline.family)
        #expect(squeeze.provinces == baseline.provinces)
        #expect(squeeze.reporting.templates == baseline.reporting.templates)
        #expect(squeeze.shifts.map(\.kind) == [.budgetCut, .budgetCut])
        #expect(squeeze.shifts[1].provinces == [.northHamgyong])
    }

    @Test("the shifts become truth entries named by the warning they should raise")
    func injectedShifts() throws {
        let scenario = try Fixtures.scenario("stopped-gifts")
        let shifts = scenario.injectedShifts
        #expect(shifts.count == 4)
        let ryanggang = shifts.filter { $0.province == .ryanggang }
        #expect(Set(ryanggang.map(\.kind)) == [.silence, .giftFlowDisruption])
        #expect(ryanggang.allSatisfy { $0.onset == scenario.day(ofWeek: 80) && $0.week == 80 })
    }

    @Test("an unknown key is rejected with its file, line and column")
    func unknownKey() throws {
        let folder = try TemporaryDirectory()
        try copyBaseline(into: folder)
        let file = try folder.write("typo.yaml", text: "extends: baseline.yaml\nname: typo\nbudget:\n  weekley: 10\n")
        let error = #expect(throws: ConfigurationError.self) { try Scenario.load(from: file) }
        #expect(error?.file == file.path)
        #expect(error?.line == 4)
        #expect(error?.description.contains("unknown key \"weekley\"") == true)
    }

    @Test("a value out of range names the key, the range and the value")
    func outOfRange() throws {
        let folder = try TemporaryDirectory()
        try copyBaseline(into: folder)
        let file = try folder.write("bad.yaml", text: "extends: baseline.yaml\nname: bad\nstrain:\n  threshold: 35\n")
        let error = #expect(throws: ConfigurationError.self) { try Scenario.load(from: file) }
        #expect(error?.line == 4)
        #expect(error?.message.contains("\"strain.threshold\"") == true)
        #expect(error?.message.contains("from 0.0 to 1.0") == true)
    }

    @Test("a shift in an unknown province, or of an unknown kind, is an error")
    func badShift() throws {
        let folder = try TemporaryDirectory()
        try copyBaseline(into: folder)
        let province = try folder.write(
            "p.yaml", text: "extends: baseline.yaml\nname: p\nshifts:\n  - {kind: crackdown, provinces: [KP-99], week: 3, factor: 2}\n")
        let provinceError = #expect(throws: ConfigurationError.self) { try Scenario.load(from: province) }
        #expect(provinceError?.message.contains("KP-99") == true)
        let kind = try folder.write("k.yaml", text: "extends: baseline.yaml\nname: k\nshifts:\n  - {kind: famine, week: 3, factor: 2}\n")
        let kindError = #expect(throws: ConfigurationError.self) { try Scenario.load(from: kind) }
        #expect(kindError?.message.contains("budget_cut") == true)
    }

    @Test("a scenario elsewhere can extend a shipped one by its absolute path")
    func extendsAbsolutePath() throws {
        let folder = try TemporaryDirectory()
        let baseline = RepositoryPaths.scenarios.appendingPathComponent("baseline.yaml").path
        let file = try folder.write("mine.yaml", text: "extends: \(baseline)\nname: mine\nbudget:\n  weekly: 0\n")
        let scenario = try Scenario.load(from: file)
        #expect(scenario.budget.weekly == 0 && scenario.budget.giftCost == 1)
        #expect(scenario.reporting.templates == RepositoryPaths.scenarios.appendingPathComponent("templates").standardizedFileURL)
    }

    @Test("a scenario that extends itself is reported, not looped on")
    func extendsCycle() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("loop.yaml", text: "extends: loop.yaml\nname: loop\n")
        let error = #expect(throws: ConfigurationError.self) { try Scenario.load(from: file) }
        #expect(error?.message.contains("cycle") == true)
    }

    @Test("a missing province is named")
    func missingProvince() throws {
        let folder = try TemporaryDirectory()
        var text = try String(contentsOf: RepositoryPaths.scenarios.appendingPathComponent("baseline.yaml"), encoding: .utf8)
        text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  KP-13:") }.joined(separator: "\n")
        let file = try folder.write("baseline.yaml", text: text)
        let error = #expect(throws: ConfigurationError.self) { try Scenario.load(from: file) }
        #expect(error?.message.contains("missing KP-13") == true)
    }

    @Test("the templates load, and an unknown placeholder is located")
    func templates() throws {
        let library = try Fixtures.library()
        #expect(library.languages == [.english, .korean])
        #expect(library.outlets.allSatisfy { $0.name.hasPrefix("Simulated ") })

        let folder = try TemporaryDirectory()
        for file in ["outlets.yaml", "places.yaml"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.scenarios.appendingPathComponent("templates/\(file)"), to: folder.file(file))
        }
        try folder.write(
            "en.yaml",
            text: """
                language: en
                vocabulary: {told: [said]}
                dates: {weekdays: [a, b, c, d, e, f, g], months: [a, b, c, d, e, f, g, h, i, j, k, l], date: ["{day}"],
                  this_week: [x], last_week: [x], this_month: [x], last_month: [x], earlier: [x], gap_weeks: [x],
                  gap_months: [x], numbers: [one]}
                sentences:
                  gift:
                    insider:
                      - {text: "Rice reached {cty}.", events: [GIFT_DELIVERY]}
                """)
        let error = #expect(throws: ConfigurationError.self) { try TemplateLibrary.load(from: folder.url) }
        #expect(error?.message.contains("{cty}") == true)
    }

    @Test("a template's event must be one of the codebook's twelve types")
    func unknownEventType() throws {
        let yaml = try YAMLValue.parse("x", file: "t.yaml")
        #expect(throws: ConfigurationError.self) { try TemplateEvent("GIFT_DELIVERED", at: yaml) }
        let placed = try TemplateEvent("DIPLOMATIC_SIGNAL@KP-01", at: yaml)
        #expect(placed.placement == .fixed(.pyongyang))
        let coerced = try TemplateEvent("GRATITUDE_EXPRESSION/coerced", at: yaml)
        #expect(coerced.sincerity == .coerced)
    }

    private func copyBaseline(into folder: TemporaryDirectory) throws {
        try FileManager.default.copyItem(
            at: RepositoryPaths.scenarios.appendingPathComponent("baseline.yaml"), to: folder.file("baseline.yaml"))
    }
}
