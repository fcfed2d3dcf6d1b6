import Watchfloor
import WatchfloorYAML

/// Place names mapped to ISO 3166-2:KP provinces (`gazetteer.yaml`), with the rules for names
/// that need context.
///
/// ```yaml
/// korean_suffixes: [시, 군, 도, 에서, 의]
/// provinces:
///   - code: KP-09
///     names: [North Hamgyong, North Hamgyŏng, North Hamkyung, 함경북도, 함북]
///     places:
///       - {name: Chongjin, kind: city, variants: [Chŏngjin, 청진]}
///       - {name: Kusong, kind: city, variants: [구성시], common_words: [구성]}
/// ambiguous: [Hamgyong, Hwanghae, 함경도]
/// relative: [north of, south of, near the border with]
/// metonyms:
///   names: [Pyongyang]
///   place_before: [in, at, capital city of]
///   place_after: [city, residents]
/// common_word_context:
///   place_after: [한 소식통, 소식통, 사는, 주민]
/// shared_with_south_korea:
///   names: [Kangwon, Gangwon, 강원도]
///   south_by_default: [Gangwon]
///   south_context: [south korea*, Chuncheon, Gangneung, 춘천]
///   north_context: [north korea*, Wonsan, 원산]
/// ```
///
/// Hangul names match an eojeol that is the name plus `korean_suffixes` and particles only
/// (`청진시에서` is Chongjin, `청진기` is not). A place's `common_words` are names that are also
/// ordinary words (구성 "composition", 선봉 "vanguard"): they place an event only in the context of
/// ``commonWordContext`` or just after a province's name ("평안북도 구성", "구성의 한 소식통").
public struct Gazetteer: Sendable {
    public struct Name: Sendable {
        public var cue: Cue
        public var province: Province
        /// `province`, `city`, `county`, `district`, `street`, ... as the pack says.
        public var kind: String
        /// The entry's main name (for listings).
        public var canonical: String
        /// A name that is also a common word: it places an event only in context.
        public var commonWord: Bool = false
    }

    public var names: [Name]
    /// Particles and suffixes a Hangul place name may carry.
    public var koreanSuffixes: [String]
    /// Names that do not pick one province ("Hwanghae" without North or South).
    public var ambiguous: [Cue]
    /// Cues that, just before a name, say the place is somewhere else ("north of Pyongyang").
    public var relative: [Cue]
    public var metonyms: MetonymRule?
    /// Where a name that is also a common word is a place.
    public var commonWordContext: PlaceContext?
    public var sharedWithSouth: SharedNameRule?

    public init(
        names: [Name], koreanSuffixes: [String] = [], ambiguous: [Cue] = [], relative: [Cue] = [],
        metonyms: MetonymRule? = nil, commonWordContext: PlaceContext? = nil, sharedWithSouth: SharedNameRule? = nil
    ) {
        self.names = names
        self.koreanSuffixes = koreanSuffixes
        self.ambiguous = ambiguous
        self.relative = relative
        self.metonyms = metonyms
        self.commonWordContext = commonWordContext
        self.sharedWithSouth = sharedWithSouth
    }

    /// The number of distinct places below province level.
    public var placeCount: Int { Set(names.filter { $0.kind != "province" }.map(\.canonical)).count }
}

/// Names that also stand for the government ("Pyongyang has sent troops"): they place an event
/// only in a locative context — after `placeBefore` cues, before `placeAfter` cues, or as the
/// dateline at the start of a text.
public struct MetonymRule: Sendable {
    public var names: [Cue]
    public var placeBefore: [Cue]
    public var placeAfter: [Cue]
}

/// The words around a name that make it a place: cues just before it (`placeBefore`) or just
/// after it (`placeAfter`).
public struct PlaceContext: Sendable {
    public var placeBefore: [Cue]
    public var placeAfter: [Cue]
}

/// Names shared by a DPRK province and a South Korean one (Kangwon/Gangwon). A shared name is
/// South Korea's when the document has South Korean context and its sentence has no North Korean
/// context, or when it is South Korea's spelling by default and the document has no North Korean
/// context; otherwise it is the DPRK province.
public struct SharedNameRule: Sendable {
    public var names: [Cue]
    public var southByDefault: [Cue]
    public var southContext: [Cue]
    public var northContext: [Cue]
}

// MARK: Reading gazetteer.yaml

