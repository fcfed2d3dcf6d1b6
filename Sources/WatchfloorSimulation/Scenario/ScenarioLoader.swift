import Foundation
import Watchfloor
import WatchfloorYAML

extension Scenario {
    /// Reads and validates a scenario file.
    ///
    /// A scenario may start with `extends: baseline.yaml` (a path relative to its own folder, or
    /// absolute):
    /// it then states only what differs, and every other value comes from the base file.
    /// Unknown keys are rejected, and every error names the file, line and column and what was
    /// expected there:
    ///
    /// ```
    /// scenarios/budget-squeeze.yaml:14:13: expected a number from 0.0 to 1.0 for "strain.threshold", found 35.0
    /// ```
    public static func load(from url: URL) throws(ConfigurationError) -> Scenario {
        var layers: [YAMLValue] = []
        var visited: Set<String> = []
        var next: URL? = url.standardizedFileURL
        while let file = next {
            guard visited.insert(file.path).inserted else {
                throw ConfigurationError(file: file.path, message: "the scenario extends itself (a cycle of `extends`)")
            }
            let layer = try YAMLValue.load(contentsOf: file)
            layers.append(layer)
            next = try layer["extends"].map { value throws(ConfigurationError) in
                let path = try value.nonEmptyString()
                let base = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : file.deletingLastPathComponent().appendingPathComponent(path))
                    .standardizedFileURL
                guard FileManager.default.fileExists(atPath: base.path) else {
                    throw value.error("the scenario to extend was not found at \(base.path)")
                }
                return base
            }
        }
        return try ScenarioReader(root: LayeredYAML(layers)).scenario()
    }
}

/// Reads the layered YAML of a scenario into a ``Scenario``, checking every value's range.
private struct ScenarioReader {
    let root: LayeredYAML

    func scenario() throws(ConfigurationError) -> Scenario {
        try root.rejectUnknownKeys([
            "extends", "name", "description", "start", "weeks", "families", "neighbourhood", "provinces",
            "deployment", "casualties", "budget", "family", "control", "exchange", "strain", "shifts", "reporting",
        ])
        let startValue = try root.required("start")
        guard let start = Day(try startValue.string()), start.description == (try startValue.string()) else {
            throw startValue.top.error("expected a date as YYYY-MM-DD for \"start\", found \"\(try startValue.string())\"")
        }
        let weeks = try root.required("weeks").int(in: 1...5200)
        return Scenario(
            name: try root.required("name").nonEmptyString(),
            summary: try root["description"]?.string() ?? "",
            start: start,
            weeks: weeks,
            families: try root.required("families").int(in: 12...5_000_000),
            neighbourhoodSize: try root.required("neighbourhood").int(in: 2...100_000),
            provinces: try provinces(),
            deployment: try deployment(),
            casualties: try casualties(),
            budget: try budget(),
            family: try family(),
            control: try control(),
            exchange: try exchange(),
            strain: try strain(),
            shifts: try shifts(weeks: weeks),
            reporting: try reporting()
        )
    }

    private func section(_ key: String, _ allowed: Set<String>) throws(ConfigurationError) -> LayeredYAML {
        let value = try root.required(key)
        try value.rejectUnknownKeys(allowed)
        return value
    }

    private func provinces() throws(ConfigurationError) -> [Province: ProvinceParameters] {
        let section = try root.required("provinces")
        var result: [Province: ProvinceParameters] = [:]
        for key in try section.keys() {
            let entry = section[key]!
            guard let province = Province(code: key) else {
                let codes = Province.allCases.map(\.code).joined(separator: ", ")
                throw entry.top.error("unknown province \"\(key)\"; expected one of \(codes)")
            }
            try entry.rejectUnknownKeys(["name", "population", "deployment_share", "hardship", "legitimacy", "visibility", "control"])
            result[province] = ProvinceParameters(
                population: try entry.required("population").double(in: 1...100_000),
                deploymentShare: try entry.required("deployment_share").double(in: 0...1),
                hardship: try entry.required("hardship").double(in: 0...1),
                legitimacy: try entry.required("legitimacy").double(in: 0...1),
                visibility: try entry.required("visibility").double(in: 0...1),
                control: try entry.required("control").double(in: 0...10)
            )
        }
        let missing = Province.allCases.filter { result[$0] == nil }.map(\.code)
        guard missing.isEmpty else {
            throw section.top.error("expected all twelve provinces; missing \(missing.joined(separator: ", "))")
        }
        guard result.values.contains(where: { $0.deploymentShare > 0 }) else {
            throw section.top.error("expected at least one province with a deployment_share above 0")
        }
        return result
    }

