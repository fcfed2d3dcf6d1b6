import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WatchfloorPipeline
import WatchfloorTesting
import WatchfloorWeb

/// Strings a hostile document might carry. Every page must show them as text.
enum Hostile {
    static let script = "<script>alert('owned')</script>"
    static let attribute = "\"><img src=x onerror=alert(2)>"
    static let javascriptURL = "javascript:alert(3)"
    static let all = [script, attribute]

    /// Markup that would mean one of the strings above went out unescaped.
    static let leaks = ["<script>alert", "<img src=x", "onerror=alert(2)>", "href=\"javascript:"]
}

/// A store with reporting that exercises every page: English and Korean documents, a
/// syndicated copy, events of several types and provinces, warnings — and hostile text in
/// titles, bodies, source names, URLs and explanations.
final class WebFixture: @unchecked Sendable {
    let folder: TemporaryDirectory
    let store: SQLiteStore
    /// The documents, by name.
    private(set) var documents: [String: Document] = [:]
    private(set) var warnings: [Warning] = []

    static let insider = Source(name: "Example Insider <b>Bold</b>", kind: .insider, reliability: .b, language: .english)
    static let stateMedia = Source(name: "Example State Media", kind: .stateMedia, reliability: .d, language: .english)
    static let korean = Source(name: "예시 소식통", kind: .insider, reliability: .c, language: .korean)

    init(extraEvents: Int = 0) throws {
        folder = try TemporaryDirectory(prefix: "watchfloor-web")
        store = try SQLiteStore(path: folder.file("web.sqlite").path)
        try fill(extraEvents: extraEvents)
    }

    private func fill(extraEvents: Int) throws {
        var batch: [DocumentToStore] = []
        func add(
            _ name: String, _ text: String, source: Source, published: String, title: String?, url: String? = nil,
            events: [(EventType, Province?, String, String)], bands: [Int64] = [], duplicateOf: String? = nil
        ) {
            let document = Document(
                text: text, source: source.name, language: source.language ?? .english, externalID: "ext-\(name)\"quoted",
                url: url, title: title, published: Day(published), retrieved: Date(timeIntervalSince1970: 1_764_000_000),
                origin: "fixture")
            documents[name] = document
            let coded = events.map { type, province, sentence, cue in
                Self.event(type, province: province, in: document, sentence: sentence, cue: cue)
            }
            let original = duplicateOf.flatMap { documents[$0]?.text }
            batch.append(DocumentToStore(
                document: document, source: source, bandKeys: bands,
                isNearDuplicate: { candidate in original.map { candidate == $0 } ?? false }, events: coded))
        }

        add(
            "hyesan", "Families in Hyesan received rice from the party. \(Hostile.script) A source said officials handed out oil too.",
            source: Self.insider, published: "2025-10-01", title: "Rice in Hyesan \(Hostile.script)", url: Hostile.javascriptURL,
            events: [
                (.giftDelivery, .ryanggang, "Families in Hyesan received rice from the party.", "received"),
                (.giftDelivery, .ryanggang, "A source said officials handed out oil too.", "handed"),
            ], bands: [11])
        add(
            "hyesan-copy", "Families in Hyesan received rice from the party. \(Hostile.script) A source said officials handed out oil too. Reprinted.",
            source: Self.stateMedia, published: "2025-10-02", title: "Rice (reprint)", url: "https://example.org/reprint?a=1&b=2",
            events: [(.giftDelivery, .ryanggang, "Families in Hyesan received rice from the party.", "received")], bands: [11],
            duplicateOf: "hyesan")
        add(
            "chongjin", "In Chongjin the promised coal never came \(Hostile.attribute) and families complained loudly.",
            source: Self.insider, published: "2025-10-05", title: "Chongjin \(Hostile.attribute)",
            events: [
                (.aidDisruption, .northHamgyong, "In Chongjin the promised coal never came \(Hostile.attribute) and families complained loudly.", "never came"),
                (.discontent, .northHamgyong, "In Chongjin the promised coal never came \(Hostile.attribute) and families complained loudly.", "complained"),
            ])
        add(
            "korean", "혜산시 전사자 유가족들에게 쌀이 전달되었다. 주민들은 불만을 말했다.", source: Self.korean, published: "2025-10-06",
            title: "혜산 소식",
            events: [
                (.giftDelivery, .ryanggang, "혜산시 전사자 유가족들에게 쌀이 전달되었다.", "전달"),
                (.discontent, .ryanggang, "주민들은 불만을 말했다.", "불만"),
            ])
        add(
            "treaty", "State media praised the treaty with Moscow as lasting friendship.", source: Self.stateMedia,
            published: "2025-10-07", title: nil,
            events: [(.diplomaticSignal, nil, "State media praised the treaty with Moscow as lasting friendship.", "treaty")])
        add(
            "quiet", "A note about the weather, with no event in it \(Hostile.script).", source: Self.insider, published: "2025-10-25",
            title: "Weather", events: [])
        for i in 0..<extraEvents {
            let day = Day("2025-01-01")!.adding(days: i % 280)
            let province = Province.allCases[i % Province.allCases.count]
            add(
                "bulk-\(i)", "Bulk report \(i): memorial rites were held for the fallen near \(province.name).", source: Self.insider,
                published: day.description, title: "Bulk \(i)",
                events: [(.memorialHonor, province, "Bulk report \(i): memorial rites were held for the fallen near \(province.name).", "memorial")])
        }
        try store.write(batch)

        let giftEvents = try store.events(EventFilter(types: [.giftDelivery])).compactMap(\.event.id)
        warnings = try store.saveWarnings([
            Warning(
                kind: .silence, province: .ryanggang, types: [.giftDelivery], onset: Day("2025-10-09")!,
                detectedOn: Day("2025-10-20")!, score: 0.91,
                explanation: "Reports of gift deliveries in Ryanggang stopped \(Hostile.script). None came after 2025-10-08.",
                events: giftEvents, figures: ["run_days": 12, "expected": 6]),
            Warning(
                kind: .giftFlowDisruption, province: .northHamgyong, types: [.aidDisruption], onset: Day("2025-10-05")!,
                detectedOn: Day("2025-10-06")!, score: 0.8, explanation: "Aid disruption rose \(Hostile.attribute).",
                events: try store.events(EventFilter(types: [.aidDisruption])).compactMap(\.event.id),
                figures: ["rate_before": 0.1, "rate_after": 1]),
        ])
    }

