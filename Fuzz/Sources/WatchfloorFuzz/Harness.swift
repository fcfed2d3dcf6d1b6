import Foundation

/// One fuzzed parser: prepared once, then run on every input libFuzzer makes.
///
/// A harness crashes (`fatalError`) when an invariant of the parser's answer fails, so that
/// libFuzzer keeps the input; an input that is refused with an error is a correct answer.
protocol Harness {
    func run(_ bytes: [UInt8])
}

enum Harnesses {
    /// Every harness, by the name `Fuzz/run.sh` and `WATCHFLOOR_FUZZ_HARNESS` use.
    static let all: [(name: String, make: @Sendable () throws -> any Harness)] = [
        ("jsonl", { ReaderHarness(format: .jsonl, fileName: "fuzz.jsonl") }),
        ("csv", { ReaderHarness(format: .csv, fileName: "fuzz.csv") }),
        ("feed", { ReaderHarness(format: .rss, fileName: "fuzz.xml") }),
        ("html", { ReaderHarness(format: .html, fileName: "fuzz.html") }),
        ("markdown", { ReaderHarness(format: .markdown, fileName: "fuzz.md") }),
        ("detect", { ReaderHarness(format: .auto, fileName: "2025-10-01-fuzz") }),
        ("coder", { try CoderHarness() }),
        ("pack", { try PackHarness() }),
        ("settings", { try SettingsHarness() }),
        ("query", { try QueryHarness() }),
    ]
}

/// Stops the run with the input kept: an invariant of an answer failed.
func violated(_ what: String) -> Never {
    fatalError("invariant violated: \(what)")
}
