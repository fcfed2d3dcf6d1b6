import Foundation
import Watchfloor
import WatchfloorCoding
import WatchfloorStore
import WatchfloorYAML

/// What the stages need from a pack, loaded once per command or server: the pack itself, its
/// source registry (for ingest) and the coder compiled from its codebook.
public struct PipelineContext: Sendable {
    public var pack: Pack
    public var coder: Coder

    public var registry: SourceRegistry { pack.sources }

    public init(pack: Pack) {
        self.pack = pack
        coder = Coder(pack: pack)
    }

    /// Locates (see ``PackLocator``) and loads the pack named or located by `nameOrPath`.
    public static func load(pack nameOrPath: String = PackLocator.defaultPack) throws -> PipelineContext {
        let url = try PackLocator.locate(nameOrPath)
        do {
            return PipelineContext(pack: try Pack.load(from: url))
        } catch {
            throw PackLoadFailure(path: url.path, errors: error)
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
