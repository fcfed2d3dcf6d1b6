import Foundation
import Testing
import Watchfloor
import WatchfloorTesting
@testable import WatchfloorSimulation

@Suite("Simulated reporting and its labels")
struct ReportingTests {
    @Test("simulate writes reporting that parses as ReportingRecord and labels that parse as GoldRecord")
    func filesParse() async throws {
        let scenario = try Fixtures.scenario("stopped-gifts")
        let run = await Simulation.run(scenario, seed: 1, runs: 3, writer: try Fixtures.library())
        let folder = try TemporaryDirectory()
        try SimulationOutput.write(run, to: folder.url)

        let decoder = JSONDecoder()
        let reporting = try lines(folder.file("reporting.jsonl")).map { try decoder.decode(ReportingRecord.self, from: $0) }
        let labels = try lines(folder.file("truth/labels.jsonl")).map { try decoder.decode(GoldRecord.self, from: $0) }
        #expect(reporting.count == run.documents.count)
        #expect(reporting.count > 500 && reporting.count < 5000, "a realistic two years: \(reporting.count)")
        #expect(labels.map(\.record) == reporting, "labels describe exactly the reporting, line by line")
        #expect(Set(reporting.compactMap(\.id)).count == reporting.count)

        let first = scenario.start
        let last = scenario.day(ofWeek: scenario.weeks).adding(days: -1)
        for record in reporting {
            let published = try #require(record.published.flatMap(Day.init))
            #expect(first <= published && published <= last)
            #expect(record.outlet?.hasPrefix("Simulated ") == true, "source names say they are simulated")
            #expect(record.url?.hasPrefix("https://simulated.invalid/") == true)
            #expect(!record.text.isEmpty && record.sourceKind != nil)
        }
        let types = Set(labels.flatMap { $0.events.map(\.type) })
        #expect(types.isSubset(of: Set(EventType.giftPolitics)))
        #expect(types.count >= 11, "nearly every codebook type occurs: \(types.sorted())")

        let shifts = try InjectedShift.load(contentsOf: folder.file("truth/shifts.json"))
        #expect(shifts == run.shifts)
        let csv = try String(contentsOf: folder.file("truth/latent.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + scenario.weeks * 13)

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.file("summary.json"))) as? [String: Any]
        let horizon = try #require(summary?["strain_horizon"] as? [String: Any])
        #expect(horizon["unit"] as? String == "weeks")
        #expect(horizon["runs"] as? Int == 3)
        #expect(horizon.keys.contains("median") && horizon.keys.contains("p10") && horizon.keys.contains("p90"))
    }

    @Test("reporting is written in English and Korean, with place variants and relative dates")
    func languagesAndVariation() throws {
        let documents = try baselineDocuments()
        let korean = documents.filter { $0.record.language == .korean }
        let english = documents.filter { $0.record.language == .english }
        #expect(korean.count > documents.count / 5 && english.count > documents.count / 3)
        #expect(korean.allSatisfy { $0.record.text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } })
        let text = english.map(\.record.text).joined(separator: "\n")
        for variant in ["Hyesan", "Chongjin", "last week", "earlier this month"] {
            #expect(text.contains(variant), "expected \"\(variant)\" somewhere in the English reporting")
        }
        #expect(text.contains("Ryanggang") && text.contains("Yanggang"))
        let koreanText = korean.map(\.record.text).joined(separator: "\n")
        #expect(koreanText.contains("지난주") && koreanText.contains("혜산"))
        // Many templates per kind: reports of the same happening rarely repeat word for word.
        let gifts = documents.filter { $0.happening == .gift && $0.syndicatedFrom == nil }.map(\.record.text)
        #expect(Double(Set(gifts).count) > 0.9 * Double(gifts.count))
    }

