extension CueScanner {
    /// Finds the cue words of an (ASCII-mostly) text with one table load per byte.
    ///
    /// The byte table knows separators: between tokens it sits in the separator row, inside a token
    /// that can no longer be a cue word in the dead row, and it only leaves the fast path where a
    /// token ends in a state that may be a cue word, where it enters a state carrying an open word,
    /// or at a non-ASCII byte — whose whole token is then walked by `scanToken`.
    mutating func scanWithByteAutomaton(_ c: ScanContext, table: UnsafePointer<UInt32>) {
        let base = c.base
        let n = c.bytes.count
        var state: UInt32 = 0
        var remembered = 0
        var i = 0
        while i < n {
            let value = table[Int(state) &+ Int(base[i])]
            if value < WordAutomaton.rememberFlag {
                state = value
                i &+= 1
                continue
            }
            if value == WordAutomaton.tokenEnd {
                finishToken(row: state >> 8, end: i, remembered: remembered, c)
                remembered = 0
                state = 0
                i &+= 1
                continue
            }
            if value == WordAutomaton.nonASCII {
                remembered = 0
                if state == 0 {
                    let (scalar, length) = ScalarFolding.decode(c.bytes, at: i)
                    if case .separator = ScalarFolding.kind(of: scalar) {
                        i &+= length
                        continue
                    }
                    i = scanToken(at: i, c)
                } else {
                    // The token began in ASCII: walk it again from its start, scalar by scalar.
                    var start = i
                    while start > 0, base[start &- 1] < 128, ScalarFolding.asciiFold[Int(base[start &- 1])] != 0 {
                        start &-= 1
                    }
                    i = scanToken(at: start, c)
                }
                state = 0
                continue
            }
            // A state carrying an open or particle word.
            state = value & ~WordAutomaton.rememberFlag
            i &+= 1
            remember(&remembered, state: Int32(state >> 8) &- 2, end: i)
        }
        // A token running to the end of the text ends as if a space followed.
        if state != 0, table[Int(state) &+ 32] == WordAutomaton.tokenEnd {
            finishToken(row: state >> 8, end: n, remembered: remembered, c)
        }
    }

    private mutating func finishToken(row: UInt32, end: Int, remembered: Int, _ c: ScanContext) {
        var start = end
        while start > 0, c.base[start &- 1] < 128, ScalarFolding.asciiFold[Int(c.base[start &- 1])] != 0 {
            start &-= 1
        }
        let trieState = row >= 3 ? Int(row) - 2 : -1
        record(start: start, end: end, state: trieState, remembered: remembered, sawNonASCII: false, c)
    }
}
