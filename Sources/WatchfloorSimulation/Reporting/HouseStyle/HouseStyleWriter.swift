import Foundation
import Watchfloor

/// The second reporting writer: the same truth and the same observation model as
/// ``ReportingGenerator`` (each outlet publishes `Poisson(volume × coverage × per_event × count)`
/// documents a week about each happening it reports), worded in the house styles of
/// `scenarios/house-styles/`, and with the adversities real reporting has:
///
/// - **formulaic repeats**: state media's slotless formulas recur word for word on other days;
/// - **reposts days later**: an aggregator reposts insider stories verbatim 1–14 days on, inside and
///   outside the story window;
/// - **bursts of syndication**: a wire story copied by several outlets within days;
/// - **an outlet that dies** and **one that starts late** (`active_weeks`);
/// - **publication lags** of up to three weeks;
/// - **rumours later denied**: an outlet's false reports are rumours, denied 1–4 weeks later by
///   state media or the wire (the denial reports no event).
///
/// Distinct stories are *not* worded apart: two gifts told with the same template are as alike as
/// real stories are. Deterministic for the seed (stream 3 of the run's generator; the phrase-book
/// writer uses stream 2).
public struct HouseStyleWriter: Sendable {
    public let library: HouseStyleLibrary
    public let truth: LatentSeries

    public init(library: HouseStyleLibrary, truth: LatentSeries) {
        self.library = library
        self.truth = truth
    }

    public func reporting() -> SimulatedReporting {
        var writer = HouseStyleWriting(library: library, truth: truth)
        writer.writeAll()
        let documents = writer.documents.sorted { ($0.published, $0.record.id ?? "") < ($1.published, $1.record.id ?? "") }
        return SimulatedReporting(documents: documents, expected: writer.expected, similarOriginals: 0)
    }
}

/// The writer's working state for one pass over the truth.
private struct HouseStyleWriting {
    let library: HouseStyleLibrary
    let truth: LatentSeries
    let scenario: Scenario
    let lastDay: Day
    var random: SeededGenerator
    var documents: [SimulatedDocument] = []
    var expected: ExpectedReporting
    var sequence = 0
    var lastGiftWeek: [Int?]
    var weeksWithoutGifts: [Int]
    var deathsSoFar = 0
    /// Per outlet and happening: the events a document reports on average, by type, placement
    /// (named province or none) and sincerity.
    var yields: [String: [(label: HouseStyleBook.Label, named: Bool, share: Double)]] = [:]

    init(library: HouseStyleLibrary, truth: LatentSeries) {
        self.library = library
        self.truth = truth
        scenario = truth.scenario
        lastDay = scenario.day(ofWeek: scenario.weeks).adding(days: -1)
        random = SeededGenerator(seed: truth.seed).fork(stream: 3)
        expected = ExpectedReporting(start: scenario.start, weeks: scenario.weeks)
        lastGiftWeek = Array(repeating: nil, count: Scenario.provinceOrder.count)
        weeksWithoutGifts = Array(repeating: 0, count: Scenario.provinceOrder.count)
    }

    mutating func writeAll() {
        for week in truth.weeks {
            for (p, record) in week.provinces.enumerated() {
                if record.gifts > 0 {
                    lastGiftWeek[p] = week.week
                    weeksWithoutGifts[p] = 0
                } else if lastGiftWeek[p] != nil, record.bereaved > 0 {
                    weeksWithoutGifts[p] += 1
                }
            }
            deathsSoFar += week.national.newlyBereaved
            for outlet in library.outlets where outlet.publishes(inWeek: week.week) {
                observe(week, by: outlet)
            }
        }
    }

    private mutating func observe(_ week: WeekRecord, by outlet: OutletProfile) {
        let volume = scenario.reporting.volume
        for (happening, rate) in outlet.reports {
            if happening.isNational {
                let mean = volume * rate.perEvent * happening.nationalDriver(week)
                expect(volume * rate.perEvent * happening.nationalRate(week, exchange: scenario.exchange), of: happening,
                    by: outlet, province: nil, week: week.week)
                for _ in 0..<random.poisson(mean: mean) { write(happening, about: nil, in: week, by: outlet) }
                continue
            }
            for (p, province) in Scenario.provinceOrder.enumerated() {
                let coverage = outlet.coverage(of: province)
                guard coverage > 0 else { continue }
                var mean = volume * coverage * rate.perEvent
                    * happening.driver(week.provinces[p], giftsStoppedWeeks: weeksWithoutGifts[p])
                if outlet.visibilityWeighted { mean *= scenario.provinces[province]!.visibility }
                expect(mean, of: happening, by: outlet, province: province, week: week.week)
                for _ in 0..<random.poisson(mean: mean) { write(happening, about: province, in: week, by: outlet) }
            }
        }
    }