    @Test("state media never report disruption, discontent or control")
    func stateMediaStayOnMessage() throws {
        let documents = try baselineDocuments().filter { $0.record.sourceKind == .stateMedia }
        #expect(!documents.isEmpty)
        let forbidden: Set<EventType> = [.aidDisruption, .discontent, .controlMeasure]
        #expect(documents.allSatisfy { document in document.events.allSatisfy { !forbidden.contains($0.type) } })
        let gratitude = documents.flatMap(\.events).filter { $0.type == .gratitudeExpression }
        #expect(!gratitude.isEmpty && gratitude.allSatisfy { $0.sincerity == .unclear })
    }

    @Test("syndicated copies are near-duplicates reporting the same events")
    func syndication() throws {
        let documents = try baselineDocuments()
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.record.id!, $0) })
        let copies = documents.filter { $0.syndicatedFrom != nil }
        #expect(copies.count > 20)
        for copy in copies {
            let original = try #require(byID[copy.syndicatedFrom!])
            #expect(copy.events == original.events)
            #expect(copy.record.outlet != original.record.outlet)
            #expect(copy.published >= original.published)
            let a = Set(copy.record.text.split(separator: " ")), b = Set(original.record.text.split(separator: " "))
            #expect(Double(a.intersection(b).count) / Double(min(a.count, b.count)) > 0.6)
        }
        #expect(copies.contains { $0.record.text != byID[$0.syndicatedFrom!]!.record.text }, "copies carry small edits")
    }

    @Test("when gifts stop in a province, insiders report the absence and stop reporting deliveries")
    func stoppedGiftsGoSilent() async throws {
        let scenario = try Fixtures.scenario("stopped-gifts")
        let run = await Simulation.run(scenario, seed: 2, writer: try Fixtures.library())
        let onset = scenario.day(ofWeek: 80)
        let insiders = run.documents.filter { $0.record.sourceKind == .insider && !$0.falseReport && !$0.misplaced }
        func reports(_ type: EventType, from: Day, to: Day) -> Int {
            insiders.filter { from <= $0.published && $0.published < to }
                .flatMap(\.events).count { $0.type == type && $0.province == .ryanggang }
        }
        // A delivery observed just before the onset may still be published a few weeks later.
        let afterLag = onset.adding(days: 28)
        let end = scenario.day(ofWeek: scenario.weeks)
        #expect(reports(.giftDelivery, from: scenario.day(ofWeek: 40), to: onset) > 3)
        #expect(reports(.giftDelivery, from: afterLag, to: end) == 0)
        #expect(reports(.aidDisruption, from: afterLag, to: end) > 3)
        let absence = insiders.filter { $0.happening == .giftsStopped && $0.published >= onset }
        #expect(!absence.isEmpty)
        #expect(absence.allSatisfy { $0.events.contains { $0.type == .aidDisruption } && !$0.events.contains { $0.type == .giftDelivery } })
    }

    @Test("labels follow the text: a province is labelled only where the text names one")
    func labelsFollowText() throws {
        let library = try Fixtures.library()
        let documents = try baselineDocuments()
        var checked = 0
        for document in documents where document.record.language == .english && document.happening == .gift {
            for event in document.events {
                guard let province = event.province else { continue }
                let names = library.places.names(province, in: .english) + library.places.cities(province, in: .english)
                #expect(names.contains { document.record.text.contains($0) }, "\(document.record.text) → \(province)")
                checked += 1
            }
        }
        #expect(checked > 20)
        // A document tells each event once.
        #expect(documents.allSatisfy { d in Set(d.events.map { "\($0.type)@\($0.province?.code ?? "-")" }).count == d.events.count })
        // False and misplaced reports are labelled by what they say, and flagged.
        #expect(documents.contains { $0.falseReport } && documents.contains { $0.misplaced })
    }

    private func baselineDocuments() throws -> [SimulatedDocument] {
        let truth = Fixtures.run(try Fixtures.scenario("baseline"), seed: 1)
        return ReportingGenerator(library: try Fixtures.library(), truth: truth).documents()
    }

    private func lines(_ url: URL) throws -> [Data] {
        try Data(contentsOf: url).split(separator: 0x0A).map { Data($0) }
    }
}
