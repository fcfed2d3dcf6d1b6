import Watchfloor

/// Reads the publication dates that feeds, pages and files carry, keeping the calendar day as the
/// publisher wrote it (a KST timestamp `2025-10-24T23:30:00+09:00` is the 24th).
///
/// Accepts ISO 8601 (`2025-10-24`, with a time and zone), RFC 822 as in RSS
/// (`Fri, 24 Oct 2025 09:00:00 +0900`), `24 October 2025`, `October 24, 2025`, `Oct. 24, 2025`,
/// `2025/10/24`, `2025.10.24`, and Korean `2025년 10월 24일`.
public enum PublicationDate {
    public static func parse(_ raw: String) -> Day? {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return nil }
        if let day = Day(text) { return day }

        var numbers: [Int] = []
        var words: [String] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit, let n = Int(current) { numbers.append(n) } else { words.append(current.lowercased()) }
            current = ""
        }
        for ch in text {
            if ch.isASCII, ch.isNumber {
                if !currentIsDigit { flush() }
                currentIsDigit = true
                current.append(ch)
            } else if ch.isLetter {
                if currentIsDigit { flush() }
                currentIsDigit = false
                current.append(ch)
            } else {
                flush()
                // Stop at a time of day: what follows is hours, minutes and a zone.
                if ch == ":" { break }
            }
        }
        flush()
        if let month = words.lazy.compactMap(monthNumber).first {
            // "24 October 2025", "October 24, 2025", "Fri, 24 Oct 2025 09:00"
            let year = numbers.first { $0 >= 1900 && $0 <= 2100 }
            let day = numbers.first { $0 >= 1 && $0 <= 31 }
            if let year, let day { return Day(year: year, month: month, day: day) }
            return nil
        }
        // Numeric: 2025/10/24, 2025.10.24, 2025년 10월 24일, 24.10.2025
        let parts = Array(numbers.prefix(3))
        guard parts.count == 3 else { return nil }
        if parts[0] >= 1900 { return Day(year: parts[0], month: parts[1], day: parts[2]) }
        if parts[2] >= 1900 { return Day(year: parts[2], month: parts[1], day: parts[0]) }
        return nil
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    private static func monthNumber(_ word: String) -> Int? {
        if let month = months[word] { return month }
        guard word.count >= 3 else { return nil }
        let prefix = String(word.prefix(3))
        guard let month = months[prefix] else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ][month - 1]
        return full.hasPrefix(word) ? month : nil
    }
}
