import Watchfloor

/// The events one indicator series counts: one or more event types, counted together, nationally
/// or in one province. "Gifts and condolence visits in North Hamgyong" is one selection.
///
/// ```swift
/// let aid = SeriesSelection(types: [.giftDelivery, .condolenceVisit], province: .northHamgyong)
/// aid.description   // "CONDOLENCE_VISIT+GIFT_DELIVERY@KP-09"
/// ```
public struct SeriesSelection: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Sorted and without repeats.
    public let types: [EventType]
    /// `nil` for the national series: every event of the types, with or without a province.
    public let province: Province?

    public init(types: some Sequence<EventType>, province: Province? = nil) {
        self.types = Array(Set(types)).sorted()
        self.province = province
    }

    public init(_ key: SeriesKey) {
        self.init(types: [key.type], province: key.province)
    }

    public func contains(_ fact: EventFact) -> Bool {
        (province == nil || fact.province == province) && types.contains(fact.type)
    }

    /// The single-type series keys this selection adds up.
    public var keys: [SeriesKey] { types.map { SeriesKey(type: $0, province: province) } }

    public var description: String {
        "\(types.map(\.rawValue).joined(separator: "+"))@\(province?.code ?? "national")"
    }

    /// "gift deliveries and condolence visits in North Hamgyong (KP-09)", for explanations.
    public var phrase: String {
        Explain.list(types.map(Self.plural)) + " " + Self.place(province)
    }

    /// "Gift deliveries and condolence visits, North Hamgyong (KP-09)", for chart titles.
    public var title: String {
        Explain.capitalised(Explain.list(types.map(Self.plural))) + ", "
            + (province.map { "\($0.name) (\($0.code))" } ?? "national")
    }

    static func place(_ province: Province?) -> String {
        province.map { "in \($0.name) (\($0.code))" } ?? "nationally"
    }

    /// A plain-English plural for an event type, for explanations.
    static func plural(_ type: EventType) -> String {
        switch type {
        case .giftDelivery: "gift deliveries"
        case .condolenceVisit: "condolence visits"
        case .memorialHonor: "memorial honours"
        case .aidDisruption: "aid disruptions (support delayed, cut or unfulfilled)"
        case .gratitudeExpression: "public expressions of gratitude"
        case .discontent: "expressions of discontent"
        case .controlMeasure: "control measures"
        case .casualtyReport: "casualty reports"
        case .deployment: "deployments to Russia"
        case .armsTransfer: "arms transfers to Russia"
        case .techTransfer: "technology, energy and food transfers from Russia"
        case .diplomaticSignal: "diplomatic signals"
        default: type.rawValue.lowercased().replacingOccurrences(of: "_", with: " ") + " events"
        }
    }
}
