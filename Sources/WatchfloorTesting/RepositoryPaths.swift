import Foundation

/// Folders of this repository, for tests that read the shipped packs, scenarios and samples.
public enum RepositoryPaths {
    /// The repository's root folder, found from this source file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WatchfloorTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    public static var packs: URL { root.appendingPathComponent("packs") }
    public static var scenarios: URL { root.appendingPathComponent("scenarios") }
    public static var samples: URL { root.appendingPathComponent("samples") }
}
