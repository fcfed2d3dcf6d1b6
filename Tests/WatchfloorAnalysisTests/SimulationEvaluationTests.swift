import Foundation
import Testing
import Watchfloor

@testable import WatchfloorAnalysis

/// The warnings on a simulation's reporting, coded perfectly (its gold labels), scored against
/// its injected shifts — the analysis stage alone, without the coder's errors. Runs only when
/// WATCHFLOOR_SIM_DIRS names output folders of `watchfloor simulate` (comma-separated); prints.
@Suite struct SimulationEvaluationTests {
    struct Line: Decodable {
        struct Simulated: Decodable {
            var syndicated_from: String?
        }
        var id: String
        var outlet: String
        var source_kind: SourceKind
        var published: String
        var events: [GoldEvent]
        var simulated: Simulated?
    }

    struct Shift: Decodable {
        var kind: WarningKind
        var province: Province?
        var onset: Day
        var shift: String
    }

    static func reliability(_ kind: SourceKind) -> Reliability {
        switch kind {
        case .stateMedia: .c
        case .insider: .c
        case .wire, .government: .b
        case .thinkTank: .b
        case .other: .f
        }
    }

    static let directories = ProcessInfo.processInfo.environment["WATCHFLOOR_SIM_DIRS"]

    @Test(.enabled(if: directories != nil)) func warningsOnSimulatedReporting() throws {
        let dirs = try #require(Self.directories)
        let decoder = JSONDecoder()
        for dir in dirs.split(separator: ",").map(String.init) {
            var facts: [EventFact] = []
            var documents: [String: [Day: Int]] = [:]
            var kinds: [String: SourceKind] = [:]
            var nextID: Int64 = 1
            let labels = try String(contentsOfFile: dir + "/truth/labels.jsonl", encoding: .utf8)
            for raw in labels.split(separator: "\n") {
                let line = try decoder.decode(Line.self, from: Data(raw.utf8))
                guard let day = Day(line.published) else { continue }
                documents[line.outlet, default: [:]][day, default: 0] += 1
                kinds[line.outlet] = line.source_kind
                let cluster = DocumentID(rawValue: line.simulated?.syndicated_from ?? line.id)
                for event in line.events {
                    facts.append(
                        EventFact(
                            id: nextID, type: event.type, province: event.province, day: day, cluster: cluster,
                            source: line.outlet, sourceKind: line.source_kind,
                            reliability: Self.reliability(line.source_kind), sincerity: event.sincerity))
                    nextID += 1
                }
            }
            let coverage = documents.flatMap { outlet, days in
                days.map { OutletDay(source: outlet, kind: kinds[outlet]!, day: $0.key, documents: $0.value) }
            }
            let asOf = facts.map(\.day).max()!
            let start = facts.map(\.day).min()!
            let warnings = WarningEngine().warnings(facts: facts, coverage: coverage, asOf: asOf)
            let shifts = try decoder.decode([Shift].self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/truth/shifts.json")))
            func matches(_ w: Warning, _ s: Shift) -> Bool {
                w.kind == s.kind && (s.province == nil || w.province == s.province)
                    && w.detectedOn - s.onset >= -14 && w.detectedOn - s.onset <= 120
            }
            let years = Double(asOf - start + 1) / 365.25
            print("== \(dir): \(facts.count) events, \(Set(facts.map(\.cluster)).count) stories, \(String(format: "%.1f", years)) years, \(warnings.count) warnings")
            for shift in shifts {
                let hit = warnings.filter { matches($0, shift) }.min { $0.detectedOn < $1.detectedOn }
                print("  shift \(shift.kind) \(shift.province?.code ?? "national") \(shift.shift) onset \(shift.onset): "
                    + (hit.map { "detected \($0.detectedOn) (delay \($0.detectedOn - shift.onset) d, onset estimate \($0.onset), score \(String(format: "%.2f", $0.score)))" } ?? "missed"))
            }
            let falseAlarms = warnings.filter { w in !shifts.contains { matches(w, $0) } }
            #expect(Double(falseAlarms.count) / years / 13 <= 1, "\(dir): more than one false warning a province-year")
            print("  false alarms: \(falseAlarms.count) (\(String(format: "%.2f", Double(falseAlarms.count) / years / 13)) per province-year over 13 scopes)")
            for w in falseAlarms { print("    \(w.kind) \(w.province?.code ?? "national") \(w.types.map(\.rawValue).joined(separator: "+")) onset \(w.onset) detected \(w.detectedOn) score \(String(format: "%.2f", w.score))") }
        }
    }
}