    /// Adds what `mean` documents are expected to report to the expectation (false reports and
    /// copies are not stories of the truth and are left out, as the first writer leaves them).
    private mutating func expect(_ mean: Double, of happening: Happening, by outlet: OutletProfile, province: Province?, week: Int) {
        guard mean > 0 else { return }
        for entry in yield(of: happening, by: outlet) {
            expected.add(
                mean * (1 - outlet.falseReports) * entry.share,
                ExpectedReporting.Key(
                    week: week, province: entry.named ? province : nil, type: entry.label.type, source: outlet.source.kind,
                    sincerity: entry.label.sincerity))
        }
    }

    private mutating func yield(of happening: Happening, by outlet: OutletProfile) -> [(label: HouseStyleBook.Label, named: Bool, share: Double)] {
        let key = "\(outlet.name)/\(happening.rawValue)"
        if let known = yields[key] { return known }
        var totals: [HouseStyleBook.Label: (named: Double, unnamed: Double)] = [:]
        let style = HouseStyle.of(outlet.source.kind)
        let usable = outlet.languages.filter { !(library.books[$0.language]?.templates(style, happening).isEmpty ?? true) }
        let shares = usable.reduce(0) { $0 + $1.share }
        for (language, share) in usable where shares > 0 {
            let templates = library.books[language]!.templates(style, happening)
            for template in templates {
                for label in template.events {
                    let named = !label.unplaced && template.namesPlace && !happening.isNational
                    let weight = share / shares / Double(templates.count)
                    var total = totals[HouseStyleBook.Label(type: label.type, sincerity: label.sincerity, unplaced: false)] ?? (0, 0)
                    if named { total.named += weight } else { total.unnamed += weight }
                    totals[HouseStyleBook.Label(type: label.type, sincerity: label.sincerity, unplaced: false)] = total
                }
            }
        }
        var result: [(label: HouseStyleBook.Label, named: Bool, share: Double)] = []
        for (label, total) in totals.sorted(by: { ($0.key.type, $0.key.sincerity?.rawValue ?? "") < ($1.key.type, $1.key.sincerity?.rawValue ?? "") }) {
            if total.named > 0 { result.append((label, true, total.named)) }
            if total.unnamed > 0 { result.append((label, false, total.unnamed)) }
        }
        yields[key] = result
        return result
    }

    private mutating func write(_ happening: Happening, about province: Province?, in week: WeekRecord, by outlet: OutletProfile) {
        let eventDay = scenario.day(ofWeek: week.week).adding(days: random.below(7))
        let published = eventDay.adding(days: random.integer(in: outlet.lagDays))
        guard published <= lastDay else { return }
        if province != nil, random.chance(outlet.falseReports) {
            writeRumour(about: province!, week: week.week, eventDay: eventDay, published: published, by: outlet)
            return
        }
        let style = HouseStyle.of(outlet.source.kind)
        let usable = outlet.languages.filter { entry in
            library.books[entry.language]?.templates(style, happening).contains { province != nil || !$0.namesPlace } ?? false
        }
        guard let language = random.pick(usable, weight: { $0.share })?.language, let book = library.books[language] else { return }
        let templates = book.templates(style, happening).filter { province != nil || !$0.namesPlace }
        let template = random.pick(templates)
        let p = province.flatMap { Scenario.provinceOrder.firstIndex(of: $0) }
        let renderer = HouseStyleRenderer(
            book: book, province: province, eventDay: eventDay, published: published,
            count: count(for: happening, in: week, province: p), gapWeeks: max(1, p.map { weeksWithoutGifts[$0] } ?? 1))
        let text = renderer.render(template.text, random: &random)
        let document = add(
            text: text, events: renderer.events(of: template), language: language, published: published, outlet: outlet,
            week: week.week, happening: happening, observed: happening.isNational ? nil : province, falseReport: false,
            copyOf: nil)
        syndicate(document, from: outlet)
    }

