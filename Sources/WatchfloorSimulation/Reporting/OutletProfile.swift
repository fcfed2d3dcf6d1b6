import Watchfloor
import WatchfloorYAML

/// A simulated outlet: what it watches, how fast and how well it reports (`outlets.yaml`).
///
/// Each week, for each happening it reports and each province it covers, the outlet publishes
/// `Poisson(volume × coverage × perEvent × count)` documents, where `count` is the happening's
/// latent driver that week (multiplied by the province's visibility for outlets that follow the
/// centre's attention, as state media do). The rate is **proportional** to the count, with no
/// cap: twice the gifts delivered, twice the reports of gifts on average, so that the reporting
/// tracks the world it reports on and the truth can be the yardstick of the warnings.
public struct OutletProfile: Sendable {
    public struct Rate: Sendable, Equatable {
        /// Documents per unit of the happening's weekly count, at full coverage and volume 1.
        public var perEvent: Double
    }

    public struct Syndication: Sendable, Equatable {
        public var outlet: String
        public var share: Double
    }

    /// An aggregator's reposts of another outlet's stories, verbatim, days later.
    public struct Reposts: Sendable, Equatable {
        public var outlet: String
        public var share: Double
        public var lagDays: ClosedRange<Int>
    }

    public var source: Source
    /// Shares of documents per language (normalised when drawn).
    public var languages: [(language: Language, share: Double)]
    public var mentions: [Language: [String]]
    public var lagDays: ClosedRange<Int>
    public var coverage: [Province: Double]
    public var defaultCoverage: Double
    public var everyWeeks: Int?
    public var visibilityWeighted: Bool
    public var falseReports: Double
    public var misplaced: Double
    public var syndicatedBy: [Syndication]
    public var reports: [(happening: Happening, rate: Rate)]
    /// The weeks the outlet publishes in (`nil`: the whole run): an outlet that starts late or
    /// stops for good.
    public var activeWeeks: ClosedRange<Int>? = nil
    /// Stories of other outlets it reposts (an aggregator).
    public var reposts: [Reposts] = []

    public var name: String { source.name }

    public func coverage(of province: Province) -> Double { coverage[province] ?? defaultCoverage }

    public func publishes(inWeek week: Int) -> Bool {
        (everyWeeks.map { week % $0 == 0 } ?? true) && (activeWeeks?.contains(week) ?? true)
    }

    static func loadAll(_ root: YAMLValue) throws(ConfigurationError) -> [OutletProfile] {
        try root.rejectUnknownKeys(["outlets"])
        var outlets: [OutletProfile] = []
        for item in try root.required("outlets").array() { outlets.append(try load(item)) }
        let names = Set(outlets.map(\.name))
        for (item, outlet) in zip(try root.required("outlets").array(), outlets) {
            for copy in outlet.syndicatedBy where !names.contains(copy.outlet) {
                throw item.error("\"\(outlet.name)\" is syndicated by \"\(copy.outlet)\", which is not an outlet in this file")
            }
        }
        return outlets
    }

    private static func load(_ item: YAMLValue) throws(ConfigurationError) -> OutletProfile {
        try item.rejectUnknownKeys([
            "name", "kind", "reliability", "languages", "mentions", "lag_days", "coverage", "every_weeks",
            "visibility_weighted", "false_reports", "misplaced", "syndicated_by", "reports", "active_weeks", "reposts",
        ])
        let name = try item.required("name").nonEmptyString()
        let kind = try item.required("kind").enum(SourceKind.self)
        let reliability = try item.required("reliability").enum(Reliability.self)
        var languages: [(language: Language, share: Double)] = []
        for (code, share) in try item.required("languages").mapping() {
            languages.append((Language(rawValue: code), try share.double(in: 0...1)))
        }
        var mentions: [Language: [String]] = [:]
        for (code, list) in try item["mentions"]?.mapping() ?? [] { mentions[Language(rawValue: code)] = try list.stringList() }
        let lagValue = try item.required("lag_days")
        let lag = try lagValue.array()
        guard lag.count == 2 else { throw lagValue.error("expected [min, max] days for \"lag_days\"") }
        let lagMin = try lag[0].int(in: 0...365)
        let lagMax = try lag[1].int(in: lagMin...365)
        var coverage: [Province: Double] = [:]
        var defaultCoverage = 0.0
        for (key, value) in try item.required("coverage").mapping() {
            if key == "default" {
                defaultCoverage = try value.double(in: 0...1)
            } else if let province = Province(code: key) {
                coverage[province] = try value.double(in: 0...1)
            } else {
                throw value.error("expected a province code or \"default\" in \"coverage\", found \"\(key)\"")
            }
        }
        var syndicatedBy: [Syndication] = []
        for copy in try item["syndicated_by"]?.array() ?? [] {
            try copy.rejectUnknownKeys(["outlet", "share"])
            syndicatedBy.append(Syndication(outlet: try copy.required("outlet").nonEmptyString(), share: try copy.required("share").double(in: 0...1)))
        }
        var reports: [(happening: Happening, rate: Rate)] = []
        for (key, value) in try item.required("reports").mapping() {
            guard let happening = Happening(rawValue: key), happening != .context else {
                let names = Happening.allCases.filter { $0 != .context }.map(\.rawValue).joined(separator: ", ")
                throw value.error("unknown happening \"\(key)\"; expected one of \(names)")
            }
            if let cap = value["max"] {
                throw cap.error(
                    "\"max\" is no longer read: an outlet reports in proportion to what happens (per_event × count), without a cap")
            }
            try value.rejectUnknownKeys(["per_event"])
            reports.append((happening, Rate(perEvent: try value.required("per_event").double(in: 0...1000))))
        }
        reports.sort { $0.happening < $1.happening }
        var activeWeeks: ClosedRange<Int>?
        if let node = item["active_weeks"] {
            let bounds = try node.array()
            guard bounds.count == 2 else { throw node.error("expected [first, last] weeks for \"active_weeks\"") }
            let first = try bounds[0].int(in: 0...10_000)
            activeWeeks = first...(try bounds[1].int(in: first...10_000))
        }
        var reposts: [Reposts] = []
        for entry in try item["reposts"]?.array() ?? [] {
            try entry.rejectUnknownKeys(["outlet", "share", "lag_days"])
            let lag = try entry.required("lag_days").array()
            guard lag.count == 2 else { throw try entry.required("lag_days").error("expected [min, max] days") }
            let low = try lag[0].int(in: 0...365)
            reposts.append(Reposts(
                outlet: try entry.required("outlet").nonEmptyString(), share: try entry.required("share").double(in: 0...1),
                lagDays: low...(try lag[1].int(in: low...365))))
        }
        var profile = OutletProfile(
            source: Source(name: name, kind: kind, reliability: reliability, language: languages.max { $0.share < $1.share }?.language),
            languages: languages, mentions: mentions, lagDays: lagMin...lagMax, coverage: coverage,
            defaultCoverage: defaultCoverage, everyWeeks: try item["every_weeks"]?.int(in: 1...520),
            visibilityWeighted: try item["visibility_weighted"]?.bool() ?? false,
            falseReports: try item["false_reports"]?.double(in: 0...1) ?? 0,
            misplaced: try item["misplaced"]?.double(in: 0...1) ?? 0,
            syndicatedBy: syndicatedBy, reports: reports)
        profile.activeWeeks = activeWeeks
        profile.reposts = reposts
        return profile
    }
}
