import Foundation

/// Finds the data folders that ship with Watchfloor (`samples/`, `scenarios/`, `packs/`).
///
/// Search order: `$WATCHFLOOR_HOME/<folder>`, `./<folder>`, then the repository this binary was
/// built from (found from this source file's path, so `swift run` works from any directory).
public enum BundledData {
    /// The first `name` folder that holds `marker` (a path inside it that proves it is ours).
    public static func folder(_ name: String, containing marker: String) -> URL? {
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["WATCHFLOOR_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home).appendingPathComponent(name))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name))
        candidates.append(repositoryRoot.appendingPathComponent(name))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }
    }

    /// The repository root this binary was built from.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WatchfloorPipeline
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
}
