// swift-tools-version:6.2
import PackageDescription

// Coverage-guided fuzzing (libFuzzer) of every parser of untrusted input. A package of its own, so
// that the main package's build and tests never see `-sanitize=fuzzer`. Build and run it with
// `Fuzz/run.sh`, which passes `-sanitize=fuzzer,address` to every module and links with lld (gold
// fails on libFuzzer beside the `main` SwiftPM names for an executable).
let package = Package(
    name: "watchfloor-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "watchfloor", path: "..")],
    targets: [
        .executableTarget(
            name: "WatchfloorFuzz",
            dependencies: [
                .product(name: "Watchfloor", package: "watchfloor"),
                .product(name: "WatchfloorPipeline", package: "watchfloor"),
            ]
        ),
    ]
)