    private func deployment() throws(ConfigurationError) -> DeploymentParameters {
        let s = try section("deployment", ["initial_share", "weekly_rate", "tour_weeks"])
        return DeploymentParameters(
            initialShare: try s.required("initial_share").double(in: 0...1),
            weeklyRate: try s.required("weekly_rate").double(in: 0...1),
            tourWeeks: try s.required("tour_weeks").double(in: 1...1000)
        )
    }

    private func casualties() throws(ConfigurationError) -> CasualtyParameters {
        let s = try section("casualties", ["weekly_rate", "curve"])
        var curve: [CurvePoint] = []
        for point in try s["curve"]?.array() ?? [] {
            try point.rejectUnknownKeys(["week", "factor"])
            let week = try point.required("week").int(in: 0...5200)
            if let previous = curve.last, week <= previous.week {
                throw point.error("expected the curve's weeks in increasing order, found week \(week) after week \(previous.week)")
            }
            curve.append(CurvePoint(week: week, factor: try point.required("factor").double(in: 0...100)))
        }
        return CasualtyParameters(weeklyRate: try s.required("weekly_rate").double(in: 0...1), curve: curve)
    }

    private func budget() throws(ConfigurationError) -> BudgetParameters {
        let s = try section("budget", ["weekly", "policy", "costs", "gift_interval_weeks", "honour_interval_weeks"])
        let costs = try s.required("costs")
        try costs.rejectUnknownKeys(["gift", "visit", "honour"])
        return BudgetParameters(
            weekly: try s.required("weekly").double(in: 0...1e9),
            policy: try s.required("policy").top.enum(TargetingPolicy.self),
            giftCost: try costs.required("gift").double(in: 0.001...1e6),
            visitCost: try costs.required("visit").double(in: 0.001...1e6),
            honourCost: try costs.required("honour").double(in: 0.001...1e6),
            giftIntervalWeeks: try s.required("gift_interval_weeks").int(in: 1...520),
            honourIntervalWeeks: try s.required("honour_interval_weeks").int(in: 1...520)
        )
    }

    private func family() throws(ConfigurationError) -> FamilyParameters {
        let s = try section("family", [
            "grief_half_life_weeks", "grief_floor", "bereavement_hardship", "hardship_spread", "grief_weight",
            "neglected_legitimacy", "legitimacy_decay", "bereavement_shock", "programme_weight", "programme_news", "gift_legitimacy", "visit_legitimacy", "honour_legitimacy",
            "gift_relief", "relief_decay", "support_memory", "threshold", "threshold_spread", "resentment_level",
        ])
        return FamilyParameters(
            griefHalfLifeWeeks: try s.required("grief_half_life_weeks").double(in: 0.1...10_000),
            griefFloor: try s.required("grief_floor").double(in: 0...1),
            bereavementHardship: try s.required("bereavement_hardship").double(in: 0...1),
            hardshipSpread: try s.required("hardship_spread").double(in: 0...1),
            griefWeight: try s.required("grief_weight").double(in: 0...1),
            neglectedLegitimacy: try s.required("neglected_legitimacy").double(in: 0...1),
            legitimacyDecay: try s.required("legitimacy_decay").double(in: 0...1),
            bereavementShock: try s.required("bereavement_shock").double(in: 0...1),
            programmeWeight: try s.required("programme_weight").double(in: 0...1),
            programmeNews: try s.required("programme_news").double(in: 0.001...1),
            giftLegitimacy: try s.required("gift_legitimacy").double(in: 0...1),
            visitLegitimacy: try s.required("visit_legitimacy").double(in: 0...1),
            honourLegitimacy: try s.required("honour_legitimacy").double(in: 0...1),
            giftRelief: try s.required("gift_relief").double(in: 0...1),
            reliefDecay: try s.required("relief_decay").double(in: 0...1),
            supportMemory: try s.required("support_memory").double(in: 0...0.999),
            thresholdMean: try s.required("threshold").double(in: 0...1),
            thresholdSpread: try s.required("threshold_spread").double(in: 0...1),
            resentmentLevel: try s.required("resentment_level").double(in: 0...1)
        )
    }

