import Foundation
import Watchfloor
import WatchfloorYAML

/// A loaded and validated pack: the codebook, its context cues and attributes, the gazetteer and
/// the source registry, read from the YAML files a `pack.yaml` manifest names.
///
/// ```swift
/// let pack = try Pack.load(from: PackLocator.locate("gift-politics"))
/// pack.eventTypes.count        // 12
/// let coder = Coder(pack: pack)
/// ```
///
/// Loading reads every file and reports every problem it finds, each with its file, line,
/// column and what was expected (``ConfigurationErrors``). Files in the folder that the manifest
/// does not name (such as the analysis stage's `analysis.yaml`) are left alone.
public struct Pack: Sendable {
    public var name: String
    public var title: String
    public var version: Int
    public var directory: URL
    public var languages: [Language]
    public var codebook: Codebook
    public var modifiers: ModifierSet
    public var attributes: AttributeRules
    public var gazetteer: Gazetteer
    public var sources: SourceRegistry
    /// Groups of spellings of one word (romanisation variants): a cue written with one of them
    /// matches them all.
    public var spellings: [[String]]
    /// Korean particles that may follow a particle word (`청진=`), besides the gazetteer's suffixes.
    public var particles: [String]
    /// Per language written without spaces (Chinese, Japanese): the characters a word averages,
    /// so that distances written in words cover as much text there as elsewhere (see
    /// `TokenizedDocument.positions`). A language not listed counts a character as a 2.5th of a word.
    public var charactersPerWord: [Language: Double]
    /// The labelling conventions that decide hard cases, each with examples it must be coded as
    /// (``ConventionCheck``; `watchfloor pack check`).
    public var conventions: [Convention]

    public var eventTypes: [EventType] { codebook.types.map(\.type) }

    /// The manifest's file names, by role.
    static let fileKeys = ["types", "modifiers", "attributes", "gazetteer", "sources", "conventions"]

