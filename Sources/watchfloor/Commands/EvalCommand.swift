import ArgumentParser
import Foundation
import WatchfloorPipeline

/// `watchfloor eval --gold FILE.jsonl`: codes a labelled file and scores the coder against it.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the coder against a gold file of labelled passages.",
        discussion: """
            Each line of the gold file is a reporting record (DESIGN.md) with the events an analyst \
            codes in it. The text is normalised and coded as ingest would; predicted and gold event \
            types are compared per passage as multisets. Prints per-type precision, recall and F1, \
            micro figures, macro F1 over the types present in the gold file or the predictions, and \
            province and sincerity accuracy over matched events. --errors lists every false positive \
            and false negative (and province or sincerity disagreement) with the passage and the rules \
            and cues involved.

            Examples:
              watchfloor eval --gold ../shared/data/dev-passages.jsonl
              watchfloor eval --gold Tests/WatchfloorCodingTests/Fixtures/held-out.jsonl --errors
              watchfloor eval --gold gold.jsonl --format json --pack packs/gift-politics
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: ArgumentHelp("The gold file (JSON Lines).", valueName: "FILE"))
    var gold: String

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Flag(help: "List every false positive and false negative with its text and the rules involved.")
    var errors = false

    @OptionGroup var packOption: PackOption

    func run() throws {
        let pack = try packOption.load()
        let goldFile = try GoldFile.read(URL(fileURLWithPath: gold))
        let run = EvaluationRun(gold: goldFile, coder: Coder(pack: pack))
        switch format {
        case .json: print(EvaluationOutput.json(run, errors: errors))
        case .table: print(EvaluationOutput.table(run, errors: errors))
        }
    }
}