extension Gazetteer {
    static func read(_ root: YAMLValue, reader: CueReader, log: inout ErrorLog) -> Gazetteer {
        log.attempt { () throws(ConfigurationError) in
            try root.rejectUnknownKeys([
                "korean_suffixes", "provinces", "ambiguous", "relative", "metonyms", "common_word_context",
                "shared_with_south_korea",
            ])
        }
        let suffixes = log.attempt { () throws(ConfigurationError) in try root["korean_suffixes"]?.stringList() ?? [] } ?? []
        var seen = Set<Province>()
        let names = (log.attempt { () throws(ConfigurationError) in try root.required("provinces") })?
            .each(&log) { (node, log) throws(ConfigurationError) -> [Name]? in
                try node.rejectUnknownKeys(["code", "names", "places"])
                let codeNode = try node.required("code")
                let code = try codeNode.string()
                guard let province = Province(code: code) else {
                    let known = Province.allCases.map(\.code).joined(separator: ", ")
                    throw codeNode.error("expected an ISO 3166-2:KP code (\(known)), found \"\(code)\"")
                }
                guard seen.insert(province).inserted else { throw codeNode.error("the province \(code) is listed twice") }
                let provinceNames = try node.required("names").stringList()
                var names = try provinceNames.map { text throws(ConfigurationError) in
                    Name(cue: try placeCue(text, at: node), province: province, kind: "province", canonical: provinceNames[0])
                }
                names += node["places"]?.each(&log) { (place, log) throws(ConfigurationError) -> [Name]? in
                    if !place.isMapping {
                        let text = try place.nonEmptyString()
                        return [Name(cue: try placeCue(text, at: place), province: province, kind: "place", canonical: text)]
                    }
                    try place.rejectUnknownKeys(["name", "kind", "variants", "common_words"])
                    let main = try place.required("name").nonEmptyString()
                    let kind = try place["kind"]?.nonEmptyString() ?? "place"
                    let variants = try place["variants"]?.stringList() ?? []
                    let commonWords = try place["common_words"]?.stringList() ?? []
                    let plain = try ([main] + variants).map { text throws(ConfigurationError) in
                        Name(cue: try placeCue(text, at: place), province: province, kind: kind, canonical: main)
                    }
                    return try plain + commonWords.map { text throws(ConfigurationError) in
                        Name(
                            cue: try placeCue(text, at: place), province: province, kind: kind, canonical: main,
                            commonWord: true)
                    }
                }.flatMap { $0 } ?? []
                return names
            }.flatMap { $0 } ?? []
        var gazetteer = Gazetteer(
            names: names, koreanSuffixes: suffixes, ambiguous: placeCues(root["ambiguous"], reader: reader, log: &log),
            relative: root["relative"].map { reader.cues($0, strength: 1, log: &log) } ?? [])
        if let node = root["metonyms"] {
            log.attempt { () throws(ConfigurationError) in try node.rejectUnknownKeys(["names", "place_before", "place_after"]) }
            gazetteer.metonyms = MetonymRule(
                names: placeCues(node["names"], reader: reader, log: &log),
                placeBefore: node["place_before"].map { reader.cues($0, strength: 1, log: &log) } ?? [],
                placeAfter: node["place_after"].map { reader.cues($0, strength: 1, log: &log) } ?? [])
        }
        if let node = root["common_word_context"] {
            log.attempt { () throws(ConfigurationError) in try node.rejectUnknownKeys(["place_before", "place_after"]) }
            gazetteer.commonWordContext = PlaceContext(
                placeBefore: node["place_before"].map { reader.cues($0, strength: 1, log: &log) } ?? [],
                placeAfter: node["place_after"].map { reader.cues($0, strength: 1, log: &log) } ?? [])
        }
        if let node = root["shared_with_south_korea"] {
            log.attempt { () throws(ConfigurationError) in
                try node.rejectUnknownKeys(["names", "south_by_default", "south_context", "north_context"])
            }
            gazetteer.sharedWithSouth = SharedNameRule(
                names: placeCues(node["names"], reader: reader, log: &log),
                southByDefault: placeCues(node["south_by_default"], reader: reader, log: &log),
                southContext: node["south_context"].map { reader.cues($0, strength: 1, log: &log) } ?? [],
                northContext: node["north_context"].map { reader.cues($0, strength: 1, log: &log) } ?? [])
        }
        return gazetteer
    }

    /// A place name as a cue: Hangul words take suffixes and particles only (`=`). Other scripts
    /// keep their markers (`Пхеньян*` matches Пхеньяне, Пхеньяна).
    static func placeCue(_ text: String, at node: YAMLValue) throws(ConfigurationError) -> Cue {
        do {
            var cue = try Cue(text)
            for index in cue.pattern.words.indices where cue.pattern.words[index].mode == .open {
                let word = String(decoding: cue.pattern.words[index].bytes, as: UTF8.self)
                if word.unicodeScalars.contains(where: { ScalarFolding.isHangul($0.value) }), !text.contains("*") {
                    cue.pattern.words[index].mode = .particles
                }
            }
            return cue
        } catch {
            throw node.error("expected a place name: \(error.message) in \"\(text)\"")
        }
    }

    private static func placeCues(_ node: YAMLValue?, reader: CueReader, log: inout ErrorLog) -> [Cue] {
        guard let node else { return [] }
        return reader.cues(node, strength: 1, log: &log).map { cue in
            (try? placeCue(cue.text, at: node)) ?? cue
        }
    }
}
