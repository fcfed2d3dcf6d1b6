import Foundation

/// Runs the built `watchfloor` executable, as a user would.
public struct CommandLineTool: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    public let executable: URL

    /// The `watchfloor` binary next to the test bundle (`swift build --build-tests` builds both).
    public init() {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        // On macOS the tests run inside an .xctest bundle; on Linux the bundle is the executable.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("watchfloor").path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        executable = directory.appendingPathComponent("watchfloor")
    }

    /// A process for the tool, in a clean environment (`$WATCHFLOOR_DB` unset unless given).
    private func process(_ arguments: [String], environment: [String: String], directory: URL?) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "WATCHFLOOR_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        return process
    }

    /// Starts the tool without waiting.
    public func start(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> Process {
        let process = process(arguments, environment: environment, directory: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the tool to completion and captures what it printed.
    public func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> Result {
        let process = process(arguments, environment: environment, directory: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = error.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
