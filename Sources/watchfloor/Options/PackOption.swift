import ArgumentParser
import WatchfloorPipeline

/// `--pack NAME|PATH`: the codebook pack (default `gift-politics`).
struct PackOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The pack: a folder, or a name looked up in $WATCHFLOOR_PACKS, ./packs and the bundled packs.",
            valueName: "NAME|PATH"))
    var pack: String = PackLocator.defaultPack

    /// Locates and loads the pack; errors name the file and line.
    func load() throws -> Pack { try context().pack }

    /// The pack with its coder, ready for ingest, recode and analysis.
    func context() throws -> PipelineContext { try PipelineContext.load(pack: pack) }
}
