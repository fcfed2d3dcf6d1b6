import GRDB
import Watchfloor

extension SQLiteStore {
    /// Full-text search, best first.
    ///
    /// Words are matched by the word index (Unicode, case- and diacritic-insensitive; a word of
    /// four letters or more also matches as a prefix, so `gift` finds `gifts`). A query in a
    /// script written without spaces — Korean, Chinese, Japanese — uses the trigram index, which
    /// finds a word inside an eojeol or a run of characters (`유가족` finds `유가족들에게`, `遺族`
    /// finds `戦死者遺族らに`); such words shorter than three characters are matched as substrings.
    /// `"quoted words"` match as a phrase.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        var terms = SearchTerms(String(query.text.prefix(SearchQuery.maximumLength)))
        terms.all = Array(terms.all.prefix(SearchQuery.maximumTerms))
        guard !terms.all.isEmpty else { return [] }
        let useTrigram = terms.all.contains(where: SearchTerms.isUnspaced)
        let table = useTrigram ? "documents_trigram" : "documents_fts"
        var conditions: [String] = []
        var arguments = StatementArguments()
        let indexed = terms.all.filter { !useTrigram || $0.count >= 3 }
        let short = terms.all.filter { useTrigram && $0.count < 3 }
        if !indexed.isEmpty {
            let expression = indexed.map { term in
                let quoted = "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                return !useTrigram && term.count >= 4 && !term.contains(" ") ? quoted + " *" : quoted
            }.joined(separator: " ")
            conditions.append("\(table) MATCH ?")
            arguments += [expression]
        }
        for term in short {
            conditions.append("d.hangul AND (d.text LIKE ? OR d.title LIKE ?)")
            let pattern = "%" + term.replacingOccurrences(of: "%", with: "") + "%"
            arguments += [pattern, pattern]
        }
        if let kind = query.sourceKind {
            conditions.append("s.kind = ?")
            arguments += [kind.rawValue]
        }
        if let since = query.since {
            conditions.append("d.day >= ?")
            arguments += [since.description]
        }
        if let until = query.until {
            conditions.append("d.day <= ?")
            arguments += [until.description]
        }
        if let language = query.language {
            conditions.append("d.language = ?")
            arguments += [language.rawValue]
        }
        let ranked = !indexed.isEmpty
        let sql = """
            SELECT d.id, d.title, d.published, s.name AS source_name,
                \(ranked ? "-bm25(\(table))" : "0.0") AS score,
                \(ranked ? "snippet(\(table), 1, char(57344), char(57345), '…', 24)" : "substr(d.text, 1, 240)") AS snippet
            FROM \(ranked ? "\(table) JOIN documents d ON d.seq = \(table).rowid" : "documents d")
            JOIN sources s ON s.id = d.source_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(ranked ? "bm25(\(table))" : "d.day DESC") LIMIT ?
            """
        arguments += [max(query.limit, 1)]
        return try read("search") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                var snippet: String = row["snippet"] ?? ""
                if !ranked { snippet = Self.highlight(snippet, terms: short) }
                return SearchHit(
                    document: DocumentID(rawValue: row["id"]), title: row["title"], source: row["source_name"],
                    published: (row["published"] as String?).flatMap { Day($0) }, score: row["score"], snippet: snippet)
            }
        }
    }

    private static func highlight(_ text: String, terms: [String]) -> String {
        var result = text
        for term in terms where !term.isEmpty {
            result = result.replacingOccurrences(of: term, with: SearchHit.matchStart + term + SearchHit.matchEnd)
        }
        return result
    }
}

/// The terms of a query: words and `"quoted phrases"`, with FTS5 syntax characters removed so
/// that any text the user types is a valid query.
struct SearchTerms {
    var all: [String]

    init(_ text: String) {
        var terms: [String] = []
        var current = ""
        var inQuotes = false
        for ch in text {
            if ch == "\"" {
                if inQuotes, let phrase = current.nonBlankTerm { terms.append(phrase) }
                if !inQuotes { current.split(separator: " ").compactMap { String($0).nonBlankTerm }.forEach { terms.append($0) } }
                current = ""
                inQuotes.toggle()
            } else if "*^:()+{}[]".contains(ch) || ch.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                // Control characters (a NUL ends the query string inside SQLite) separate words.
                current.append(" ")
            } else {
                current.append(ch)
            }
        }
        if inQuotes, let phrase = current.nonBlankTerm {
            terms.append(phrase)
        } else {
            terms += current.split(whereSeparator: { $0.isWhitespace }).compactMap { String($0).nonBlankTerm }
        }
        all = terms
    }

    /// Korean, Chinese or Japanese: words the word index cannot find inside longer runs.
    static func isUnspaced(_ term: String) -> Bool {
        term.unicodeScalars.contains { scalar in
            let v = scalar.value
            return (0xAC00...0xD7A3).contains(v) || (0x3130...0x318F).contains(v) || (0x3040...0x30FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
        }
    }
}

extension String {
    fileprivate var nonBlankTerm: String? {
        let trimmed = trimmingWhitespace().trimmingCharacters(in: ["-"])
        return trimmed.isEmpty ? nil : trimmed
    }
}
