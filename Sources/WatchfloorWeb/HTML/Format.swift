import Foundation
import WatchfloorPipeline

/// Numbers and dates as the pages print them.
enum Format {
    /// 12345 → "12,345".
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    static func count(_ value: Double) -> String {
        value == value.rounded() ? count(Int(value)) : String(format: "%.1f", value)
    }

    static func count(_ value: EventCount) -> String {
        value.isExact ? count(value.value) : "more than \(count(value.value))"
    }

    /// Two decimals, for scores, probabilities and confidences.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    static func plural(_ value: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// The first sentence of an explanation, for one-line listings.
    static func firstSentence(_ text: String, limit: Int = 220) -> String {
        var end = text.endIndex
        if let stop = text.range(of: ". ") { end = stop.lowerBound }
        let sentence = String(text[..<end])
        let trimmed = sentence.count > limit ? String(sentence.prefix(limit)) + "…" : sentence
        return trimmed.hasSuffix(".") || trimmed.hasSuffix("…") ? trimmed : trimmed + "."
    }

    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    static func time(_ date: Date) -> String {
        let text = ISO8601DateFormatter().string(from: date)
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}
