/// The type of a coded event. Types are defined by a pack's codebook, so this is an open set of
/// names; the gift-politics pack's twelve types are provided as constants because the warnings
/// are defined in terms of them.
public struct EventType: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: EventType, rhs: EventType) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension EventType {
    public static let giftDelivery: EventType = "GIFT_DELIVERY"
    public static let condolenceVisit: EventType = "CONDOLENCE_VISIT"
    public static let memorialHonor: EventType = "MEMORIAL_HONOR"
    public static let aidDisruption: EventType = "AID_DISRUPTION"
    public static let gratitudeExpression: EventType = "GRATITUDE_EXPRESSION"
    public static let discontent: EventType = "DISCONTENT"
    public static let controlMeasure: EventType = "CONTROL_MEASURE"
    public static let casualtyReport: EventType = "CASUALTY_REPORT"
    public static let deployment: EventType = "DEPLOYMENT"
    public static let armsTransfer: EventType = "ARMS_TRANSFER"
    public static let techTransfer: EventType = "TECH_TRANSFER"
    public static let diplomaticSignal: EventType = "DIPLOMATIC_SIGNAL"

    /// The gift-politics codebook's types, in the order DESIGN.md lists them.
    public static let giftPolitics: [EventType] = [
        .giftDelivery, .condolenceVisit, .memorialHonor, .aidDisruption, .gratitudeExpression, .discontent,
        .controlMeasure, .casualtyReport, .deployment, .armsTransfer, .techTransfer, .diplomaticSignal,
    ]
}
