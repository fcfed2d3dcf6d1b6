import ArgumentParser
import WatchfloorPipeline

func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(text) else { throw ValidationError("\(option) \(text): expected a date as YYYY-MM-DD") }
    return day
}

func parseSourceKind(_ text: String?) throws -> SourceKind? {
    guard let text else { return nil }
    guard let kind = SourceKind(rawValue: text) else {
        throw ValidationError(
            "--source-kind \(text): expected one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return kind
}

func parseProvince(_ text: String?) throws -> Province? {
    guard let text, text.lowercased() != "none" else { return nil }
    guard let province = Province(code: text) else {
        throw ValidationError(
            "--province \(text): expected an ISO 3166-2:KP code (\(Province.allCases.map(\.code).joined(separator: ", "))) or none")
    }
    return province
}
