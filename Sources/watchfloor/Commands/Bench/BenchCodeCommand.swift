import ArgumentParser
import Foundation
import Watchfloor
import WatchfloorPipeline

/// `watchfloor bench code`: the full coder with a pack over a corpus with one document per line.
struct BenchCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Time the full coder (a pack's every rule) on a corpus with one document per line.",
        discussion: """
            Builds the coder from the pack (timed as build_s), turns every line into a coding input \
            (not timed, as the documents of a store already exist), then codes every document --reps \
            times and prints one JSON object: documents/s, MB/s, events coded, and where the time \
            goes — the cue matcher alone over the same text (match_s), then, from a profiled pass, \
            tokenising + matching + sentences (text_s), places (places_s), cues, dates and rules \
            (rules_s) and event assembly (events_s).

            Examples:
              watchfloor bench code --corpus /tmp/dictbench/corpus.txt
              watchfloor bench code --corpus /tmp/dictbench/corpus25.txt --pack packs/gift-politics --reps 5
            """
    )

    @Option(help: ArgumentHelp("The corpus: one document per line.", valueName: "FILE"))
    var corpus: String

    @OptionGroup var packOption: PackOption

    @Option(help: "How many timed passes; the median is reported.")
    var reps: Int = 3

    func run() throws {
        let pack = try packOption.load()
        let buildStart = ContinuousClock.now
        let coder = Coder(pack: pack)
        let build = ContinuousClock.now - buildStart

        let corpus = try BenchCorpus(path: corpus)
        let id = DocumentID(rawValue: "bench")
        var inputs: [CodingInput] = []
        inputs.reserveCapacity(corpus.documents.count)
        corpus.forEachDocument { bytes in
            inputs.append(
                CodingInput(
                    document: id, text: String(decoding: bytes, as: UTF8.self), language: .english, published: nil,
                    sourceKind: .other))
        }

        // The matcher alone, with every cue of the pack, over the same documents.
        var scanner = coder.matcher.makeScanner()
        var cueMatches = 0
        let matchTimes = BenchCorpus.time(reps: reps) {
            cueMatches = 0
            corpus.forEachDocument { cueMatches += scanner.matches(in: $0, mode: .all, allTokens: true).count }
        }

        var events = 0
        var documentsWithEvents = 0
        let times = BenchCorpus.time(reps: reps) {
            events = 0
            documentsWithEvents = 0
            for coded in coder.code(inputs) {
                events += coded.count
                if !coded.isEmpty { documentsWithEvents += 1 }
            }
        }
        let profile = coder.profile(inputs)
        corpus.report(
            tool: "watchfloor-code", times: times,
            extra: [
                "pack": .text(pack.name), "build_s": .seconds(build), "cue_matches": .int(cueMatches),
                "events": .int(events), "docs_with_events": .int(documentsWithEvents),
                "match_s": .number(matchTimes.sorted()[matchTimes.count / 2]), "text_s": .seconds(profile.text),
                "places_s": .seconds(profile.places), "rules_s": .seconds(profile.rules),
                "events_s": .seconds(profile.assembly),
            ])
    }
}
