/// A plain-text table for terminals: columns aligned by display width (Hangul and other wide
/// characters count two), long cells cut with an ellipsis.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// The widest a column may get, by index; others are unbounded.
    var maxWidths: [Int: Int] = [:]

    init(_ headers: [String], maxWidths: [Int: Int] = [:]) {
        self.headers = headers
        self.maxWidths = maxWidths
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let cells = ([headers] + rows).map { row in
            row.enumerated().map { index, cell in
                let flat = cell.replacingOccurrences(of: "\n", with: " ")
                return Self.truncate(flat, to: maxWidths[index] ?? Int.max)
            }
        }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.width(cell)) }
        }
        var out = ""
        for (r, row) in cells.enumerated() {
            let line = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - Self.width(cell))
            }.joined(separator: "  ")
            out += line + "\n"
            if r == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            let combining = scalar.properties.generalCategory == .nonspacingMark
            return total + (combining ? 0 : wide ? 2 : 1)
        }
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var result = ""
        var used = 0
        for ch in text {
            let w = width(String(ch))
            if used + w > limit - 1 { break }
            result.append(ch)
            used += w
        }
        return result + "…"
    }
}
