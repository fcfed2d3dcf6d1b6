import Foundation
import WatchfloorAnalysis
import WatchfloorCoding
import WatchfloorSimulation
import WatchfloorYAML

/// A working copy of a data folder in a temporary folder, whose files a harness overwrites.
struct ScratchFolder {
    let url: URL
    /// The YAML files in the copy, relative paths in a fixed order.
    let files: [String]

    init(copying source: URL) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("watchfloor-fuzz-\(getpid())-\(source.lastPathComponent)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: source, to: url)
        let walker = FileManager.default.enumerator(atPath: url.path)
        files = (walker?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        guard !files.isEmpty else { throw CocoaError(.fileNoSuchFile) }
    }

    /// The first byte picks a file; the rest replaces its text until `body` returns.
    func withFile(replacedBy bytes: [UInt8], _ body: (String, URL) -> Void) {
        guard let choice = bytes.first else { return }
        let name = files[Int(choice) % files.count]
        let file = url.appendingPathComponent(name)
        let original = try! Data(contentsOf: file)
        try! Data(bytes.dropFirst()).write(to: file)
        defer { try! original.write(to: file) }
        body(name, file)
    }
}

/// A codebook pack with one of its files (types, cues, gazetteer, sources, conventions, a language
/// file, the analysis settings) replaced by the input: it loads, or is refused with errors that
/// each name the file.
///
/// The pack lists only the language file being fuzzed, if any: loading all six takes a second
/// under the sanitizers, and the other five add nothing the fuzzed one does not.
struct PackHarness: Harness {
    let folder: ScratchFolder
    let manifest: URL
    let manifestText: String

    init() throws {
        folder = try ScratchFolder(copying: try PackLocator.locate())
        manifest = folder.url.appendingPathComponent("pack.yaml")
        manifestText = try String(contentsOf: manifest, encoding: .utf8)
    }

    /// pack.yaml with `files.languages` naming only `language` (or none).
    private func listing(only language: String?) -> String {
        var lines = manifestText.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  languages: [") }) else { return manifestText }
        var end = start
        while !lines[end].contains("]") { end += 1 }
        lines.replaceSubrange(start...end, with: ["  languages: [\(language ?? "")]"])
        return lines.joined(separator: "\n")
    }

    func run(_ bytes: [UInt8]) {
        guard let choice = bytes.first else { return }
        let name = folder.files[Int(choice) % folder.files.count]
        if name != "pack.yaml" {
            try! listing(only: name.hasPrefix("languages/") ? name : nil).write(to: manifest, atomically: false, encoding: .utf8)
        }
        folder.withFile(replacedBy: bytes) { name, file in
            do throws(ConfigurationErrors) {
                _ = try Pack.load(from: folder.url)
            } catch {
                for problem in error.errors where problem.file.isEmpty {
                    violated("a pack error does not name its file: \(problem)")
                }
            }
            if name == "analysis.yaml" {
                _ = try? AnalysisSettings.load(from: file)
            }
        }
    }
}

/// The simulation's scenarios and house-style books with one file replaced by the input.
struct SettingsHarness: Harness {
    let folder: ScratchFolder

    init() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")
        folder = try ScratchFolder(copying: scenarios)
    }

    func run(_ bytes: [UInt8]) {
        folder.withFile(replacedBy: bytes) { name, file in
            do throws(ConfigurationError) {
                if name.hasPrefix("house-styles/") {
                    _ = try HouseStyleLibrary.load(from: folder.url.appendingPathComponent("house-styles"))
                } else if name.hasPrefix("templates/") {
                    _ = try TemplateLibrary.load(from: folder.url.appendingPathComponent("templates"))
                } else {
                    _ = try Scenario.load(from: file)
                }
            } catch {
                if error.file.isEmpty { violated("a settings error does not name its file: \(error)") }
            }
        }
    }
}
