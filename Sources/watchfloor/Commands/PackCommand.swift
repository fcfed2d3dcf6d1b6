import ArgumentParser
import Foundation
import WatchfloorPipeline
import WatchfloorYAML

/// `--pack NAME|PATH`, shared by the commands that code.
/// `watchfloor pack …`: look after codebook packs.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Check and describe codebook packs.",
        subcommands: [PackCheckCommand.self]
    )
}

/// `watchfloor pack check PATH`: validates every file of a pack and prints every error.
struct PackCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a pack and print every error with its file, line and column.",
        discussion: """
            Reads pack.yaml and the files it names (types, modifiers, attributes, gazetteer, sources, \
            conventions, languages), checks every key, cue and reference, and prints each problem as \
            FILE:LINE:COLUMN: message. Then codes every example of the pack's conventions (the rules that \
            decide hard cases, e.g. "a denial is no event") and prints each one coded otherwise than the \
            convention says, with its line. Exits with status 1 when there is any problem. On success \
            prints a summary of the pack.

            Examples:
              watchfloor pack check packs/gift-politics
              watchfloor pack check gift-politics
              watchfloor pack check ~/my-packs/border-trade
            """
    )

    @Argument(help: ArgumentHelp("The pack's folder or name.", valueName: "PATH"))
    var path: String = PackLocator.defaultPack

    func run() throws {
        let url = try PackLocator.locate(path)
        let pack: Pack
        do {
            pack = try Pack.load(from: url)
        } catch {
            for problem in error.errors { print(problem.description) }
            print("\(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in \(url.path)")
            throw ExitCode(1)
        }
        let coder = Coder(pack: pack)
        let rules = pack.codebook.types.reduce(0) { $0 + $1.rules.count }
        let check = ConventionCheck(pack: pack, coder: coder)
        let verdict = check.failures.isEmpty ? "OK" : "\(check.failures.count) convention example(s) coded otherwise"
        print("\(pack.name) (version \(pack.version)): \(verdict)")
        print("  \(pack.eventTypes.count) event types, \(rules) rules, \(pack.modifiers.modifiers.count) modifiers, "
            + "\(pack.attributes.attributes.count) attributes, \(pack.attributes.occasions.count) occasions")
        print("  gazetteer: \(pack.gazetteer.names.count) names for \(pack.gazetteer.placeCount) places below province level")
        print("  sources: \(pack.sources.entries.count)")
        print("  compiled: \(coder.matcher.phraseCount) distinct cue phrases")
        print("  conventions: \(check.conventions), with \(check.examples) examples: "
            + (check.failures.isEmpty ? "all coded as they say" : "\(check.failures.count) coded otherwise"))
        guard check.failures.isEmpty else {
            for failure in check.failures { print(failure.description) }
            throw ExitCode(1)
        }
    }
}
