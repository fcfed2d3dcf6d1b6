import Foundation
import Watchfloor

/// The observation model: turns a run's truth into the reporting outlets would publish about it.
///
/// Each week, each outlet draws, for each happening it reports and each province it covers, a
/// Poisson number of documents whose mean is proportional to the happening's latent count (see
/// ``OutletProfile``). A document is one to three sentences: the report itself, sometimes a
/// second happening of the same place and week, sometimes an attribution or caveat; its labels
/// are the events those sentences report. Outlets lag, misplace, invent (false reports), and
/// copy one another (near-duplicate syndication); distinct stories are worded apart
/// (``DistinctWording``) so that the store does not fold them together. Beside the documents it
/// keeps their expectation (``ExpectedReporting``): the latent rate every indicator series
/// watches. Deterministic for the seed.
///
/// ```swift
/// let library = try TemplateLibrary.load(from: scenario.reporting.templates)
/// let reporting = ReportingGenerator(library: library, truth: truth).reporting()
/// reporting.documents.count
/// reporting.expected.weekly(types: [.deployment], province: nil)
/// ```
public struct ReportingGenerator: Sendable {
    public let library: TemplateLibrary
    public let truth: LatentSeries

    /// Chance that a report carries a second, related happening of the same place and week,
    /// and that it carries an attribution or caveat sentence.
    static let companionChance = 0.35
    static let contextChance = 0.3

    public init(library: TemplateLibrary, truth: LatentSeries) {
        self.library = library
        self.truth = truth
    }

    public func documents() -> [SimulatedDocument] { reporting().documents }

    /// The documents, in publication order, with their expectation.
    public func reporting() -> SimulatedReporting {
        var writer = Writer(library: library, truth: truth)
        writer.writeAll()
        return SimulatedReporting(
            documents: writer.documents.sorted { ($0.published, $0.record.id ?? "") < ($1.published, $1.record.id ?? "") },
            expected: writer.expected, similarOriginals: writer.wording.collisions)
    }
}

/// What ``ReportingGenerator`` writes for one run.
public struct SimulatedReporting: Sendable {
    /// In publication order.
    public var documents: [SimulatedDocument]
    /// The stories the outlets were expected to publish (the latent rate of every series).
    public var expected: ExpectedReporting
    /// Original stories that could not be worded apart from an earlier one of their happening
    /// (the store may fold them into its cluster); a handful at most with varied templates.
    public var similarOriginals: Int
}

/// The generator's working state for one pass over the truth.
private struct Writer {
    let library: TemplateLibrary
    let truth: LatentSeries
    let scenario: Scenario
    let lastDay: Day
    let outletsByName: [String: OutletProfile]
    var random: SeededGenerator
    var documents: [SimulatedDocument] = []
    var sequence = 0
    var expected: ExpectedReporting
    var yields: StoryYields
    var wording = DistinctWording()

    // Per province, in `Scenario.provinceOrder`.
    var lastGiftWeek: [Int?]
    var weeksWithoutGifts: [Int]
    var deathsSoFar = 0
    /// Per outlet (by name), province and happening (in the outlet's `reports` order): the
    /// documents expected of it so far. What an outlet usually reports about a province: the
    /// beat its false reports are drawn from.
    var beat: [String: [[Double]]] = [:]