    /// An event whose evidence is `sentence` (found in the text) with `cue` inside it.
    static func event(_ type: EventType, province: Province?, in document: Document, sentence: String, cue: String) -> Event {
        let start = offset(of: sentence, in: document.text)
        let cueStart = start + offset(of: cue, in: sentence)
        return Event(
            document: document.id, type: type, province: province, confidence: 0.4 + Double(sentence.count % 5) / 10,
            evidence: Evidence(
                sentence: TextSpan(start: start, end: start + sentence.unicodeScalars.count), text: sentence,
                cues: [CueMatch(role: "trigger", cue: cue, span: TextSpan(start: cueStart, end: cueStart + cue.unicodeScalars.count))],
                rule: "\(type.rawValue)/fixture"))
    }

    private static func offset(of needle: String, in haystack: String) -> Int {
        guard let range = haystack.range(of: needle) else { return 0 }
        return haystack.unicodeScalars.distance(from: haystack.unicodeScalars.startIndex, to: range.lowerBound)
    }

    func document(_ name: String) -> Document { documents[name]! }

    /// The dashboard as the binary runs it.
    func application(cachePages: Bool = true) -> some ApplicationProtocol {
        buildApplication(store: store, configuration: WebConfiguration(host: "127.0.0.1", port: 0, cachePages: cachePages, logLevel: .critical))
    }

    /// The dashboard with a configuration of the test's own (the fixture's store).
    func application(_ configuration: WebConfiguration) -> some ApplicationProtocol {
        buildApplication(store: store, configuration: configuration)
    }

    /// Every page of the dashboard, with the fixture's ids filled in.
    func pages() throws -> [String] {
        let warning = try #require(warnings.first?.id)
        let event = try #require(try store.events(EventFilter(limit: 1)).first?.event.id)
        return [
            "/", "/map", "/map?indicator=GIFT_DELIVERY&days=365", "/provinces/KP-10", "/provinces/KP-09",
            "/series?type=GIFT_DELIVERY&province=KP-10", "/series?type=GIFT_DELIVERY&granularity=week",
            "/series?type=GIFT_DELIVERY,CONDOLENCE_VISIT&province=KP-10&since=2025-09-01&until=2025-10-31",
            "/warnings", "/warnings?kind=W3", "/warnings/\(warning)", "/documents/\(document("hyesan").id.rawValue)",
            "/documents/\(document("chongjin").id.short)", "/documents/\(document("korean").id.rawValue)",
            "/events", "/events?type=GIFT_DELIVERY&province=KP-10&since=2025-09-01&until=2025-12-31&source_kind=insider&status=machine",
            "/review", "/review/events/\(event)", "/search?q=rice", "/search?q=script", "/search?q=%EC%9C%A0%EA%B0%80%EC%A1%B1",
            "/this/page/does/not/exist",
        ]
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}
