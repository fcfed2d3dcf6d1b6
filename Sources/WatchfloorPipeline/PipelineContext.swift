import Foundation
import Watchfloor
import WatchfloorAnalysis
import WatchfloorCoding
import WatchfloorStore
import WatchfloorYAML

/// What the stages need from a pack, loaded once per command or server: the pack itself, its
/// source registry (for ingest), the coder compiled from its codebook, and the analysis settings
/// (`analysis.yaml` beside the codebook, or the built-in defaults when the pack has none).
public struct PipelineContext: Sendable {
    public var pack: Pack
    public var coder: Coder
    public var analysis: AnalysisSettings
    /// Identifies the analysis settings across runs (the SHA-256 of `analysis.yaml`), so that
    /// stored warnings are recomputed when the settings change.
    public var analysisDigest: String

    public var registry: SourceRegistry { pack.sources }

    public init(pack: Pack, analysis: AnalysisSettings = .default, analysisDigest: String = "default") {
        self.pack = pack
        self.analysis = analysis
        self.analysisDigest = analysisDigest
        coder = Coder(pack: pack)
    }

    /// Keeps the warnings of `store` current with this pack's analysis settings.
    public func warnings(store: any Store) -> WarningRefresh {
        WarningRefresh(store: store, settings: analysis, settingsDigest: analysisDigest)
    }

    /// Locates (see ``PackLocator``) and loads the pack named or located by `nameOrPath`.
    public static func load(pack nameOrPath: String = PackLocator.defaultPack) throws -> PipelineContext {
        let url = try PackLocator.locate(nameOrPath)
        let pack: Pack
        do {
            pack = try Pack.load(from: url)
        } catch {
            throw PackLoadFailure(path: url.path, errors: error)
        }
        let settingsFile = url.appendingPathComponent("analysis.yaml")
        guard FileManager.default.fileExists(atPath: settingsFile.path) else { return PipelineContext(pack: pack) }
        do {
            let digest = SHA256.hex((try? Data(contentsOf: settingsFile)) ?? Data())
            return PipelineContext(pack: pack, analysis: try AnalysisSettings.load(from: settingsFile), analysisDigest: digest)
        } catch {
            throw PackLoadFailure(path: url.path, errors: ConfigurationErrors([error]))
        }
    }

    /// Codes one document as ingest and recode do.
    public func code(_ document: Document, source: Source) -> [Event] {
        coder.code(CodingInput(document, sourceKind: source.kind))
    }

    public func ingestor(store: any Store, options: IngestOptions, coding: Bool = true) -> Ingestor {
        let coder = self.coder
        let code: DocumentCoder = { document, source in coder.code(CodingInput(document, sourceKind: source.kind)) }
        return Ingestor(store: store, registry: registry, coder: coding ? code : nil, options: options)
    }
}

/// A pack that does not load: where it is, and each of its errors on a line of its own.
public struct PackLoadFailure: Error, CustomStringConvertible {
    public var path: String
    public var errors: ConfigurationErrors

    public var description: String { "the pack at \(path) has errors (see `watchfloor pack check`):\n\(errors)" }
}
