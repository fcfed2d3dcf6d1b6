import Foundation
import Watchfloor
import WatchfloorYAML

/// The second writer's data: its outlets (`outlets.yaml`) and one ``HouseStyleBook`` per language
/// (every other `*.yaml` in the folder).
///
/// ```swift
/// let library = try HouseStyleLibrary.load(from: URL(fileURLWithPath: "scenarios/house-styles"))
/// let reporting = HouseStyleWriter(library: library, truth: truth).reporting()
/// ```
public struct HouseStyleLibrary: Sendable, ReportingWriter {
    public var outlets: [OutletProfile]
    public var books: [Language: HouseStyleBook]

    public static func load(from folder: URL) throws(ConfigurationError) -> HouseStyleLibrary {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw ConfigurationError(file: folder.path, message: "cannot read the house-style folder: \(error.localizedDescription)")
        }
        guard files.contains("outlets.yaml") else {
            throw ConfigurationError(file: folder.path, message: "expected outlets.yaml in the house-style folder")
        }
        let outlets = try OutletProfile.loadAll(try YAMLValue.load(contentsOf: folder.appendingPathComponent("outlets.yaml")))
        let names = Set(outlets.map(\.name))
        for outlet in outlets {
            for repost in outlet.reposts where !names.contains(repost.outlet) {
                throw ConfigurationError(
                    file: folder.appendingPathComponent("outlets.yaml").path,
                    message: "\"\(outlet.name)\" reposts \"\(repost.outlet)\", which is not an outlet in this file")
            }
        }
        var books: [Language: HouseStyleBook] = [:]
        for file in files where file != "outlets.yaml" {
            let book = try HouseStyleBook.load(from: folder.appendingPathComponent(file))
            books[book.language] = book
        }
        guard !books.isEmpty else { throw ConfigurationError(file: folder.path, message: "no language file (en.yaml, …) in the house-style folder") }
        return HouseStyleLibrary(outlets: outlets, books: books)
    }

    public func reporting(of truth: LatentSeries) -> SimulatedReporting {
        HouseStyleWriter(library: self, truth: truth).reporting()
    }
}
