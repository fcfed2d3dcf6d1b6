import Foundation
import WatchfloorYAML

/// Finds a scenario file from what a user typed: a path, or a scenario's name.
///
/// Search order: `nameOrPath` as a path (with or without `.yaml`); `$WATCHFLOOR_SCENARIOS/<name>.yaml`;
/// `./scenarios/<name>.yaml`; `<repository root>/scenarios/<name>.yaml`, the root found from this
/// source file's location (so that `swift run watchfloor simulate --scenario baseline` works from
/// any folder of a checkout).
public enum ScenarioLocator {
    public static func locate(_ nameOrPath: String) throws(ConfigurationError) -> URL {
        let fileManager = FileManager.default
        let name = nameOrPath.hasSuffix(".yaml") ? nameOrPath : nameOrPath + ".yaml"
        var candidates = [nameOrPath, name].map { URL(fileURLWithPath: $0) }
        if let folder = ProcessInfo.processInfo.environment["WATCHFLOOR_SCENARIOS"], !folder.isEmpty {
            candidates.append(URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        candidates.append(URL(fileURLWithPath: "scenarios").appendingPathComponent(name))
        candidates.append(repositoryScenarios.appendingPathComponent(name))
        var seen: Set<String> = []
        candidates = candidates.filter { seen.insert($0.standardizedFileURL.path).inserted }
        var isDirectory: ObjCBool = false
        for candidate in candidates where fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory) && !isDirectory.boolValue {
            return candidate.standardizedFileURL
        }
        throw ConfigurationError(
            file: nameOrPath,
            message: "no scenario file found; looked at \(candidates.map(\.path).joined(separator: ", "))")
    }

    /// `<repository root>/scenarios`, from this file's place in the checkout.
    public static let repositoryScenarios: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Scenario
        .deletingLastPathComponent()  // WatchfloorSimulation
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
        .appendingPathComponent("scenarios", isDirectory: true)
}