    /// A false report: a rumour, and its denial a few weeks later by state media or the wire.
    private mutating func writeRumour(about province: Province, week: Int, eventDay: Day, published: Day, by outlet: OutletProfile) {
        let books = outlet.languages.compactMap { entry in library.books[entry.language].map { (entry, $0) } }
            .filter { !$0.1.rumours.isEmpty }
        guard let (entry, book) = random.pick(books, weight: { $0.0.share }) else { return }
        let pair = random.pick(book.rumours)
        let renderer = HouseStyleRenderer(
            book: book, province: province, eventDay: eventDay, published: published, count: 1, gapWeeks: 2)
        let rumour = add(
            text: renderer.render(pair.rumour.text, random: &random), events: renderer.events(of: pair.rumour),
            language: entry.language, published: published, outlet: outlet, week: week, happening: .speculation,
            observed: province, falseReport: true, copyOf: nil)
        let deniers = library.outlets.filter { ($0.source.kind == .stateMedia || $0.source.kind == .wire) && $0.name != outlet.name }
        guard let denier = deniers.isEmpty ? nil : random.pick(deniers) else { return }
        let denied = rumour.published.adding(days: random.integer(in: 7...28))
        guard denied <= lastDay else { return }
        var denial = HouseStyleRenderer(book: book, province: province, eventDay: denied, published: denied, count: 1, gapWeeks: 2)
        denial.province = province
        _ = add(
            text: denial.render(pair.denial.text, random: &random), events: [], language: entry.language, published: denied,
            outlet: denier, week: week, happening: .speculation, observed: province, falseReport: false, copyOf: nil)
    }

    private func count(for happening: Happening, in week: WeekRecord, province p: Int?) -> Int {
        switch happening {
        case .casualtyEstimate: max(1, deathsSoFar)
        case .deployment: max(100, week.exchange.deployments)
        default: max(1, p.map { week.provinces[$0].newlyBereaved } ?? week.national.newlyBereaved)
        }
    }

    /// Copies: syndication (the outlet's `syndicated_by`, near the day) and reposts by aggregators
    /// (days later, verbatim).
    private mutating func syndicate(_ original: SimulatedDocument, from outlet: OutletProfile) {
        for copy in outlet.syndicatedBy where random.chance(copy.share) {
            guard let syndicator = library.outlets.first(where: { $0.name == copy.outlet }) else { continue }
            let day = original.published.adding(days: random.integer(in: syndicator.lagDays))
            guard day <= lastDay else { continue }
            _ = add(
                text: original.record.text, events: original.events, language: original.record.language ?? .english,
                published: day, outlet: syndicator, week: original.week, happening: original.happening,
                observed: original.observedProvince, falseReport: original.falseReport, copyOf: original.record.id)
        }
        for aggregator in library.outlets {
            for repost in aggregator.reposts where repost.outlet == outlet.name && random.chance(repost.share) {
                let day = original.published.adding(days: random.integer(in: repost.lagDays))
                guard day <= lastDay else { continue }
                _ = add(
                    text: original.record.text, events: original.events, language: original.record.language ?? .english,
                    published: day, outlet: aggregator, week: original.week, happening: original.happening,
                    observed: original.observedProvince, falseReport: original.falseReport, copyOf: original.record.id)
            }
        }
    }

    @discardableResult
    private mutating func add(
        text: String, events: [GoldEvent], language: Language, published: Day, outlet: OutletProfile, week: Int,
        happening: Happening, observed: Province?, falseReport: Bool, copyOf: String?
    ) -> SimulatedDocument {
        sequence += 1
        let id = "house-\(scenario.name)-\(truth.seed)-\(String(sequence).leftPadded(to: 6))"
        let slug = outlet.name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let record = ReportingRecord(
            id: id, url: "https://simulated.invalid/\(slug)/\(published.description.replacingOccurrences(of: "-", with: "/"))/\(id)",
            title: nil, outlet: outlet.name, sourceKind: outlet.source.kind, language: language,
            published: published.description, text: text)
        let document = SimulatedDocument(
            record: record, events: events, week: week, happening: happening, observedProvince: observed,
            falseReport: falseReport, misplaced: false, syndicatedFrom: copyOf)
        documents.append(document)
        return document
    }
}