    init(library: TemplateLibrary, truth: LatentSeries) {
        self.library = library
        self.truth = truth
        scenario = truth.scenario
        lastDay = scenario.day(ofWeek: scenario.weeks).adding(days: -1)
        outletsByName = Dictionary(library.outlets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        random = SeededGenerator(seed: truth.seed).fork(stream: 2)
        expected = ExpectedReporting(start: scenario.start, weeks: scenario.weeks)
        yields = StoryYields(library: library)
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

    private func driver(_ happening: Happening, province p: Int, in week: WeekRecord) -> Double {
        happening.driver(week.provinces[p], giftsStoppedWeeks: weeksWithoutGifts[p])
    }

    private mutating func observe(_ week: WeekRecord, by outlet: OutletProfile) {
        let volume = scenario.reporting.volume
        for (happening, rate) in outlet.reports {
            if happening.isNational {
                let mean = volume * rate.perEvent * happening.nationalDriver(week)
                let expectedMean = volume * rate.perEvent * happening.nationalRate(week, exchange: scenario.exchange)
                expect(expectedMean, of: happening, by: outlet, province: nil, in: week)
                for _ in 0..<random.poisson(mean: mean) {
                    write(happening, about: coveredProvince(of: outlet), in: week, by: outlet)
                }
                continue
            }
            for (p, province) in Scenario.provinceOrder.enumerated() {
                let coverage = outlet.coverage(of: province)
                guard coverage > 0 else { continue }
                var mean = volume * coverage * rate.perEvent * driver(happening, province: p, in: week)
                if outlet.visibilityWeighted { mean *= scenario.provinces[province]!.visibility }
                expect(mean, of: happening, by: outlet, province: p, in: week)
                addToBeat(mean, of: happening, by: outlet, province: p)
                for _ in 0..<random.poisson(mean: mean) {
                    write(happening, about: province, in: week, by: outlet)
                }
            }
        }
    }

    private mutating func addToBeat(_ mean: Double, of happening: Happening, by outlet: OutletProfile, province p: Int) {
        guard mean > 0, let index = outlet.reports.firstIndex(where: { $0.happening == happening }) else { return }
        if beat[outlet.name] == nil {
            beat[outlet.name] = Array(
                repeating: Array(repeating: 0, count: outlet.reports.count), count: Scenario.provinceOrder.count)
        }
        beat[outlet.name]![p][index] += mean
    }

    /// What a false report tells of instead of `happening`: another provincial happening of the
    /// outlet's beat in that province, drawn as often as the outlet has reported each there so far
    /// — whatever is happening this week. (Drawing only among what is absent this week would pour
    /// every false report onto a programme the moment it stops, and a stopped programme would
    /// never fall silent in the reporting.) `nil` when the outlet has no other beat there yet.
    private mutating func inventedHappening(instead happening: Happening, by outlet: OutletProfile, about province: Province) -> Happening? {
        guard let p = Scenario.provinceOrder.firstIndex(of: province), let shares = beat[outlet.name]?[p] else { return nil }
        let candidates = outlet.reports.indices.filter {
            !outlet.reports[$0].happening.isNational && outlet.reports[$0].happening != happening
        }
        return random.pick(candidates) { shares[$0] }.map { outlet.reports[$0].happening }
    }

    /// Adds the events `mean` documents of `happening` are expected to report to the expectation.
    private mutating func expect(_ mean: Double, of happening: Happening, by outlet: OutletProfile, province p: Int?, in week: WeekRecord) {
        guard mean > 0 else { return }
        let companions = p.map { p in
            happening.companions(voice: outlet.source.kind).filter { driver($0, province: p, in: week) > 0 }
        } ?? []
        let perDocument = yields.yields(
            of: happening, by: outlet, companions: companions, companionChance: ReportingGenerator.companionChance)
        let place = p.map { Scenario.provinceOrder[$0] }
        for (event, value) in perDocument {
            let province: Province? =
                switch event.placement {
                case .named: place
                case .none: nil
                case .fixed(let fixed): fixed
                }
            expected.add(
                mean * value,
                ExpectedReporting.Key(
                    week: week.week, province: province, type: event.type, source: outlet.source.kind,
                    sincerity: event.sincerity))
        }
    }

    /// A province for a national story that may name one: drawn by the outlet's coverage.
    private mutating func coveredProvince(of outlet: OutletProfile) -> Province? {
        random.pick(Scenario.provinceOrder) { outlet.coverage(of: $0) }
    }

    private mutating func write(_ reported: Happening, about observed: Province?, in week: WeekRecord, by outlet: OutletProfile) {
        var happening = reported
        var falseReport = false
        if let observed, !happening.isNational, random.chance(outlet.falseReports),
            let invented = inventedHappening(instead: happening, by: outlet, about: observed)
        {
            happening = invented
            falseReport = true
        }
        let eventDay = scenario.day(ofWeek: week.week).adding(days: random.below(7))
        let published = eventDay.adding(days: random.integer(in: outlet.lagDays))
        guard published <= lastDay else { return }

        var place = observed
        var misplaced = false
        if let observed, random.chance(outlet.misplaced), let neighbour = library.places.neighbours(observed).randomElement(using: &random) {
            place = neighbour
            misplaced = true
        }
        guard let language = language(for: happening, by: outlet) else { return }
        let book = library.phraseBooks[language]!
        let voice = outlet.source.kind

        var candidates = book.sentences(for: happening, voice: voice).filter {
            place != nil || !$0.namesPlace(vocabulary: book.vocabulary)
        }
        let second = secondProvince(for: happening, besides: place, in: week)
        if second == nil { candidates.removeAll { $0.needsSecondProvince } }
        guard !candidates.isEmpty else { return }

        let p = place.flatMap { Scenario.provinceOrder.firstIndex(of: $0) }
        let context = RenderContext(
            province: place, province2: second, eventDay: eventDay, published: published,
            lastGift: p.flatMap { lastGiftWeek[$0] }.map { scenario.day(ofWeek: $0).adding(days: 3) },
            count: week.provinces[p ?? 0].newlyBereaved, deathsTotal: deathsSoFar,
            mentions: outlet.mentions[language] ?? [])
        // Distinct stories are worded apart: compose again while the text comes too close to an
        // earlier story of the same happening and language, and keep the most distinct. Stories
        // that report no event (speculation) may repeat themselves: they count in no series.
        let bucket = "\(happening.rawValue)/\(language.rawValue)"
        let attempts = happening == .speculation ? 1 : DistinctWording.attempts
        var chosen: (sentences: [RenderedSentence], shingles: [UInt64], similarity: Double)?
        for _ in 0..<attempts {
            let sentences = compose(happening, from: candidates, book: book, context: context, province: p, in: week, voice: voice)
            let shingles = DistinctWording.shingles(sentences.map(\.text).joined(separator: " "))
            let similarity = wording.similarity(shingles, in: bucket)
            if chosen == nil || similarity < chosen!.similarity { chosen = (sentences, shingles, similarity) }
            if similarity < DistinctWording.threshold { break }
        }
        if happening != .speculation { wording.insert(chosen!.shingles, in: bucket, similarity: chosen!.similarity) }
        let sentences = chosen!.sentences
        var renderer = SentenceRenderer(book: book, places: library.places, context: context)

        var title: String? = nil
        if let titles = book.titles[happening]?[voice]?.filter({ place != nil || !$0.namesPlace(vocabulary: book.vocabulary, depth: 0) }),
            !titles.isEmpty
        {
            renderer.resetNamed()
            title = renderer.render(random.pick(titles), random: &random)
        }

        sequence += 1
        let id = "sim-\(scenario.name)-\(truth.seed)-\(String(sequence).leftPadded(to: 6))"
        let record = ReportingRecord(
            id: id, url: url(outlet: outlet.name, published: published, id: id), title: title, outlet: outlet.name,
            sourceKind: voice, language: language, published: published.description,
            text: sentences.map(\.text).joined(separator: " "))
        // A national story drew a province only to have somewhere to write from.
        let document = SimulatedDocument(
            record: record, events: sentences.flatMap(\.events), week: week.week, happening: happening,
            observedProvince: happening.isNational ? nil : observed,
            falseReport: falseReport, misplaced: misplaced, syndicatedFrom: nil)
        documents.append(document)
        syndicate(document, sentences: sentences, book: book, from: outlet)
    }

    typealias RenderedSentence = (text: String, events: [GoldEvent])

    /// One composition of a document: the report, sometimes a related happening of the same place
    /// and week, sometimes an attribution or caveat.
    private mutating func compose(
        _ happening: Happening, from candidates: [ReportSentence], book: PhraseBook, context: RenderContext,
        province p: Int?, in week: WeekRecord, voice: SourceKind
    ) -> [RenderedSentence] {
        var renderer = SentenceRenderer(book: book, places: library.places, context: context)
        var sentences: [RenderedSentence] = []
        func add(_ sentence: ReportSentence, renderer: inout SentenceRenderer, random: inout SeededGenerator) {
            renderer.resetNamed()
            let text = renderer.render(sentence.template, random: &random)
            sentences.append((text, sentence.goldEvents(named: renderer.named)))
        }
        add(random.pick(candidates), renderer: &renderer, random: &random)

        if let p, random.chance(ReportingGenerator.companionChance) {
            let companions = happening.companions(voice: voice).filter { driver($0, province: p, in: week) > 0 }
            if let companion = companions.randomElement(using: &random) {
                // A second sentence adds news: not another telling of an event already reported.
                let reported = Set(sentences.flatMap { $0.events.map(\.type) })
                let options = book.sentences(for: companion, voice: voice).filter {
                    !$0.needsSecondProvince && $0.events.allSatisfy { !reported.contains($0.type) }
                }
                if let sentence = options.randomElement(using: &random) { add(sentence, renderer: &renderer, random: &random) }
            }
        }
        if random.chance(ReportingGenerator.contextChance) {
            let place = context.province
            let options = book.sentences(for: .context, voice: voice).filter { place != nil || !$0.namesPlace(vocabulary: book.vocabulary) }
            if let sentence = options.randomElement(using: &random) { add(sentence, renderer: &renderer, random: &random) }
        }
        return sentences
    }

    /// A language the outlet writes in that has sentences for the happening in its voice.
    private mutating func language(for happening: Happening, by outlet: OutletProfile) -> Language? {
        let usable = outlet.languages.filter {
            $0.share > 0 && !(library.phraseBooks[$0.language]?.sentences(for: happening, voice: outlet.source.kind).isEmpty ?? true)
        }
        return random.pick(usable) { $0.share }?.language
    }

    /// Another province where the same happening occurred this week, for sentences naming two.
    private mutating func secondProvince(for happening: Happening, besides place: Province?, in week: WeekRecord) -> Province? {
        guard let place, !happening.isNational else { return nil }
        let others = Scenario.provinceOrder.enumerated().filter { p, province in
            province != place && driver(happening, province: p, in: week) > 0
        }
        return others.randomElement(using: &random)?.element
    }

    /// Copies of an English story by the outlets that syndicate it, with small edits: a
    /// near-duplicate of the same events, published a little later.
    private mutating func syndicate(
        _ original: SimulatedDocument, sentences: [(text: String, events: [GoldEvent])], book: PhraseBook,
        from outlet: OutletProfile
    ) {
        for copy in outlet.syndicatedBy where random.chance(copy.share) {
            guard let syndicator = outletsByName[copy.outlet] else { continue }
            let published = original.published.adding(days: random.integer(in: syndicator.lagDays))
            guard published <= lastDay else { continue }
            var kept = sentences
            // A copy may drop a trailing caveat (a sentence reporting no event).
            if kept.count > 1, kept.last!.events.isEmpty, random.chance(0.3) { kept.removeLast() }
            let edited = kept.map { sentence in
                var text = sentence.text
                for edit in book.syndicationEdits where random.chance(0.5) {
                    text = text.replacingFirst(edit.from, with: edit.to)
                }
                return text.capitalizingFirstLetter()
            }
            sequence += 1
            let id = "sim-\(scenario.name)-\(truth.seed)-\(String(sequence).leftPadded(to: 6))"
            var record = original.record
            record.id = id
            record.outlet = syndicator.name
            record.sourceKind = syndicator.source.kind
            record.published = published.description
            record.url = url(outlet: syndicator.name, published: published, id: id)
            record.text = edited.joined(separator: " ")
            documents.append(
                SimulatedDocument(
                    record: record, events: original.events, week: original.week, happening: original.happening,
                    observedProvince: original.observedProvince, falseReport: original.falseReport,
                    misplaced: original.misplaced, syndicatedFrom: original.record.id))
        }
    }

    private func url(outlet: String, published: Day, id: String) -> String {
        let slug = outlet.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return "https://simulated.invalid/\(slug)/\(published.description.replacingOccurrences(of: "-", with: "/"))/\(id)"
    }
}
