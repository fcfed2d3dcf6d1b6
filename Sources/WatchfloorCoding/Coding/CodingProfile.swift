/// Where coding spends its time, summed over documents (`watchfloor bench code`).
public struct CodingProfile: Sendable {
    public var documents = 0
    public var bytes = 0
    /// Events coded.
    public var coded = 0
    /// Tokenising, matching every cue, splitting sentences, pairing compounds.
    public var text: Duration = .zero
    /// Resolving place names to provinces.
    public var places: Duration = .zero
    /// Sorting each sentence's cues, resolving its dates, trying the rules.
    public var rules: Duration = .zero
    /// Placing, dating and attributing the events, and merging repeats.
    public var assembly: Duration = .zero

    public init() {}

    public var total: Duration { text + places + rules + assembly }

    mutating func add(_ stopwatch: Stopwatch, bytes: Int, events count: Int) {
        documents += 1
        self.bytes += bytes
        coded += count
        text += stopwatch.text
        places += stopwatch.places
        rules += stopwatch.rules
        assembly += stopwatch.events
    }
}

/// Lap times of one document's pass.
struct Stopwatch {
    private var last = ContinuousClock.now
    var text: Duration = .zero
    var places: Duration = .zero
    var rules: Duration = .zero
    var events: Duration = .zero

    mutating func lap(_ phase: WritableKeyPath<Stopwatch, Duration>) {
        let now = ContinuousClock.now
        self[keyPath: phase] += now - last
        last = now
    }
}