    public static func load(from directory: URL) throws(ConfigurationErrors) -> Pack {
        var log = ErrorLog()
        let manifestURL = directory.appendingPathComponent("pack.yaml")
        guard let manifest = log.attempt({ () throws(ConfigurationError) in try YAMLValue.load(contentsOf: manifestURL) })
        else { throw ConfigurationErrors(log.errors) }

        log.attempt { () throws(ConfigurationError) in
            try manifest.rejectUnknownKeys([
                "name", "title", "version", "languages", "files", "spellings", "particles", "characters_per_word", "note",
            ])
        }
        let name = log.attempt { () throws(ConfigurationError) in try manifest.required("name").nonEmptyString() }
            ?? directory.lastPathComponent
        let title = log.attempt { () throws(ConfigurationError) in try manifest["title"]?.string() ?? name } ?? name
        let version = log.attempt { () throws(ConfigurationError) in try manifest["version"]?.int(in: 1...1_000_000) ?? 1 } ?? 1
        let languages = (log.attempt { () throws(ConfigurationError) in try manifest["languages"]?.stringList() ?? ["en"] } ?? [])
            .map { Language(rawValue: $0) }
        let spellings = manifest["spellings"]?.each(&log) { (group, _) throws(ConfigurationError) -> [String]? in
            let words = try group.stringList()
            guard words.count >= 2, words.allSatisfy({ ScalarFolding.foldedWords($0).count == 1 }) else {
                throw group.error("expected a list of two or more spellings of one word")
            }
            return words
        } ?? []
        let particles = log.attempt { () throws(ConfigurationError) in try manifest["particles"]?.stringList() ?? [] } ?? []
        var charactersPerWord: [Language: Double] = [:]
        if let node = manifest["characters_per_word"], let entries = log.attempt({ () throws(ConfigurationError) in try node.mapping() }) {
            for (code, value) in entries {
                if let number = log.attempt({ () throws(ConfigurationError) in try value.double(in: 1...5) }) {
                    charactersPerWord[Language(rawValue: code)] = number
                }
            }
        }

        // The files, by role.
        var files: [String: YAMLValue] = [:]
        var languageFiles: [LanguageFile] = []
        if let filesNode = log.attempt({ () throws(ConfigurationError) in try manifest.required("files") }) {
            log.attempt { () throws(ConfigurationError) in try filesNode.rejectUnknownKeys(Set(fileKeys + ["languages"])) }
            for entry in filesNode["languages"]?.each(&log, { (item, _) throws(ConfigurationError) in item }) ?? [] {
                guard let fileName = log.attempt({ () throws(ConfigurationError) in try entry.nonEmptyString() }) else { continue }
                let url = directory.appendingPathComponent(fileName)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    log.add(entry.error("the language file \"\(fileName)\" does not exist in \(directory.path)"))
                    continue
                }
                if let root = log.attempt({ () throws(ConfigurationError) in try YAMLValue.load(contentsOf: url) }),
                    let file = LanguageFile(root: root, log: &log)
                {
                    languageFiles.append(file)
                }
            }
            for key in fileKeys {
                guard let entry = filesNode[key] else {
                    if key == "types" { log.add(filesNode.error("expected a key \"types\" in \"files\"")) }
                    continue
                }
                guard let fileName = log.attempt({ () throws(ConfigurationError) in try entry.nonEmptyString() }) else {
                    continue
                }
                let url = directory.appendingPathComponent(fileName)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    log.add(entry.error("the file \"\(fileName)\" named for \(key) does not exist in \(directory.path)"))
                    continue
                }
                if let root = log.attempt({ () throws(ConfigurationError) in try YAMLValue.load(contentsOf: url) }) {
                    files[key] = root
                }
            }
        }

        var codebook = Codebook(types: [])
        var reader = CueReader()
        if let root = files["types"] {
            (codebook, reader) = Codebook.read(root, languageFiles: languageFiles, log: &log)
            codebook.checkReferences(log: &log, root: root)
        }
        var modifiers = files["modifiers"].map { ModifierSet.read($0, reader: reader, log: &log) } ?? ModifierSet()
        var attributes = files["attributes"].map { AttributeRules.read($0, reader: reader, log: &log) } ?? AttributeRules()
        var gazetteer = files["gazetteer"].map { Gazetteer.read($0, reader: reader, log: &log) } ?? Gazetteer(names: [])
        for file in languageFiles {
            file.addModifiers(to: &modifiers, reader: reader, log: &log)
            file.addAttributes(to: &attributes, reader: reader, log: &log)
            file.addPlaces(to: &gazetteer, reader: reader, log: &log)
        }
        let sources = files["sources"].map { SourceFile.read($0, log: &log) } ?? SourceRegistry()
        let conventions = files["conventions"].map {
            Convention.read($0, types: Set(codebook.types.map(\.type)), log: &log)
        } ?? []

        let known = Set(codebook.types.map(\.type))
        for modifier in modifiers.modifiers {
            for type in modifier.appliesTo ?? [] where !known.contains(type) {
                log.add(ConfigurationError(
                    file: files["modifiers"]?.file ?? "modifiers.yaml",
                    message: "modifier \"\(modifier.name)\" applies to \(type), which is not a type of this pack"))
            }
        }
        if let sincerity = attributes.sincerity, !known.contains(sincerity.type) {
            log.add(ConfigurationError(
                file: files["attributes"]?.file ?? "attributes.yaml",
                message: "sincerity is defined for \(sincerity.type), which is not a type of this pack"))
        }

        guard log.isEmpty else { throw ConfigurationErrors(log.errors) }
        return Pack(
            name: name, title: title, version: version, directory: directory, languages: languages, codebook: codebook,
            modifiers: modifiers, attributes: attributes, gazetteer: gazetteer, sources: sources, spellings: spellings,
            particles: particles, charactersPerWord: charactersPerWord, conventions: conventions)
    }
}
