import Foundation

/// Where and how the CLI writes: results to standard output, messages and progress to standard
/// error, progress only when standard error is a terminal.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A caution on standard error: the command goes on.
    static func warning(_ message: String) { error("warning: " + message) }

    /// Prints a result; a trailing new line is added when missing.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar {
    private var lastDraw = Date.distantPast
    private let started = Date()
    private var drawn = false

    func update(fraction: Double, detail: String, force: Bool = false) {
        guard Terminal.isInteractive else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = now.timeIntervalSince(started)
        let line = String(format: "\r%@ %3.0f%%  %@  %.0fs", bar, fraction * 100, detail, elapsed)
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
