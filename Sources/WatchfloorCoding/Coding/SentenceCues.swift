/// A cue found in a sentence, as one of its uses sees it.
struct Hit {
    var match: Int
    var tokens: ClosedRange<Int>
    /// The cue as written in the pack.
    var cue: String
    var strength: Double
    /// Where its first and last tokens stand (``TokenizedDocument/positions``).
    var positions: ClosedRange<Int32>

    init(match: Int, tokens: ClosedRange<Int>, cue: String, strength: Double, in document: TokenizedDocument) {
        self.match = match
        self.tokens = tokens
        self.cue = cue
        self.strength = strength
        positions = document.positions[tokens.lowerBound]...document.positions[tokens.upperBound]
    }

    /// Words between two hits (tokens, where every token is a word); 0 when they touch or overlap.
    func distance(to other: Hit) -> Int {
        let units: Int32
        if other.positions.lowerBound > positions.upperBound {
            units = other.positions.lowerBound - positions.upperBound
        } else if other.positions.upperBound < positions.lowerBound {
            units = positions.lowerBound - other.positions.upperBound
        } else {
            return 0
        }
        return Int(units / TokenizedDocument.unitsPerWord)
    }
}

/// The hits of one rule in one sentence, by role.
struct RuleHits {
    var triggers: [Hit] = []
    var roles: [[Hit]]
    var blockers: [[Hit]]
}

/// The cues of one sentence, sorted by what they stand for.
struct SentenceCues {
    var tokens: Range<Int>
    /// Rule index → hits.
    var rules: [Int: RuleHits] = [:]
    var modifiers: [(modifier: Int, hit: Hit)] = []
    /// Modifiers cancelled by one of their `unless` cues in this sentence.
    var cancelled: Set<Int> = []
    /// Tokens that are clause-break words.
    var breakWords: Set<Int> = []
    var attributes: [(attribute: Int, value: Int, hit: Hit)] = []
    var occasions: [(occasion: Int, hit: Hit)] = []
    var coerced: [Hit] = []
    var sincere: [Hit] = []
    var dateWords: [Int: [DateWord]] = [:]
    var openEnded: Set<Int> = []

    init(sentence: TokenizedDocument.Sentence, matchIndices: [Int], document: TokenizedDocument, compiled: CompiledPack) {
        tokens = sentence.tokens
        for index in matchIndices {
            let match = document.matches[index]
            for (use, cue) in compiled.uses[match.phrase] {
                let hit = Hit(match: index, tokens: match.tokens, cue: cue, strength: 1, in: document)
                // A cue inside a longer one ("not" in "not to disclose") plays no part of its own;
                // it still counts as context that blocks a rule or cancels a modifier.
                if match.shadowed {
                    switch use {
                    case .blocker(let rule, let index):
                        var hits = rules[rule] ?? Self.emptyHits(compiled.rules[rule].rule)
                        hits.blockers[index].append(hit)
                        rules[rule] = hits
                    case .modifierUnless(let modifier): cancelled.insert(modifier)
                    case .openEnded: openEnded.insert(match.tokens.lowerBound)
                    default: break
                    }
                    continue
                }
                switch use {
                case .role(let rule, let role, let strength):
                    var hits = rules[rule] ?? Self.emptyHits(compiled.rules[rule].rule)
                    var weighted = hit
                    weighted.strength = strength
                    if role < 0 { hits.triggers.append(weighted) } else { hits.roles[role].append(weighted) }
                    rules[rule] = hits
                case .blocker(let rule, let index):
                    var hits = rules[rule] ?? Self.emptyHits(compiled.rules[rule].rule)
                    hits.blockers[index].append(hit)
                    rules[rule] = hits
                case .modifier(let modifier): modifiers.append((modifier, hit))
                case .modifierUnless(let modifier): cancelled.insert(modifier)
                case .clauseBreak: breakWords.insert(match.tokens.lowerBound)
                case .attribute(let attribute, let value): attributes.append((attribute, value, hit))
                case .occasion(let occasion): occasions.append((occasion, hit))
                case .coerced: coerced.append(hit)
                case .sincere: sincere.append(hit)
                case .date(let word):
                    // A multi-word date phrase ("last week") is read at its last token.
                    dateWords[match.tokens.upperBound, default: []].append(word)
                case .openEnded: openEnded.insert(match.tokens.lowerBound)
                default: break
                }
            }
        }
    }

    private static func emptyHits(_ rule: Rule) -> RuleHits {
        RuleHits(roles: Array(repeating: [], count: rule.roles.count), blockers: Array(repeating: [], count: rule.unless.count))
    }

    var occasionAt: [Int: Int] {
        var result: [Int: Int] = [:]
        for (occasion, hit) in occasions { result[hit.tokens.lowerBound] = occasion }
        return result
    }
}
