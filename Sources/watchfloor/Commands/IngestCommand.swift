import ArgumentParser
import Foundation
import WatchfloorPipeline

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read reporting files and feeds into the database.",
        discussion: """
            Reads plain text, Markdown, HTML pages, RSS/Atom feeds, JSON Lines and CSV (with a header row), \
            in UTF-8, UTF-16 (with BOM) or EUC-KR/CP949; folders are read recursively. Each report is \
            identified by its outlet, publication day and normalised text, so ingesting the same files again \
            adds nothing; syndicated and reposted copies published within --story-window days of a story's \
            first report are grouped with it, and indicators count the story once.

            Every record that cannot be read is reported with its file and line and skipped; the rest is \
            stored. The exit code is 0 when everything was read, 1 when something was rejected.

            Examples:
              watchfloor ingest reports/
              watchfloor ingest feed.xml --source "Daily NK"
              watchfloor ingest export.csv --format csv --encoding euc-kr --db team.sqlite
              watchfloor ingest big.jsonl --defer-index --summary json
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var packOption: PackOption

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    @Option(help: "The outlet for documents that do not name their own (a feed's items, a page).")
    var source: String?

    @Option(help: "The input format: auto decides by content (auto|text|markdown|html|rss|jsonl|csv).")
    var format: String = "auto"

    @Option(help: "The text encoding: auto detects (auto|utf-8|utf-16le|utf-16be|euc-kr|cp949|iso-8859-1|windows-1252).")
    var encoding: String = "auto"

    @Option(help: "Largest file read whole (text, HTML, feeds), in MB; JSON Lines and CSV stream.")
    var maxFileSize: Int = 16

    @Option(help: "Largest document text stored, in MB.")
    var maxDocumentSize: Int = 4

    @Option(help: "Documents per transaction; a killed run loses at most one batch, never consistency.")
    var batchSize: Int = 5000

    @Option(help: "A copy joins a story only if published within this many days of its first report.")
    var storyWindow: Int = 7

    @Flag(help: "Build the full-text index once at the end (faster for bulk loads).")
    var deferIndex = false

    @Flag(help: "Do not recompute the warnings after ingesting (`watchfloor warnings` will).")
    var noAnalysis = false

    @Option(help: "How to print the summary (table|json).")
    var summary: String = "table"

    func validate() throws {
        guard InputFormat(rawValue: format) != nil else {
            throw ValidationError("--format \(format): expected one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard TextEncoding(label: encoding) != nil else {
            throw ValidationError("--encoding \(encoding): expected one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard summary == "table" || summary == "json" else { throw ValidationError("--summary: expected table or json") }
        guard storyWindow >= 0 else { throw ValidationError("--story-window: expected a number of days, 0 or more") }
        guard maxFileSize > 0, maxDocumentSize > 0, batchSize > 0 else {
            throw ValidationError("--max-file-size, --max-document-size and --batch-size must be positive")
        }
    }

    func run() async throws {
        let store = try Workspace.openStore(path: self.store.databasePath)
        var options = IngestOptions()
        options.format = InputFormat(rawValue: format)!
        options.encoding = TextEncoding(label: encoding)!
        options.defaultSource = source
        options.deferSearchIndex = deferIndex
        options.batchSize = batchSize
        options.storyWindowDays = storyWindow
        options.limits = IngestLimits(maxFileBytes: maxFileSize << 20, maxDocumentBytes: maxDocumentSize << 20)
        let context = try packOption.context()
        let ingestor = context.ingestor(store: store, options: options)
        let bar = ProgressBar()
        let result = try ingestor.run(
            paths: paths,
            onRejection: { rejection in
                bar.finish()
                Terminal.error("rejected: \(rejection)")
            },
            onNotice: { notice in
                bar.finish()
                Terminal.error("note: \(notice)")
            },
            progress: { state in
                bar.update(
                    fraction: state.fraction,
                    detail: "\(state.documents) documents  \((state.currentFile as NSString).lastPathComponent)")
            })
        bar.finish()
        let warnings = noAnalysis ? nil : try context.warnings(store: store).run()
        if summary == "json" {
            Terminal.output(try JSONOutput.string(result))
        } else {
            Terminal.output(IngestCommand.describe(result))
            if let warnings { Terminal.output("  warnings: \(warnings.count) (see `watchfloor warnings`)") }
        }
        if result.rejected > 0 { throw ExitCode(1) }
    }

    static func describe(_ s: IngestSummary) -> String {
        var lines = [
            "read \(s.read) documents from \(s.files) files (\(String(format: "%.1f", Double(s.bytes) / 1e6)) MB in "
                + "\(String(format: "%.1f", s.seconds)) s, \(String(format: "%.1f", s.megabytesPerSecond)) MB/s)",
            "  new: \(s.new)   duplicate: \(s.duplicates)   near-duplicate: \(s.nearDuplicates)   rejected: \(s.rejected)"
                + "   events: \(s.events)",
        ]
        for (reason, count) in s.rejectionReasons.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("  rejected (\(reason)): \(count)")
        }
        return lines.joined(separator: "\n")
    }
}
