import Foundation
import WatchfloorYAML
import Watchfloor

/// What turns a run's truth into the reporting outlets would publish about it. Two writers exist:
/// the phrase-book writer (``TemplateLibrary`` and ``ReportingGenerator``, worded by the project)
/// and the house-style writer (``HouseStyleLibrary`` and ``HouseStyleWriter``, worded by someone
/// who had read neither the coder's pack nor the phrase books), so that the loop can be scored on
/// reporting the project did not write.
public protocol ReportingWriter: Sendable {
    func reporting(of truth: LatentSeries) -> SimulatedReporting
}

extension TemplateLibrary: ReportingWriter {
    public func reporting(of truth: LatentSeries) -> SimulatedReporting {
        ReportingGenerator(library: self, truth: truth).reporting()
    }
}

/// Which writer a scenario (or `simulate --writer`) asks for.
public enum ReportingWriterKind: String, Sendable, CaseIterable {
    case phraseBooks = "phrase-books"
    case houseStyles = "house-styles"

    /// Loads the writer's data from the scenario's folders.
    public func load(_ parameters: ReportingParameters) throws(ConfigurationError) -> any ReportingWriter {
        switch self {
        case .phraseBooks: try TemplateLibrary.load(from: parameters.templates)
        case .houseStyles: try HouseStyleLibrary.load(from: parameters.houseStyles)
        }
    }
}
