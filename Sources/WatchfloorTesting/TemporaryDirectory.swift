import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
///
/// ```swift
/// let folder = try TemporaryDirectory()
/// let db = folder.url.appendingPathComponent("watchfloor.sqlite")
/// ```
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(prefix: String = "watchfloor-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `bytes` to `name` (creating sub-folders) and returns its URL.
    @discardableResult
    public func write(_ name: String, bytes: some Sequence<UInt8>) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target
    }

    /// Writes `text` as UTF-8 to `name` and returns its URL.
    @discardableResult
    public func write(_ name: String, text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }
}
