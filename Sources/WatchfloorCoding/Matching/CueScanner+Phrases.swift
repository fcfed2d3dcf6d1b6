extension CueScanner {
    // MARK: Phrases

    /// The longest phrase starting at `token`: its id (-1 if none) and its last token.
    @inline(__always)
    mutating func longest(from token: Int) -> (phrase: Int32, last: Int) {
        let count = Int(chainCounts[token])
        if count == 0 { return (-1, token) }
        let trie = matcher.trie
        if longestChain <= 1 {
            // Every token is at most one word: follow a single path.
            var state = trie.rootNext[Int(chains[Int(chainStarts[token])])]
            var position = token
            var best: (phrase: Int32, last: Int) = (-1, token)
            let total = starts.count
            while state >= 0 {
                let phrase = trie.accept[Int(state)]
                if phrase >= 0 { best = (phrase, position) }
                let next = position + 1
                guard next < total, flags[next] & Self.joined != 0, chainCounts[next] == 1 else { break }
                state = trie.next(state, chains[Int(chainStarts[next])])
                position = next
            }
            return best
        }
        // Some token is several words (an exact word and an open prefix of it): take the longest
        // of every phrase there; ties go to the most specific reading, found first.
        allPhrases(from: token)
        var best: (phrase: Int32, last: Int) = (-1, token)
        for (phrase, last) in found where best.phrase < 0 || Int(last) > best.last { best = (phrase, Int(last)) }
        return best
    }

    /// Every phrase that starts at `token`, with its last token, into `found`: the most specific
    /// reading of each token first.
    mutating func allPhrases(from token: Int) {
        found.removeAll(keepingCapacity: true)
        let count = Int(chainCounts[token])
        guard count > 0 else { return }
        let trie = matcher.trie
        let total = starts.count
        stack.removeAll(keepingCapacity: true)
        if count == 1 {
            // One reading per token (the usual case): follow a single path until a token has several.
            var state = trie.rootNext[Int(chains[Int(chainStarts[token])])]
            var position = token
            while state >= 0 {
                let phrase = trie.accept[Int(state)]
                if phrase >= 0 { found.append((phrase, Int32(position))) }
                let next = position + 1
                guard next < total, flags[next] & Self.joined != 0 else { return }
                let readings = Int(chainCounts[next])
                if readings == 1 {
                    state = trie.next(state, chains[Int(chainStarts[next])])
                    position = next
                    continue
                }
                let nextFirst = Int(chainStarts[next])
                for k in stride(from: readings - 1, through: 0, by: -1) {
                    let target = trie.next(state, chains[nextFirst + k])
                    if target >= 0 { stack.append((target, Int32(next))) }
                }
                break
            }
        } else {
            let first = Int(chainStarts[token])
            for k in stride(from: count - 1, through: 0, by: -1) {
                let state = trie.rootNext[Int(chains[first + k])]
                if state >= 0 { stack.append((state, Int32(token))) }
            }
        }
        // Several readings: search every path (a trie state is one phrase, so no path repeats one).
        while let (state, position) = stack.popLast() {
            let phrase = trie.accept[Int(state)]
            if phrase >= 0 { found.append((phrase, position)) }
            let next = Int(position) + 1
            guard next < total, flags[next] & Self.joined != 0 else { continue }
            let nextFirst = Int(chainStarts[next])
            for k in stride(from: Int(chainCounts[next]) - 1, through: 0, by: -1) {
                let target = trie.next(state, chains[nextFirst + k])
                if target >= 0 { stack.append((target, Int32(next))) }
            }
        }
    }

    /// The cues among the tokens of the last scan.
    mutating func collectMatches(mode: CueMatcher.Mode) -> [PhraseMatch] {
        var matches: [PhraseMatch] = []
        let total = starts.count
        if mode == .leftmostLongest {
            var token = 0
            while token < total {
                let match = longest(from: token)
                if match.phrase >= 0 {
                    matches.append(
                        PhraseMatch(
                            phrase: Int(match.phrase), bytes: Int(starts[token])..<Int(ends[match.last]),
                            tokens: token...match.last, shadowed: false))
                    token = match.last + 1
                } else {
                    token += 1
                }
            }
            return matches
        }
        // Every phrase at every start; then mark those inside a longer match.
        var furthestBefore = -1
        for token in 0..<total where chainCounts[token] > 0 {
            allPhrases(from: token)
            guard !found.isEmpty else { continue }
            let longestHere = Int(found.map(\.last).max()!)
            for (phrase, last) in found {
                let last = Int(last)
                let shadowed = furthestBefore >= last || longestHere > last
                if mode == .maximal, shadowed { continue }
                matches.append(
                    PhraseMatch(
                        phrase: Int(phrase), bytes: Int(starts[token])..<Int(ends[last]), tokens: token...last,
                        shadowed: shadowed))
            }
            furthestBefore = max(furthestBefore, longestHere)
        }
        return matches
    }
}
