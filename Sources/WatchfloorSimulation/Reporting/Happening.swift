import Watchfloor

/// Something in the model an outlet can report on. Each is driven by a latent count of the
/// week — gifts delivered, families overdue, families punished — and an outlet reports it at a
/// rate proportional to that count (see ``OutletProfile``).
public enum Happening: String, Sendable, CaseIterable, Comparable {
    case gift
    case visit
    case honour
    /// Public gratitude as state media shows it.
    case stateGratitude = "state_gratitude"
    /// Gratitude insiders call heartfelt.
    case sincereGratitude = "sincere_gratitude"
    /// Gratitude insiders call ordered or staged.
    case coercedGratitude = "coerced_gratitude"
    case disruption
    /// Gifts have not come for weeks: reported as an absence ("no gifts since …").
    case giftsStopped = "gifts_stopped"
    case discontent
    case control
    case casualties
    case casualtyEstimate = "casualty_estimate"
    case deployment
    case arms
    case tech
    case summit
    /// Forecasts, rumours and background: sentences that report no codable event.
    case speculation
    /// Sentences of attribution and caveat appended to a report (never reported on their own).
    case context

    /// National happenings are counted for the whole country; the others per province.
    public var isNational: Bool {
        switch self {
        case .casualtyEstimate, .deployment, .arms, .tech, .summit, .speculation: true
        default: false
        }
    }

    public static func < (lhs: Happening, rhs: Happening) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The count that drives reports of a provincial happening in one province-week.
    /// `giftsStoppedWeeks` is how many weeks in a row the province has had no gifts while
    /// having bereaved families who had received some before.
    func driver(_ r: ProvinceWeek, giftsStoppedWeeks: Int) -> Double {
        switch self {
        case .gift: Double(r.gifts)
        case .visit: Double(r.visits)
        case .honour: Double(r.honours)
        case .stateGratitude: Double(max(0, r.bereaved - r.discontent - r.silenced))
        case .sincereGratitude: Double(max(0, r.bereaved - r.resentful - r.silenced))
        case .coercedGratitude: Double(r.falsifying)
        case .disruption: Double(r.overdue)
        case .giftsStopped: giftsStoppedWeeks >= Self.silenceWeeks ? Double(r.bereaved) : 0
        // Insiders hear private grumbling too, at a tenth of the weight of open complaint.
        case .discontent: Double(r.discontent) + 0.1 * Double(r.resentful)
        // A campaign is visible beyond its victims: meetings, warnings, patrols.
        case .control: Double(r.punished) + max(0, r.controlIntensity - 1) * 20
        case .casualties: Double(r.newlyBereaved)
        case .casualtyEstimate, .deployment, .arms, .tech, .summit, .speculation, .context: 0
        }
    }

    /// The count that drives reports of a national happening in one week.
    func nationalDriver(_ week: WeekRecord) -> Double {
        switch self {
        case .casualtyEstimate: Double(week.national.newlyBereaved)
        case .deployment: Double(week.exchange.deployments)
        case .arms: Double(week.exchange.armsShipments)
        case .tech: Double(week.exchange.techTransfers)
        case .summit: week.exchange.summit ? 1 : 0
        case .speculation: 1
        default: 0
        }
    }

    /// The rate behind a national driver where the model draws the week's count from one
    /// (shipments and transfers are Poisson draws, summits a weekly coin): the expected reporting
    /// follows the rate, not the week's draw. A week with three shipments instead of one is
    /// chance, not a change in the exchange; a change in the rate is.
    func nationalRate(_ week: WeekRecord, exchange: ExchangeParameters) -> Double {
        switch self {
        case .arms: exchange.armsShipmentsPerWeek * week.exchange.armsFactor
        case .tech: exchange.techTransfersPerWeek * week.exchange.techFactor
        case .summit: exchange.summitsPerYear / 52
        default: nationalDriver(week)
        }
    }

    /// Weeks without gifts before sources speak of gifts having stopped.
    static let silenceWeeks = 3

    /// What an outlet may add in a second sentence when it also happened in the same
    /// province and week: reports rarely come alone.
    func companions(voice: SourceKind) -> [Happening] {
        switch (voice, self) {
        case (.stateMedia, .gift), (.stateMedia, .visit), (.stateMedia, .honour): [.stateGratitude]
        case (.insider, .disruption): [.discontent, .coercedGratitude]
        case (.insider, .giftsStopped): [.discontent]
        case (.insider, .discontent): [.control]
        case (.insider, .control): [.discontent]
        case (.insider, .gift): [.sincereGratitude, .coercedGratitude]
        case (.insider, .casualties): [.control]
        default: []
        }
    }
}
