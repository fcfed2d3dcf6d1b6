import Foundation
import Watchfloor
import WatchfloorYAML

/// Everything the outlets need to write: their profiles (`outlets.yaml`), place names
/// (`places.yaml`) and one phrase book per language (every other `*.yaml` in the folder, e.g.
/// `en.yaml`, `ko.yaml`). Loaded once per run; errors name the file, line and column.
///
/// ```swift
/// let library = try TemplateLibrary.load(from: scenario.reporting.templates)
/// library.outlets.map(\.name)   // ["Simulated State Media", …]
/// ```
public struct TemplateLibrary: Sendable {
    public var outlets: [OutletProfile]
    var places: PlaceNames
    var phraseBooks: [Language: PhraseBook]

    public var languages: [Language] { phraseBooks.keys.sorted { $0.rawValue < $1.rawValue } }

    public static func load(from folder: URL) throws(ConfigurationError) -> TemplateLibrary {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw ConfigurationError(file: folder.path, message: "cannot read the templates folder (\(error.localizedDescription))")
        }
        guard files.contains("outlets.yaml"), files.contains("places.yaml") else {
            throw ConfigurationError(file: folder.path, message: "expected outlets.yaml and places.yaml in the templates folder")
        }
        let outlets = try OutletProfile.loadAll(try YAMLValue.load(contentsOf: folder.appendingPathComponent("outlets.yaml")))
        let places = try PlaceNames.load(try YAMLValue.load(contentsOf: folder.appendingPathComponent("places.yaml")))
        var books: [Language: PhraseBook] = [:]
        for file in files where file != "outlets.yaml" && file != "places.yaml" {
            let root = try YAMLValue.load(contentsOf: folder.appendingPathComponent(file))
            let book = try PhraseBook.load(root)
            guard books[book.language] == nil else {
                throw root.error("a second phrase book for language \"\(book.language)\"")
            }
            books[book.language] = book
        }
        guard !books.isEmpty else {
            throw ConfigurationError(file: folder.path, message: "expected at least one phrase book (such as en.yaml) in the templates folder")
        }
        return TemplateLibrary(outlets: outlets, places: places, phraseBooks: books)
    }
}
