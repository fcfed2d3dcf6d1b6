import Watchfloor

/// Every indicator series at once: stories per event type per day, in each province and
/// nationally (see ``IndicatorLedger`` for what a story is and how weights are set).
///
/// ```swift
/// let all = IndicatorSeries.build(facts: facts, interval: DayInterval(first: start, last: asOf))
/// all[SeriesKey(type: .giftDelivery, province: .ryanggang)]?.weekly()
/// ```
public enum IndicatorSeries {
    /// One series per type × province (and type nationally) that has at least one event in
    /// `facts`; events outside `interval` (including future-dated ones) are not counted.
    public static func build(
        facts: some Sequence<EventFact>, interval: DayInterval, weighting: IndicatorLedger.Weighting = .count
    ) -> [SeriesKey: DailySeries] {
        build(ledger: IndicatorLedger(facts), interval: interval, weighting: weighting)
    }

    /// The same from a ledger kept up to date incrementally.
    public static func build(
        ledger: IndicatorLedger, interval: DayInterval, weighting: IndicatorLedger.Weighting = .count
    ) -> [SeriesKey: DailySeries] {
        var out: [SeriesKey: DailySeries] = [:]
        for key in ledger.keys {
            out[key] = ledger.series(SeriesSelection(key), over: interval, weighting: weighting)
        }
        return out
    }
}
