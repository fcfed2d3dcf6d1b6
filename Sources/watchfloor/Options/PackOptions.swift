import ArgumentParser

/// `--pack NAME|PATH`: the codebook pack (default `gift-politics`).
struct PackOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The codebook pack: a name under packs/ or a folder (default: gift-politics).", valueName: "NAME|PATH"))
    var pack: String = "gift-politics"
}
