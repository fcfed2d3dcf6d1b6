import ArgumentParser
import Foundation
import WatchfloorPipeline

/// `watchfloor eval --gold FILE.jsonl` codes a labelled file and scores the coder against it;
/// `watchfloor eval --reviewed` scores it against the analysts' reviews in a database.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the coder against a gold file of labelled passages, or against the analysts' reviews.",
        discussion: """
            --gold: each line of the gold file is a reporting record (DESIGN.md) with the events an analyst \
            codes in it. The text is normalised and coded as ingest would; predicted and gold event \
            types are compared per passage as multisets. Prints per-type precision, recall and F1, \
            micro figures, macro F1 over the types present in the gold file or the predictions, and \
            province and sincerity accuracy over matched events, then the same per language (the line's \
            `language`, else the guess ingest makes). Several --gold files are pooled. --errors lists every false positive \
            and false negative (and province or sincerity disagreement) with the passage and the rules \
            and cues involved.

            --reviewed: the same figures from the reviews in the database (--db). Only documents an \
            analyst reviewed are scored, and in them only the machine events a review judged, as the \
            coder coded them then: an accepted event is correct, a rejected one a false positive, an \
            edited one is gold with its corrected type, province and sincerity. Unreviewed events are \
            not judged, and reviews cannot add an event the coder missed, so recall here is an upper \
            bound; the review queue shows the least confident events first, so precision is likely \
            lower than over all machine output. --errors lists each disagreement with its review.

            Examples:
              watchfloor eval --gold ../shared/data/dev-passages.jsonl
              watchfloor eval --gold eval/real/test/ru.jsonl --gold eval/real/test/ja.jsonl
              watchfloor eval --gold Tests/WatchfloorCodingTests/Fixtures/held-out.jsonl --errors
              watchfloor eval --gold gold.jsonl --format json --pack packs/gift-politics
              watchfloor eval --reviewed --db reports.sqlite
              watchfloor eval --reviewed --format json --errors
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: ArgumentHelp("A gold file (JSON Lines); repeat to score several files as one.", valueName: "FILE"))
    var gold: [String] = []

    @Flag(help: "Score against the analysts' reviews in the database instead of a gold file.")
    var reviewed = false

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Flag(help: "List every false positive and false negative with its text and the rules (or the review) involved.")
    var errors = false

    @OptionGroup var packOption: PackOption

    func validate() throws {
        switch (gold.isEmpty, reviewed) {
        case (true, false): throw ValidationError("give --gold FILE.jsonl, or --reviewed to score against the reviews in the database")
        case (false, true): throw ValidationError("give either --gold or --reviewed, not both")
        default: break
        }
    }

    func run() throws {
        guard !gold.isEmpty else {
            let evaluation = try ReviewedEvaluation.load(from: try Workspace.openExistingStore(path: store.databasePath))
            if evaluation.reviews == 0 { Terminal.error("no reviews in \(store.databasePath) yet: review events on the dashboard's /review page") }
            switch format {
            case .json: print(EvaluationOutput.json(evaluation, errors: errors))
            case .table: print(EvaluationOutput.table(evaluation, errors: errors))
            }
            return
        }
        let pack = try packOption.load()
        let goldFile = GoldFile.pooled(try gold.map { try GoldFile.read(URL(fileURLWithPath: $0)) })
        let run = EvaluationRun(gold: goldFile, coder: Coder(pack: pack))
        switch format {
        case .json: print(EvaluationOutput.json(run, errors: errors))
        case .table: print(EvaluationOutput.table(run, errors: errors))
        }
    }
}
