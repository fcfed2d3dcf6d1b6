import Foundation
import WatchfloorPipeline

/// Invented reporting, already coded, written straight into a store: enough documents, events
/// and warnings to load-test the dashboard (a million events) or to show every page with
/// realistic content (a few thousand). Every sentence is written here and says so in its outlet
/// names ("Example …"); nothing comes from real reporting.
///
/// Rates follow a few deliberate patterns so that the pages have something to show: gift
/// deliveries in North Hamgyong fall by half, reports of aid disruption there rise, aid reports
/// from Ryanggang stop, and matching warnings are stored.
struct SyntheticReporting {
    var events: Int
    var seed: UInt64 = 7
    var last = Day(year: 2025, month: 11, day: 30)!
    var days = 1095

    struct Summary: Encodable {
        var documents: Int
        var events: Int
        var warnings: Int
        var seconds: Double
    }

    private struct Outlet {
        var source: Source
        var korean: Bool
    }

    private static let outlets: [Outlet] = [
        Outlet(source: Source(name: "Example Insider Daily", kind: .insider, reliability: .b, language: .english), korean: false),
        Outlet(source: Source(name: "Example Border Network", kind: .insider, reliability: .c, language: .english), korean: false),
        Outlet(source: Source(name: "예시 내부 소식통", kind: .insider, reliability: .c, language: .korean), korean: true),
        Outlet(source: Source(name: "Example Central News", kind: .stateMedia, reliability: .d, language: .english), korean: false),
        Outlet(source: Source(name: "예시 중앙통신", kind: .stateMedia, reliability: .d, language: .korean), korean: true),
        Outlet(source: Source(name: "Example Wire Service", kind: .wire, reliability: .b, language: .english), korean: false),
        Outlet(source: Source(name: "Example Ministry Briefing", kind: .government, reliability: .b, language: .english), korean: false),
        Outlet(source: Source(name: "Example Policy Institute", kind: .thinkTank, reliability: .c, language: .english), korean: false),
    ]

    private static let places: [(Province, String, String)] = [
        (.pyongyang, "Pyongyang", "평양"), (.southPyongan, "Pyongsong", "평성"), (.northPyongan, "Sinuiju", "신의주"),
        (.chagang, "Kanggye", "강계"), (.southHwanghae, "Haeju", "해주"), (.northHwanghae, "Sariwon", "사리원"),
        (.kangwon, "Wonsan", "원산"), (.southHamgyong, "Hamhung", "함흥"), (.northHamgyong, "Chongjin", "청진"),
        (.ryanggang, "Hyesan", "혜산"), (.rason, "Rason", "라선"), (.nampo, "Nampo", "남포"),
    ]

