/// What the analysis stage needs to know about one stored event, without its evidence text.
///
/// Indicator series are indexed by the day the reporting *appeared* (the document's publication
/// day, or the day it was retrieved when undated), not by the day the event is said to have
/// happened: that keeps every series causal, so a detector run over the series up to day D sees
/// exactly the reporting an analyst had on day D.
public struct EventFact: Hashable, Sendable, Codable {
    public var id: Int64
    public var type: EventType
    public var province: Province?
    /// The publication day of the event's document.
    public var day: Day
    /// When the reporting says the event happened, if it says.
    public var eventDate: EventDate?
    /// The near-duplicate cluster of the event's document: syndicated copies share one cluster
    /// and count once in indicators.
    public var cluster: DocumentID
    public var source: String
    public var sourceKind: SourceKind
    public var reliability: Reliability
    public var sincerity: Sincerity?
    public var confidence: Double

    public init(
        id: Int64, type: EventType, province: Province?, day: Day, eventDate: EventDate? = nil, cluster: DocumentID,
        source: String, sourceKind: SourceKind, reliability: Reliability, sincerity: Sincerity? = nil,
        confidence: Double = 1
    ) {
        self.id = id
        self.type = type
        self.province = province
        self.day = day
        self.eventDate = eventDate
        self.cluster = cluster
        self.source = source
        self.sourceKind = sourceKind
        self.reliability = reliability
        self.sincerity = sincerity
        self.confidence = confidence
    }
}

/// How much one outlet published on one day: the coverage log that tells a change in the world
/// from a change in who is watching.
public struct OutletDay: Hashable, Sendable, Codable {
    public var source: String
    public var kind: SourceKind
    public var day: Day
    /// Documents the outlet published that day (near-duplicate copies included: this measures
    /// the outlet's own output).
    public var documents: Int

    public init(source: String, kind: SourceKind, day: Day, documents: Int) {
        self.source = source
        self.kind = kind
        self.day = day
        self.documents = documents
    }
}
