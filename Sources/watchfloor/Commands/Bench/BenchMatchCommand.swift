import ArgumentParser
import Foundation
import WatchfloorPipeline

/// `watchfloor bench match`: the cue matcher alone, with the semantics of the Python baselines in
/// `shared/bench/bench_dict.py` (whole words, leftmost-longest, no overlaps), so that the match
/// counts can be compared and the speeds put side by side.
struct BenchMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Time the cue matcher on a corpus with one document per line.",
        discussion: """
            Loads the phrases (one per line) into the matcher, reads the corpus into memory, splits it \
            into documents (one per line), then times the matching of every document --reps times and \
            prints one JSON object with the median, documents/s, MB/s, the number of matches and of \
            documents with a match. Reading the file and building the automaton are timed separately, \
            as the Python baselines do.

            Examples:
              python3 shared/bench/gen_corpus.py --out /tmp/dictbench
              watchfloor bench match --phrases /tmp/dictbench/phrases.txt --corpus /tmp/dictbench/corpus.txt
              watchfloor bench match --phrases /tmp/dictbench/phrases.txt --corpus /tmp/dictbench/corpus25.txt --reps 5
            """
    )

    @Option(help: ArgumentHelp("The lexicon: one phrase per line.", valueName: "FILE"))
    var phrases: String

    @Option(help: ArgumentHelp("The corpus: one document per line.", valueName: "FILE"))
    var corpus: String

    @Option(help: "How many timed passes; the median is reported.")
    var reps: Int = 3

    func run() throws {
        let lexicon = try BenchCorpus.lines(of: phrases).filter { !$0.isEmpty }
        let buildStart = ContinuousClock.now
        let matcher = try CueMatcher(cues: lexicon)
        let build = ContinuousClock.now - buildStart

        let corpus = try BenchCorpus(path: corpus)
        var scanner = matcher.makeScanner()
        var matches = 0
        var matched = 0
        let times = BenchCorpus.time(reps: reps) {
            matches = 0
            matched = 0
            corpus.forEachDocument { document in
                let found = scanner.countLeftmostLongest(in: document)
                matches += found
                if found > 0 { matched += 1 }
            }
        }
        corpus.report(
            tool: "watchfloor", times: times,
            extra: [
                "phrases": .int(lexicon.count), "build_s": .seconds(build), "matches": .int(matches),
                "docs_matched": .int(matched),
            ])
    }
}
