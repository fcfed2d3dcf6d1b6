import Watchfloor

/// What one warning kind watches, stated in the terms of the expected reporting
/// (``ExpectedReporting``), so that the scorer can find the changes in the latent truth that
/// the warning ought to find — named by a scenario or not.
///
/// The analysis settings say what each detector reads; the pipeline translates them into
/// watches (the simulation does not read the analysis settings itself: stages stay apart).
///
/// ```swift
/// let gifts = LatentWatch(kind: .giftFlowDisruption, name: "gifts and condolence visits",
///                         measure: .rate(.init(types: [.giftDelivery, .condolenceVisit])), directions: [.drop])
/// ```
public struct LatentWatch: Hashable, Sendable, Codable {
    /// Some of the expected stories: of these types, from these kinds of outlet, with this sincerity.
    public struct Stories: Hashable, Sendable, Codable {
        public var types: Set<EventType>
        /// `nil`: every kind of outlet.
        public var sources: Set<SourceKind>?
        /// `nil`: any sincerity (or none).
        public var sincerity: Sincerity?

        public init(types: Set<EventType>, sources: Set<SourceKind>? = nil, sincerity: Sincerity? = nil) {
            self.types = types
            self.sources = sources
            self.sincerity = sincerity
        }

        func weekly(_ expected: ExpectedReporting, province: Province?) -> [Double] {
            let wanted = sincerity
            return expected.weekly(types: types, province: province, sources: sources) { wanted == nil || $0 == wanted }
        }
    }

    public enum Measure: Hashable, Sendable, Codable {
        /// Expected stories a week.
        case rate(Stories)
        /// The ratio of two rates: coerced to sincere gratitude, provincial strain to the
        /// central narrative. A change in it is the two moving apart.
        case ratio(Stories, over: Stories)
    }

    /// How a change counts.
    public enum Rule: String, Hashable, Sendable, Codable {
        /// A rise or a drop of the factor (``LatentChangeRule/riseFactor``, ``LatentChangeRule/dropFactor``).
        case change
        /// The series stops: a drop to ``LatentChangeRule/stopFactor`` of its level. Smaller drops
        /// still explain a warning of the kind (the rate did fall) but are not expected of it.
        case stop
    }

    public var kind: WarningKind
    public var name: String
    public var measure: Measure
    public var directions: Set<ChangeDirection>
    public var rule: Rule
    public var national: Bool
    public var provinces: Bool
    /// For a ratio: the change counts only when its numerator changed by the rule's factor too.
    /// The narrative gap is strain rising against the narrative; a narrative falling silent while
    /// strain stays flat is another matter (W1, W3), not a divergence.
    public var numeratorMustChange: Bool

    public init(
        kind: WarningKind, name: String, measure: Measure, directions: Set<ChangeDirection>, rule: Rule = .change,
        national: Bool = true, provinces: Bool = true, numeratorMustChange: Bool = false
    ) {
        self.kind = kind
        self.name = name
        self.measure = measure
        self.directions = directions
        self.rule = rule
        self.national = national
        self.provinces = provinces
        self.numeratorMustChange = numeratorMustChange
    }

    /// Every event type the measure reads: a warning that lists them all may be about this watch.
    public var types: Set<EventType> {
        switch measure {
        case .rate(let stories): stories.types
        case .ratio(let top, let bottom): top.types.union(bottom.types)
        }
    }

    /// The measure's weekly values in `province` (`nil`: nationally): for a ratio, the numerator
    /// and denominator, which the rule averages separately before dividing.
    func weekly(_ expected: ExpectedReporting, province: Province?) -> (top: [Double], bottom: [Double]?) {
        switch measure {
        case .rate(let stories): (stories.weekly(expected, province: province), nil)
        case .ratio(let top, let bottom): (top.weekly(expected, province: province), bottom.weekly(expected, province: province))
        }
    }
}
