import Foundation

/// Finds a pack folder from a `--pack NAME|PATH` argument.
///
/// Search order, first hit wins:
/// 1. `nameOrPath` as a path to an existing folder (relative to the current folder or absolute);
/// 2. `$WATCHFLOOR_PACKS/<name>`;
/// 3. `./packs/<name>` in the current folder;
/// 4. `<repository root>/packs/<name>`, the repository this source file was built from, so that
///    `swift run watchfloor` finds the bundled packs from any folder.
///
/// ```swift
/// let url = try PackLocator.locate("gift-politics")
/// let pack = try Pack.load(from: url)
/// ```
public enum PackLocator {
    public static let defaultPack = "gift-politics"

    /// The repository's `packs` folder, found from this file's location at build time.
    public static let bundledPacks: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Pack
        .deletingLastPathComponent()  // WatchfloorCoding
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
        .appendingPathComponent("packs")

    public static func locate(_ nameOrPath: String = defaultPack) throws(PackNotFound) -> URL {
        let candidates = candidates(for: nameOrPath)
        for candidate in candidates where isFolder(candidate) {
            return candidate.standardizedFileURL
        }
        throw PackNotFound(name: nameOrPath, tried: candidates.map(\.path))
    }

    /// Where `locate` looks, in order.
    public static func candidates(
        for nameOrPath: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [URL] {
        var candidates = [URL(fileURLWithPath: nameOrPath)]
        let isPlainName = !nameOrPath.contains("/") && !nameOrPath.hasPrefix(".")
        guard isPlainName else { return candidates }
        if let packs = environment["WATCHFLOOR_PACKS"], !packs.isEmpty {
            candidates.append(URL(fileURLWithPath: packs).appendingPathComponent(nameOrPath))
        }
        candidates.append(URL(fileURLWithPath: "packs").appendingPathComponent(nameOrPath))
        candidates.append(bundledPacks.appendingPathComponent(nameOrPath))
        return candidates
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// No folder was found for a `--pack` argument.
public struct PackNotFound: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var tried: [String]

    public var description: String {
        "no pack \"\(name)\": expected a folder with a pack.yaml at one of: " + tried.joined(separator: ", ")
    }
}
