import Watchfloor

/// A place name found in a sentence and what became of it.
struct PlaceMention {
    var match: Int
    var cue: String
    var province: Province?
    /// Why a name places nothing: "ambiguous", "relative", "metonym", "common word", "south korea".
    var rejected: String?
}

/// Resolves the place names of a document to provinces, applying the gazetteer's context rules
/// (see ``Gazetteer``, ``MetonymRule`` and ``SharedNameRule``).
struct Geoparser {
    let document: TokenizedDocument
    let compiled: CompiledPack
    /// Per match: its uses.
    let usesOf: (Int) -> [(use: CueUse, cue: String)]

    /// Place mentions per sentence.
    func mentions() -> [[PlaceMention]] {
        let matches = document.matches
        var bySentence = [[PlaceMention]](repeating: [], count: document.sentences.count)
        // Context flags, per sentence and for the whole document.
        var southInDocument = false
        var northInDocument = false
        var northInSentence = Set<Int>()
        var endingAt: [Int: [CueUse]] = [:]
        var startingAt: [Int: [CueUse]] = [:]
        let names = compiled.pack.gazetteer.names
        for (index, match) in matches.enumerated() where !match.neutralized {
            for (use, _) in usesOf(index) {
                switch use {
                case .place(let name) where names[name].kind == "province":
                    // A province's name just before a common word makes it a place ("평안북도 구성").
                    endingAt[match.tokens.upperBound, default: []].append(.commonWordBefore)
                case .southContext: southInDocument = true
                case .northContext:
                    northInDocument = true
                    northInSentence.insert(Int(document.sentenceOfToken[match.tokens.lowerBound]))
                case .relativePlace, .metonymBefore, .commonWordBefore:
                    endingAt[match.tokens.upperBound, default: []].append(use)
                case .metonymAfter, .commonWordAfter: startingAt[match.tokens.lowerBound, default: []].append(use)
                default: break
                }
            }
        }
        for (index, match) in matches.enumerated() {
            let uses = usesOf(index)
            let places = uses.compactMap { entry -> (Int, String)? in
                if case .place(let name) = entry.use { return (name, entry.cue) }
                return nil
            }
            guard !match.shadowed, !match.neutralized, let (first, cue) = places.first else { continue }
            let sentence = Int(document.sentenceOfToken[match.tokens.lowerBound])
            var mention = PlaceMention(match: index, cue: cue, province: names[first].province)
            let provinces = Set(places.map { names[$0.0].province })
            let has = { (wanted: CueUse) in uses.contains { $0.use == wanted } }
            if provinces.count > 1 || has(.ambiguousPlace) {
                mention.rejected = "ambiguous"
            } else if endingAt[match.tokens.lowerBound - 1]?.contains(.relativePlace) == true {
                mention.rejected = "relative"
            } else if has(.metonym),
                !inContext(match, before: .metonymBefore, after: .metonymAfter, dateline: true, endingAt, startingAt)
            {
                mention.rejected = "metonym"
            } else if places.allSatisfy({ names[$0.0].commonWord }),
                !inContext(match, before: .commonWordBefore, after: .commonWordAfter, dateline: false, endingAt, startingAt)
            {
                mention.rejected = "common word"
            } else if has(.sharedName) {
                let north = northInSentence.contains(sentence)
                if !north, southInDocument || (has(.southByDefault) && !northInDocument) {
                    mention.rejected = "south korea"
                }
            }
            if mention.rejected != nil { mention.province = nil }
            bySentence[sentence].append(mention)
        }
        return bySentence
    }

    /// Whether a name that needs context has it: a `before` cue just before it, an `after` cue just
    /// after it, or (for a metonym) the dateline that opens the text.
    private func inContext(
        _ match: PhraseMatch, before: CueUse, after: CueUse, dateline: Bool, _ endingAt: [Int: [CueUse]],
        _ startingAt: [Int: [CueUse]]
    ) -> Bool {
        let first = match.tokens.lowerBound
        let last = match.tokens.upperBound
        if endingAt[first - 1]?.contains(before) == true { return true }
        // "Pyongyang's Hwasong district": skip a possessive s.
        var next = last + 1
        if next < document.tokenCount, document.text(of: next) == "s", Array(document.gap(before: next)) == [39] { next += 1 }
        if startingAt[next]?.contains(after) == true { return true }
        if dateline, first == 0, last + 1 < document.tokenCount {
            let gap = document.gap(before: last + 1)
            return gap.contains(UInt8(ascii: ",")) || gap.contains(UInt8(ascii: "(")) || gap.contains(UInt8(ascii: "-"))
                || gap.contains(0xE2)
        }
        return false
    }

    /// The provinces each sentence is placed in: its own places; else those of the nearest earlier
    /// sentence of the same paragraph that names one; else the document's place if it names only one.
    static func provinces(for mentions: [[PlaceMention]], sentences: [TokenizedDocument.Sentence]) -> [(provinces: [Province], inherited: Bool)] {
        let own: [[Province]] = mentions.map { list in
            var seen: [Province] = []
            for mention in list { if let province = mention.province, !seen.contains(province) { seen.append(province) } }
            return seen
        }
        let documentWide = Set(own.flatMap { $0 })
        var result: [(provinces: [Province], inherited: Bool)] = []
        result.reserveCapacity(own.count)
        // The nearest earlier placed sentence of the current paragraph, carried forward (one pass:
        // a paragraph of a million lines with no place costs a million steps, not a million squared).
        var lastPlaced: (paragraph: Int, provinces: [Province])?
        for (index, provinces) in own.enumerated() {
            let paragraph = sentences[index].paragraph
            if lastPlaced?.paragraph != paragraph { lastPlaced = nil }
            if !provinces.isEmpty {
                result.append((provinces, false))
                lastPlaced = (paragraph, provinces)
                continue
            }
            var inherited = lastPlaced?.provinces ?? []
            if inherited.isEmpty, documentWide.count == 1 { inherited = Array(documentWide) }
            result.append((inherited, true))
        }
        return result
    }
}
