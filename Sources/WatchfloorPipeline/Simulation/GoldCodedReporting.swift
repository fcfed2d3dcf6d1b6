import Foundation
import Watchfloor

/// A simulation's reporting as the analysis stage would see it through a perfect coder: every
/// document's gold events (`truth/labels.jsonl`) as event facts, and the documents themselves
/// as the coverage log. Scoring the warnings on these as well as on the coder's events tells
/// what the analysis misses by itself from what the coder's errors cost it.
///
/// A syndicated copy joins its original's cluster (as ingest's near-duplicate fingerprint
/// would put it); outlets are filed under the pack's source registry as ingest files them.
struct GoldCodedReporting {
    var facts: [EventFact] = []
    var coverage: [OutletDay] = []

    private struct Line: Decodable {
        struct Simulated: Decodable {
            var syndicated_from: String?
        }
        var simulated: Simulated?
    }

    /// A line of the labels that does not read.
    struct ReadError: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    init(labels url: URL, registry: SourceRegistry) throws {
        let decoder = JSONDecoder()
        var documents: [String: (kind: SourceKind, days: [Day: Int])] = [:]
        var nextID: Int64 = 1
        let lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() where !raw.isEmpty {
            let data = Data(raw)
            let gold: GoldRecord
            let simulated: Line
            do {
                gold = try decoder.decode(GoldRecord.self, from: data)
                simulated = try decoder.decode(Line.self, from: data)
            } catch {
                throw ReadError(file: url.path, line: index + 1, message: "expected a labelled document (\(error))")
            }
            let record = gold.record
            guard let day = record.published.flatMap(Day.init) else {
                throw ReadError(file: url.path, line: index + 1, message: "expected a publication date as YYYY-MM-DD")
            }
            let source = registry.resolve(outlet: record.outlet, statedKind: record.sourceKind)
            documents[source.name, default: (source.kind, [:])].days[day, default: 0] += 1
            let cluster = DocumentID(rawValue: simulated.simulated?.syndicated_from ?? record.id ?? "line-\(index + 1)")
            for event in gold.events {
                facts.append(
                    EventFact(
                        id: nextID, type: event.type, province: event.province, day: day, cluster: cluster,
                        source: source.name, sourceKind: source.kind, reliability: source.reliability,
                        sincerity: event.sincerity))
                nextID += 1
            }
        }
        coverage = documents.flatMap { outlet, log in
            log.days.map { OutletDay(source: outlet, kind: log.kind, day: $0.key, documents: $0.value) }
        }
    }
}
