import Foundation
import Testing
import Watchfloor
import WatchfloorTesting
import WatchfloorYAML
@testable import WatchfloorSimulation

/// The observation model reports the world in proportion to what happens in it.
@Suite("Reporting tracks the latent truth")
struct ObservationTests {
    /// The alliance shift with the demo's denser reporting: enough stories to compare rates.
    static func allianceShift() throws -> (LatentSeries, SimulatedReporting) {
        var scenario = try Fixtures.scenario("alliance-shift")
        scenario.reporting.volume = 4
        let truth = Fixtures.run(scenario, seed: 3)
        return (truth, ReportingGenerator(library: try Fixtures.library(), truth: truth).reporting())
    }

    /// Labelled events of `type` in original documents (not copies, not false reports), by the
    /// week they observed.
    static func reported(_ type: EventType, in documents: [SimulatedDocument], weeks: Range<Int>) -> Int {
        documents.filter { $0.syndicatedFrom == nil && !$0.falseReport && weeks.contains($0.week) }
            .reduce(0) { $0 + $1.events.count { $0.type == type } }
    }

    @Test("the expected reporting is proportional to the latent count, with no cap")
    func expectationIsProportional() throws {
        let (truth, reporting) = try Self.allianceShift()
        let expected = reporting.expected.weekly(types: [.deployment], province: nil)
        // The wire reports every week, the briefing one week in four: compare the wire's weeks.
        let ratios = truth.weeks.filter { $0.week % 4 != 0 && $0.exchange.deployments > 0 }.map {
            expected[$0.week] / Double($0.exchange.deployments)
        }
        #expect(ratios.count > 60)
        let first = try #require(ratios.first)
        #expect(ratios.allSatisfy { abs($0 - first) < 1e-9 * first }, "stories per deployment vary: \(ratios.min()!)…\(ratios.max()!)")
        // Shipments are drawn from a rate: the expectation follows the rate (× 1.8 from week 52).
        let arms = reporting.expected.weekly(types: [.armsTransfer], province: nil)
        #expect(abs(arms[61] / arms[41] - 1.8) < 1e-9)
        #expect(arms[41] == arms[42] && arms[61] == arms[62])
    }

    @Test("reported rates rise with the latent flows after the alliance shift")
    func reportingFollowsTheShift() throws {
        let (truth, reporting) = try Self.allianceShift()
        let before = 0..<52, after = 52..<104
        func latent(_ value: (ExchangeWeek) -> Int, _ weeks: Range<Int>) -> Double {
            Double(truth.weeks[weeks].reduce(0) { $0 + value($1.exchange) })
        }
        for (type, flow) in [(EventType.armsTransfer, { (e: ExchangeWeek) in e.armsShipments }), (.deployment, { $0.deployments }), (.techTransfer, { $0.techTransfers })] {
            let reportedRatio = Double(Self.reported(type, in: reporting.documents, weeks: after))
                / Double(Self.reported(type, in: reporting.documents, weeks: before))
            let latentRatio = latent(flow, after) / latent(flow, before)
            #expect(latentRatio > 1.25, "\(type): the shift raised the flow")
            #expect(abs(log(reportedRatio / latentRatio)) < log(1.3), "\(type): reported × \(reportedRatio), latent × \(latentRatio)")
        }
    }

    @Test("the documents report about what the expectation says, type by type")
    func documentsMatchTheExpectation() throws {
        let (_, reporting) = try Self.allianceShift()
        let weeks = 0..<100  // the last weeks' stories may be published after the run ends
        for type in [EventType.giftDelivery, .condolenceVisit, .aidDisruption, .discontent, .controlMeasure, .deployment, .armsTransfer, .gratitudeExpression] {
            let expected = reporting.expected.weekly(types: [type], province: nil)[weeks].reduce(0, +)
            let reported = Double(Self.reported(type, in: reporting.documents, weeks: weeks))
            #expect(expected > 100, "\(type): \(expected)")
            #expect(abs(reported / expected - 1) < 0.15, "\(type): \(reported) reported, \(expected) expected")
        }
    }

    @Test("a stopped programme falls silent in the reporting, false and misplaced stories included")
    func stoppedProgrammeFallsSilent() throws {
        var scenario = try Fixtures.scenario("stopped-gifts")
        scenario.reporting.volume = 4
        let reporting = ReportingGenerator(library: try Fixtures.library(), truth: Fixtures.run(scenario, seed: 2)).reporting()
        // Gifts stop in KP-10 from week 80; stories are labelled by the week they tell of, so the
        // lag does not blur the comparison. Everything a reader would see counts: false reports
        // and stories placed in the wrong province too.
        func told(_ weeks: Range<Int>) -> Double {
            let stories = reporting.documents.filter { $0.syndicatedFrom == nil && weeks.contains($0.week) }
                .reduce(0) { $0 + $1.events.count { [.giftDelivery, .condolenceVisit].contains($0.type) && $0.province == .ryanggang } }
            return Double(stories) / Double(weeks.count)
        }
        let before = told(60..<80), after = told(80..<92)
        #expect(before > 2, "KP-10's gifts and visits were reported (\(before) a week)")
        #expect(after < 0.15 * before, "\(after) stories a week after the stop against \(before) before")
    }

    @Test("distinct stories are worded apart: the store does not fold them together")
    func distinctWording() throws {
        let (_, reporting) = try Self.allianceShift()
        let originals = reporting.documents.filter { $0.syndicatedFrom == nil && $0.happening != .speculation }
        let texts = originals.map { $0.record.text.lowercased() }
        #expect(Set(texts).count == texts.count, "identical texts among \(texts.count) original stories")
        // Some stories cannot be worded apart within twelve tries (0.5% of originals on this seed,
        // since false reports are drawn from each outlet's beat); the store folds those together.
        #expect(reporting.similarOriginals * 150 < originals.count, "\(reporting.similarOriginals) near-duplicate originals")
    }

    @Test("a reporting cap is an error that names the file and line")
    func capIsRejected() throws {
        let folder = try TemporaryDirectory()
        for file in ["outlets.yaml", "places.yaml", "en.yaml"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.scenarios.appendingPathComponent("templates/\(file)"), to: folder.file(file))
        }
        let outlets = try String(contentsOf: folder.file("outlets.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "gift: {per_event: 0.04}", with: "gift: {per_event: 0.04, max: 1.5}")
        try folder.write("outlets.yaml", text: outlets)
        let error = #expect(throws: ConfigurationError.self) { try TemplateLibrary.load(from: folder.url) }
        #expect(error?.file == folder.file("outlets.yaml").path)
        #expect(error?.message.contains("\"max\"") == true)
        #expect((error?.line ?? 0) > 40)
    }
}
