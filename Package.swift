// swift-tools-version:6.2
import PackageDescription

// The targets follow the pipeline: Ingest → Coding → Store → Analysis → Web / CLI / Export.
// Every stage depends on the domain model (`Watchfloor`), never on another stage;
// `WatchfloorPipeline` is the one place that wires stages together.
let package = Package(
    name: "watchfloor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "watchfloor", targets: ["watchfloor"]),
        .library(name: "Watchfloor", targets: ["Watchfloor"]),
        .library(name: "WatchfloorPipeline", targets: ["WatchfloorPipeline"]),
        .library(name: "WatchfloorWeb", targets: ["WatchfloorWeb"]),
        .library(name: "WatchfloorTesting", targets: ["WatchfloorTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // MARK: Domain model (pure, no I/O)
        .target(name: "Watchfloor"),

        // Line-accurate reading of the YAML data files (packs, scenarios, settings).
        .target(name: "WatchfloorYAML", dependencies: [.product(name: "Yams", package: "Yams")]),

        // MARK: Stages
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "WatchfloorIngest",
            dependencies: ["Watchfloor", "CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "WatchfloorCoding",
            dependencies: ["Watchfloor", "WatchfloorYAML"]
        ),
        .target(
            name: "WatchfloorStore",
            dependencies: [
                "Watchfloor", .product(name: "GRDB", package: "GRDB.swift"),
                // sqlite3_progress_handler, for the work budget of a request (WorkBudget).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "WatchfloorAnalysis", dependencies: ["Watchfloor", "WatchfloorYAML"]),
        .target(
            name: "WatchfloorSimulation",
            dependencies: ["Watchfloor", "WatchfloorYAML"]
        ),
        .target(name: "WatchfloorCharts", dependencies: ["Watchfloor"]),

        // MARK: Wiring and front ends
        .target(
            name: "WatchfloorPipeline",
            dependencies: [
                "Watchfloor", "WatchfloorIngest", "WatchfloorCoding", "WatchfloorStore",
                "WatchfloorAnalysis", "WatchfloorSimulation", "WatchfloorCharts", "WatchfloorYAML",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "WatchfloorWeb",
            dependencies: [
                "Watchfloor", "WatchfloorPipeline", "WatchfloorCharts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "watchfloor",
            dependencies: [
                "Watchfloor", "WatchfloorPipeline", "WatchfloorWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers for tests of every module: temporary folders, sample documents, labelled series.
        .target(name: "WatchfloorTesting", dependencies: ["Watchfloor"]),

        // MARK: Tests mirror the modules
        .testTarget(name: "WatchfloorTests", dependencies: ["Watchfloor", "WatchfloorYAML", "WatchfloorTesting"]),
        .testTarget(name: "WatchfloorIngestTests", dependencies: ["WatchfloorIngest", "WatchfloorTesting"]),
        .testTarget(
            name: "WatchfloorCodingTests", dependencies: ["WatchfloorCoding", "WatchfloorTesting"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "WatchfloorStoreTests",
            dependencies: ["WatchfloorStore", "WatchfloorTesting", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WatchfloorAnalysisTests", dependencies: ["WatchfloorAnalysis", "WatchfloorTesting"]),
        .testTarget(name: "WatchfloorChartsTests", dependencies: ["WatchfloorCharts", "WatchfloorTesting"]),
        .testTarget(name: "WatchfloorSimulationTests", dependencies: ["WatchfloorSimulation", "WatchfloorTesting"]),
        .testTarget(name: "WatchfloorPipelineTests", dependencies: ["WatchfloorPipeline", "WatchfloorTesting"]),
        .testTarget(
            name: "WatchfloorWebTests",
            dependencies: [
                "WatchfloorWeb", "WatchfloorPipeline", "WatchfloorYAML", "WatchfloorTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "WatchfloorCLITests", dependencies: ["WatchfloorTesting", "WatchfloorPipeline"]),
    ]
)
