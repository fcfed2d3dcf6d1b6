import Foundation
import Watchfloor

/// An analyst's decision on a coded event.
///
/// A review never edits the machine's output: it is stored beside it as an event of its own
/// (origin `review`), which counts in indicators in place of the machine event it supersedes.
/// A later recode replaces the machine events but not the reviews, and the review again
/// supersedes the recoded event with the same document, sentence, type and province.
///
/// ```swift
/// try store.review(ReviewDecision(eventID: 42, verdict: .accepted, reviewer: "analyst"))
/// try store.review(ReviewDecision(
///     eventID: 43, verdict: .edited(EventCorrection(type: .aidDisruption, province: .ryanggang)),
///     reviewer: "analyst", note: "the rice was promised, not delivered"))
/// ```
public struct ReviewDecision: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        /// The event is right as coded (or as last reviewed).
        case accepted
        /// The passage does not report this event; it stops counting.
        case rejected
        /// The event is real but coded wrongly; the correction replaces it.
        case edited(EventCorrection)

        public var status: ReviewStatus {
            switch self {
            case .accepted: .accepted
            case .rejected: .rejected
            case .edited: .edited
            }
        }
    }

    /// The event shown to the analyst: a machine event, or an earlier review (reviewed again).
    public var eventID: Int64
    public var verdict: Verdict
    public var reviewer: String
    public var note: String?

    public init(eventID: Int64, verdict: Verdict, reviewer: String, note: String? = nil) {
        self.eventID = eventID
        self.verdict = verdict
        self.reviewer = reviewer
        self.note = note
    }
}

/// What an analyst says an event really is. Every field is the corrected value (not a change):
/// `province: nil` means the event has no province.
public struct EventCorrection: Sendable, Hashable {
    public var type: EventType
    public var province: Province?
    public var date: EventDate?
    public var sincerity: Sincerity?

    public init(type: EventType, province: Province? = nil, date: EventDate? = nil, sincerity: Sincerity? = nil) {
        self.type = type
        self.province = province
        self.date = date
        self.sincerity = sincerity
    }
}

/// A stored review: the analyst's event and what the machine had coded.
public struct StoredReview: Sendable, Hashable {
    public var id: Int64
    /// The review's own event (status accepted, rejected or edited).
    public var event: StoredEvent
    public var reviewer: String
    public var note: String?
    public var reviewedAt: Date
    /// What the coder said: kept so that the machine can be scored against the analysts
    /// (`eval --reviewed`) even after a recode has replaced the machine event.
    public var machine: MachineCoding

    public var verdict: ReviewStatus { event.event.status }
}

/// The machine event a review was made on, as it was coded at the time.
public struct MachineCoding: Sendable, Hashable {
    /// The machine event the review supersedes now; `nil` when a recode no longer codes it.
    public var eventID: Int64?
    public var type: EventType
    public var province: Province?
    public var date: EventDate?
    public var sincerity: Sincerity?
    public var confidence: Double
}