    private func control() throws(ConfigurationError) -> ControlParameters {
        let s = try section("control", [
            "agents_per_100", "k", "arrest_rule", "arrests_per_agent", "max_silenced_weeks", "cascade", "legitimacy_cost",
            "penalty_exponent",
        ])
        return ControlParameters(
            agentsPer100: try s.required("agents_per_100").double(in: 0...100),
            k: try s.required("k").double(in: 0...100),
            arrestRule: try s.required("arrest_rule").top.enum(ArrestRule.self),
            arrestsPerAgent: try s.required("arrests_per_agent").double(in: 0...100),
            maxSilencedWeeks: try s.required("max_silenced_weeks").int(in: 1...520),
            cascade: try s.required("cascade").double(in: 0...1),
            legitimacyCost: try s.required("legitimacy_cost").double(in: 0...1),
            penaltyExponent: try s.required("penalty_exponent").double(in: 0...5)
        )
    }

    private func exchange() throws(ConfigurationError) -> ExchangeParameters {
        let s = try section("exchange", ["arms_shipments_per_week", "tech_transfers_per_week", "summits_per_year"])
        return ExchangeParameters(
            armsShipmentsPerWeek: try s.required("arms_shipments_per_week").double(in: 0...1000),
            techTransfersPerWeek: try s.required("tech_transfers_per_week").double(in: 0...1000),
            summitsPerYear: try s.required("summits_per_year").double(in: 0...52)
        )
    }

    private func strain() throws(ConfigurationError) -> StrainParameters {
        let s = try section("strain", ["threshold", "minimum_bereaved"])
        return StrainParameters(
            threshold: try s.required("threshold").double(in: 0...1),
            minimumBereaved: try s.required("minimum_bereaved").int(in: 1...1_000_000)
        )
    }

    private func shifts(weeks: Int) throws(ConfigurationError) -> [ScenarioShift] {
        var shifts: [ScenarioShift] = []
        for item in try root["shifts"]?.array() ?? [] {
            try item.rejectUnknownKeys([
                "kind", "provinces", "week", "until_week", "factor", "tech_factor", "ramp_weeks", "steps", "warnings", "note",
            ])
            let kind = try item.required("kind").enum(ScenarioShift.Kind.self)
            var provinces: [Province] = []
            for code in try item["provinces"]?.array() ?? [] {
                guard let province = Province(code: try code.string()) else {
                    throw code.error("expected a province code such as KP-09, found \"\(try code.string())\"")
                }
                provinces.append(province)
            }
            let week = try item.required("week").int(in: 0...weeks)
            let until = try item["until_week"]?.int(in: (week + 1)...(weeks + 1))
            let factorRange: ClosedRange<Double> = kind == .budgetCut ? 0...1 : 0...100
            let factor = kind == .giftsStopped ? 0 : try item.required("factor").double(in: factorRange)
            var warnings: [WarningKind]? = nil
            if let list = item["warnings"] {
                warnings = []
                for value in try list.array() { warnings?.append(try value.enum(WarningKind.self)) }
            }
            shifts.append(
                ScenarioShift(
                    kind: kind, provinces: provinces, week: week, untilWeek: until, factor: factor,
                    techFactor: try item["tech_factor"]?.double(in: 0...100) ?? 1,
                    rampWeeks: try item["ramp_weeks"]?.int(in: 0...weeks) ?? 0,
                    steps: try item["steps"]?.int(in: 1...520) ?? 1,
                    warnings: warnings, note: try item["note"]?.string()))
        }
        return shifts
    }

    private func reporting() throws(ConfigurationError) -> ReportingParameters {
        let s = try section("reporting", ["templates", "volume", "writer", "house_styles"])
        // Folders are relative to the file that names them, so a scenario elsewhere can extend ours.
        func folder(_ key: String) throws(ConfigurationError) -> URL {
            let node = try s.required(key).top
            return URL(fileURLWithPath: node.file).deletingLastPathComponent()
                .appendingPathComponent(try node.nonEmptyString(), isDirectory: true).standardizedFileURL
        }
        let templates = try folder("templates")
        let houseStyles = s["house_styles"] == nil
            ? templates.deletingLastPathComponent().appendingPathComponent("house-styles", isDirectory: true)
            : try folder("house_styles")
        return ReportingParameters(
            templates: templates, volume: try s.required("volume").double(in: 0...100),
            writer: try s["writer"]?.top.enum(ReportingWriterKind.self) ?? .phraseBooks, houseStyles: houseStyles)
    }
}
