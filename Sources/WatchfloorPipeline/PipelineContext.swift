import Foundation
import Watchfloor
import WatchfloorStore

/// What the stages need from a pack, loaded once per command or server: the source registry for
/// ingest and the coder. (The coding stage fills this in.)
public struct PipelineContext: Sendable {
    public var registry: SourceRegistry
    public var coder: DocumentCoder?

    public init(registry: SourceRegistry = SourceRegistry(), coder: DocumentCoder? = nil) {
        self.registry = registry
        self.coder = coder
    }

    /// Loads the pack named or located by `pack`.
    public static func load(pack: String) throws -> PipelineContext {
        PipelineContext()
    }

    public func ingestor(store: any Store, options: IngestOptions) -> Ingestor {
        Ingestor(store: store, registry: registry, coder: coder, options: options)
    }
}
