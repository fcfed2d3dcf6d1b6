import ArgumentParser

/// `--format`: how a listing is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, jsonl, geojson
}

/// Validates that `format` is one the command supports, with a message listing those it does.
func require(_ format: OutputFormat, in allowed: [OutputFormat]) throws {
    guard allowed.contains(format) else {
        throw ValidationError(
            "--format \(format.rawValue) is not available here; expected one of: \(allowed.map(\.rawValue).joined(separator: ", "))")
    }
}