    /// Per type: an English and a Korean sentence (`{p}` is the place) and the cue each contains.
    private static let sentences: [EventType: (en: String, enCue: String, ko: String, koCue: String)] = [
        .giftDelivery: ("Party officials in {p} handed rice and cooking oil to the families of soldiers who died in Russia.", "handed",
                        "{p}의 전사자 유가족들에게 쌀과 식용유가 전달되었다.", "전달"),
        .condolenceVisit: ("A delegation from the provincial committee called on bereaved households in {p}.", "called on bereaved",
                           "도당 간부들이 {p}의 유가족 세대를 찾아가 위로했다.", "위로"),
        .memorialHonor: ("A memorial stone for the fallen was unveiled on a hill outside {p}.", "memorial",
                         "{p} 외곽에 전사자를 기리는 기념비가 세워졌다.", "기념비"),
        .aidDisruption: ("Families in {p} say the promised coal and flour have not arrived for two months.", "have not arrived",
                         "{p}의 유가족들은 약속된 석탄과 밀가루가 두 달째 오지 않았다고 말했다.", "오지 않았다"),
        .gratitudeExpression: ("At a meeting in {p}, relatives read out letters thanking the leader for his care.", "thanking",
                               "{p}의 유가족들이 모임에서 지도자에게 감사하는 편지를 읽었다.", "감사"),
        .discontent: ("Residents of {p} complain quietly that their sons were sent abroad to die.", "complain",
                      "{p} 주민들은 아들들이 외국에서 죽었다며 불만을 터뜨렸다.", "불만"),
        .controlMeasure: ("Security officers in {p} warned families not to talk about the deaths.", "warned families",
                          "{p} 보위부는 유가족들에게 전사 소식을 말하지 말라고 경고했다.", "경고"),
        .casualtyReport: ("Sources in {p} counted more urns returning from the front this month.", "urns",
                          "{p}에 전선에서 돌아온 유골함이 늘었다고 소식통이 전했다.", "유골함"),
        .deployment: ("Another group of young men from {p} left for training before being sent to Russia.", "sent to Russia",
                      "{p}의 청년들이 또 러시아 파병을 앞두고 훈련소로 떠났다.", "파병"),
        .armsTransfer: ("Freight trains loaded with shells left {p} for the Russian border.", "loaded with shells",
                        "포탄을 실은 화물열차가 {p}에서 러시아 국경으로 떠났다.", "포탄"),
        .techTransfer: ("Engineers near {p} said Russian fuel and machine parts had arrived at a plant.", "Russian fuel",
                        "{p} 인근 공장에 러시아산 연료와 부품이 들어왔다고 기술자들이 말했다.", "러시아산 연료"),
        .diplomaticSignal: ("State media in {p} praised the treaty and the lasting friendship with Moscow.", "treaty",
                            "{p}의 관영 매체는 조약과 모스크바와의 변함없는 친선을 찬양했다.", "조약"),
    ]

    private static let fillers = [
        "The account could not be confirmed independently.",
        "Local officials did not answer questions about it.",
        "A second source described the same scene.",
    ]

    /// The change that gives the pages a story: from this day, the rate of a series is multiplied.
    private func multiplier(_ type: EventType, _ province: Province, _ day: Day) -> Double {
        let turn = last.adding(days: -150)
        switch (type, province) {
        case (.giftDelivery, .northHamgyong): return day >= turn ? 0.4 : 1
        case (.aidDisruption, .northHamgyong): return day >= turn ? 3 : 1
        case (.giftDelivery, .ryanggang), (.condolenceVisit, .ryanggang): return day >= last.adding(days: -60) ? 0 : 1
        case (.discontent, _): return day >= turn ? 1.6 : 1
        default: return 1
        }
    }

