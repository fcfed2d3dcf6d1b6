import Watchfloor

/// The reporting the outlets would publish on average about the latent truth: per week, place,
/// event type, kind of outlet and sincerity, the expected number of original stories (the mean
/// of the Poisson draws of ``ReportingGenerator``, times the events its templates report). For
/// flows the model draws from a set rate (arms shipments, transfers back, summits) it follows
/// the rate rather than the week's draw.
///
/// It is the **latent rate of what an indicator series watches**, in the units the detectors
/// see: stories per week, before publication noise, lag, coding errors, false and misplaced
/// reports. Because the observation model is proportional, a change in it is a change in the
/// world weighted as the outlets weigh it (a visit counts for more than a gift with state
/// media). Syndicated copies are not new stories and are not counted. Weeks are the weeks the
/// events happened, not the weeks they were published. Written as `truth/expected.csv`; the
/// scorer's latent-change rule (``LatentChangeRule``) reads it.
///
/// ```swift
/// let expected = run.expected
/// let gifts = expected.weekly(types: [.giftDelivery, .condolenceVisit], province: .ryanggang)
/// gifts[79]   // expected stories of gifts and visits in KP-10 in week 79
/// ```
public struct ExpectedReporting: Sendable, Equatable {
    public struct Key: Hashable, Sendable {
        public var week: Int
        /// `nil` when the stories name no province (they count only in national series).
        public var province: Province?
        public var type: EventType
        public var source: SourceKind
        public var sincerity: Sincerity?

        public init(week: Int, province: Province?, type: EventType, source: SourceKind, sincerity: Sincerity?) {
            self.week = week
            self.province = province
            self.type = type
            self.source = source
            self.sincerity = sincerity
        }
    }

    /// The Monday of week 0.
    public var start: Day
    public var weeks: Int
    public private(set) var stories: [Key: Double] = [:]

    public init(start: Day, weeks: Int) {
        self.start = start
        self.weeks = weeks
    }

    public mutating func add(_ value: Double, _ key: Key) {
        guard value > 0 else { return }
        stories[key, default: 0] += value
    }

    /// Expected stories per week of any of `types` in `province` — nationally (`nil`), every story
    /// of the types with or without a province, as national series count — from outlets of
    /// `sources` (`nil`: every outlet), whose sincerity passes `sincerity`.
    public func weekly(
        types: Set<EventType>, province: Province?, sources: Set<SourceKind>? = nil,
        sincerity: (Sincerity?) -> Bool = { _ in true }
    ) -> [Double] {
        var series = [Double](repeating: 0, count: weeks)
        for (key, value) in stories where types.contains(key.type) && key.week >= 0 && key.week < weeks {
            if let province, key.province != province { continue }
            if let sources, !sources.contains(key.source) { continue }
            guard sincerity(key.sincerity) else { continue }
            series[key.week] += value
        }
        return series
    }

    /// The provinces any expected story names.
    public var provinces: [Province] { Set(stories.keys.compactMap(\.province)).sorted() }

    // MARK: CSV

    static let header = "week,week_start,province,type,source_kind,sincerity,expected_stories"

    /// `truth/expected.csv`: one row per week, province (empty: none named), type, kind of outlet
    /// and sincerity with a non-zero expectation.
    public func csv() -> String {
        let rows = stories.sorted { a, b in
            (a.key.week, a.key.province?.code ?? "", a.key.type.rawValue, a.key.source.rawValue, a.key.sincerity?.rawValue ?? "")
                < (b.key.week, b.key.province?.code ?? "", b.key.type.rawValue, b.key.source.rawValue, b.key.sincerity?.rawValue ?? "")
        }
        var lines = [Self.header]
        lines.reserveCapacity(rows.count + 1)
        for (key, value) in rows {
            lines.append(
                [
                    String(key.week), start.adding(days: 7 * key.week).description, key.province?.code ?? "",
                    key.type.rawValue, key.source.rawValue, key.sincerity?.rawValue ?? "", fixed(value, 6),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line of `truth/expected.csv` that does not read.
    public struct ReadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Reads `truth/expected.csv` as ``csv()`` writes it; `file` names it in errors. `weeks` is
    /// the run's length (`summary.json`); without it, the last week with an expected story.
    public init(csv text: String, file: String, weeks: Int? = nil) throws(ReadError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == Self.header else {
            throw ReadError(file: file, line: 1, message: "expected the header \"\(Self.header)\"")
        }
        var parsed: [(Key, Double, Day)] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            func fail(_ message: String) -> ReadError { ReadError(file: file, line: index + 1, message: message) }
            guard fields.count == 7 else { throw fail("expected 7 fields, found \(fields.count)") }
            guard let week = Int(fields[0]), week >= 0 else { throw fail("expected a week number, found \"\(fields[0])\"") }
            guard let day = Day(fields[1]) else { throw fail("expected a date as YYYY-MM-DD, found \"\(fields[1])\"") }
            var province: Province?
            if !fields[2].isEmpty {
                guard let code = Province(code: fields[2]) else { throw fail("expected a province code or nothing, found \"\(fields[2])\"") }
                province = code
            }
            guard !fields[3].isEmpty else { throw fail("expected an event type") }
            guard let source = SourceKind(rawValue: String(fields[4])) else { throw fail("expected a kind of outlet, found \"\(fields[4])\"") }
            var sincerity: Sincerity?
            if !fields[5].isEmpty {
                guard let value = Sincerity(rawValue: String(fields[5])) else { throw fail("expected a sincerity or nothing, found \"\(fields[5])\"") }
                sincerity = value
            }
            guard let value = Double(fields[6]), value >= 0 else { throw fail("expected a number of stories, found \"\(fields[6])\"") }
            let key = Key(week: week, province: province, type: EventType(String(fields[3])), source: source, sincerity: sincerity)
            parsed.append((key, value, day.adding(days: -7 * week)))
        }
        let last = (parsed.map(\.0.week).max() ?? -1) + 1
        self.init(start: parsed.first?.2 ?? Day(ordinal: 0), weeks: max(weeks ?? last, last))
        for (key, value, _) in parsed { add(value, key) }
    }
}
