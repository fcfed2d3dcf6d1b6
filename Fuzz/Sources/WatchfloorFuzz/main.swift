import Foundation

// libFuzzer's driver, started from here rather than from its own `main` (SwiftPM names an
// executable's entry point itself). One binary holds every harness; `WATCHFLOOR_FUZZ_HARNESS`
// names the one to run (`Fuzz/run.sh` sets it), so that the packages are built once.

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) var harness: (any Harness)?

let name = ProcessInfo.processInfo.environment["WATCHFLOOR_FUZZ_HARNESS"] ?? ""
guard let chosen = Harnesses.all.first(where: { $0.name == name }) else {
    let names = Harnesses.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("set WATCHFLOOR_FUZZ_HARNESS to one of: \(names)\n".utf8))
    exit(2)
}
do {
    harness = try chosen.make()
} catch {
    FileHandle.standardError.write(Data("cannot prepare the \(name) harness: \(error)\n".utf8))
    exit(2)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { start, count in
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    harness?.run(bytes)
    return 0
})