    func write(into store: any Store) throws -> Summary {
        let started = Date()
        var random = SplitMix64(seed: seed)
        let first = last.adding(days: -days + 1)
        let types = EventType.giftPolitics
        let typeWeights: [Double] = [3, 2, 1.5, 1.5, 2, 1.5, 1, 1.2, 1, 0.7, 0.6, 0.8]
        let provinceWeights: [Double] = [2, 1, 1, 0.8, 0.8, 0.8, 0.9, 1.2, 1.5, 1.2, 0.4, 0.5]
        var documentCount = 0
        var eventCount = 0
        var batch: [DocumentToStore] = []
        try store.setSearchIndexDeferred(true)
        while eventCount < events {
            let day = first.adding(days: Int(random.next() % UInt64(days)))
            let outlet = Self.outlets[Int(random.next() % UInt64(Self.outlets.count))]
            let (province, place, placeKorean) = Self.places[random.pick(provinceWeights)]
            let wanted = min(1 + Int(random.next() % 3), events - eventCount)
            var text = ""
            var coded: [(EventType, TextSpan, TextSpan, String)] = []
            for _ in 0..<wanted {
                let type = types[random.pick(typeWeights)]
                // Thin a sentence out where the pattern says the rate fell.
                if random.unit() >= multiplier(type, province, day) / 3 { continue }
                guard let template = Self.sentences[type] else { continue }
                let sentence = (outlet.korean ? template.ko : template.en)
                    .replacingOccurrences(of: "{p}", with: outlet.korean ? placeKorean : place)
                let cue = outlet.korean ? template.koCue : template.enCue
                if !text.isEmpty { text += " " }
                let start = text.unicodeScalars.count
                text += sentence
                let end = text.unicodeScalars.count
                let cueOffset = sentence.range(of: cue).map { sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: $0.lowerBound) } ?? 0
                coded.append((type, TextSpan(start: start, end: end), TextSpan(start: start + cueOffset, end: start + cueOffset + cue.unicodeScalars.count), cue))
            }
            guard !coded.isEmpty else { continue }
            text += " " + Self.fillers[Int(random.next() % UInt64(Self.fillers.count))] + " (ref. \(documentCount))"
            let document = Document(
                text: text, source: outlet.source.name, language: outlet.korean ? .korean : .english,
                externalID: "synthetic-\(documentCount)", url: "https://example.org/reports/\(documentCount)",
                title: outlet.korean ? "\(placeKorean) 소식" : "Report from \(place)", published: day,
                retrieved: Date(timeIntervalSince1970: 1_764_000_000), origin: "synthetic")
            let scalars = Array(text.unicodeScalars)
            let eventsOfDocument = coded.map { type, sentence, cue, word in
                var attributes = EventAttributes()
                if type == .gratitudeExpression { attributes.sincerity = random.unit() < 0.35 ? .coerced : .sincere }
                return Event(
                    document: document.id, type: type, province: province,
                    date: random.unit() < 0.5 ? EventDate(day: day.adding(days: -Int(random.next() % 10))) : nil,
                    attributes: attributes, confidence: 0.35 + 0.6 * random.unit(),
                    evidence: Evidence(
                        sentence: sentence, text: String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])),
                        cues: [CueMatch(role: "trigger", cue: word, span: cue)], rule: "\(type.rawValue)/synthetic"))
            }
            // One story in fifty is carried again by the wire, as a syndicated copy that counts once.
            let syndicated = documentCount % 50 == 0
            let band = Int64(documentCount)
            batch.append(DocumentToStore(
                document: document, source: outlet.source, bandKeys: syndicated ? [band] : [], events: eventsOfDocument))
            documentCount += 1
            eventCount += eventsOfDocument.count
            if syndicated, !outlet.korean {
                let copyText = "Reprinted from \(outlet.source.name): " + text
                var copy = Document(
                    text: copyText, source: "Example Wire Service", language: .english, title: document.title, published: day.adding(days: 1),
                    retrieved: document.retrieved, origin: "synthetic")
                copy.externalID = "synthetic-copy-\(documentCount)"
                let original = text
                let shift = copyText.unicodeScalars.count - text.unicodeScalars.count
                let copiedEvents = eventsOfDocument.map { event -> Event in
                    var moved = event
                    moved.document = copy.id
                    moved.evidence.sentence = TextSpan(start: event.evidence.sentence.start + shift, end: event.evidence.sentence.end + shift)
                    moved.evidence.cues = event.evidence.cues.map {
                        CueMatch(role: $0.role, cue: $0.cue, span: TextSpan(start: $0.span.start + shift, end: $0.span.end + shift))
                    }
                    return moved
                }
                batch.append(DocumentToStore(
                    document: copy, source: Self.outlets[5].source, bandKeys: [band], isNearDuplicate: { $0 == original },
                    events: copiedEvents))
                documentCount += 1
                eventCount += copiedEvents.count
            }
            if batch.count == 5000 {
                _ = try store.write(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = try store.write(batch) }
        try store.setSearchIndexDeferred(false)
        let warnings = try store.saveWarnings(try patternWarnings(store))
        return Summary(documents: documentCount, events: eventCount, warnings: warnings.count, seconds: Date().timeIntervalSince(started))
    }

    /// Warnings matching the patterns, each supported by the latest events of its series.
    private func patternWarnings(_ store: any Store) throws -> [Warning] {
        func support(_ type: EventType, _ province: Province?, _ until: Day) throws -> [Int64] {
            try store.events(EventFilter(types: [type], province: province, until: until, limit: 12)).compactMap(\.event.id)
        }
        let turn = last.adding(days: -150)
        let quiet = last.adding(days: -60)
        return [
            Warning(
                kind: .giftFlowDisruption, province: .northHamgyong, types: [.giftDelivery], onset: turn,
                detectedOn: turn.adding(days: 19), score: 0.93,
                explanation: "Reported gift deliveries in North Hamgyong (KP-09) fell from 1.9 to 0.8 a day around \(turn). "
                    + "On \(turn.adding(days: 19)) the change detector put the probability that the rate changed at 0.93. "
                    + "The outlets that report on this series kept publishing through the change.",
                events: try support(.giftDelivery, .northHamgyong, turn.adding(days: 19)),
                figures: ["rate_before": 1.9, "rate_after": 0.8, "probability": 0.93, "delay_days": 19]),
            Warning(
                kind: .giftFlowDisruption, province: .northHamgyong, types: [.aidDisruption], onset: turn.adding(days: 3),
                detectedOn: turn.adding(days: 24), score: 0.88,
                explanation: "Reports of aid delayed or cut in North Hamgyong (KP-09) rose from 0.4 to 1.2 a day around \(turn.adding(days: 3)).",
                events: try support(.aidDisruption, .northHamgyong, turn.adding(days: 24)),
                figures: ["rate_before": 0.4, "rate_after": 1.2, "probability": 0.88]),
            Warning(
                kind: .silence, province: .ryanggang, types: [.giftDelivery], onset: quiet, detectedOn: quiet.adding(days: 16),
                score: 0.97,
                explanation: "Reports of gift deliveries in Ryanggang (KP-10) stopped after \(quiet.adding(days: -1)): at the recent rate, "
                    + "14 would have been expected by \(quiet.adding(days: 16)) and none came. The silence continues.",
                events: try support(.giftDelivery, .ryanggang, quiet.adding(days: -1)),
                figures: ["baseline_rate": 0.9, "expected": 54, "observed": 0, "run_days": 60]),
            Warning(
                kind: .hollowGratitude, province: .southHamgyong, types: [.gratitudeExpression, .discontent],
                onset: turn.adding(days: 10), detectedOn: turn.adding(days: 41), score: 0.81,
                explanation: "In South Hamgyong (KP-08), more reports describe bereaved families' public thanks as coerced, while discontent rose.",
                events: try support(.gratitudeExpression, .southHamgyong, turn.adding(days: 41)),
                figures: ["coerced_share_window": 0.46, "coerced_share_baseline": 0.31]),
            Warning(
                kind: .narrativeGap, province: .northHamgyong, types: [.discontent], onset: turn.adding(days: 30),
                detectedOn: turn.adding(days: 62), score: 0.74,
                explanation: "State media kept honouring the fallen of North Hamgyong (KP-09) while provincial reporting of discontent rose.",
                events: try support(.discontent, .northHamgyong, turn.adding(days: 62)),
                figures: ["rate_before": 0.5, "rate_after": 0.8]),
            Warning(
                kind: .allianceShift, province: nil, types: [.deployment], onset: last.adding(days: -300),
                detectedOn: last.adding(days: -280), score: 0.66,
                explanation: "Reported deployments to Russia rose nationally from 2.1 to 3.0 a day.",
                events: try support(.deployment, nil, last.adding(days: -280)),
                figures: ["rate_before": 2.1, "rate_after": 3.0]),
        ]
    }
}

/// A small, fast, seedable generator (SplitMix64), so that a seed gives the same database.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An index drawn with the given weights.
    mutating func pick(_ weights: [Double]) -> Int {
        var target = unit() * weights.reduce(0, +)
        for (i, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return i }
        }
        return weights.count - 1
    }
}
