import Watchfloor
import WatchfloorYAML

/// How the outlets name each province and its cities, per language (`places.yaml`).
struct PlaceNames: Sendable {
    struct Entry: Sendable {
        var names: [Language: [String]]
        var cities: [Language: [String]]
        var neighbours: [Province]
    }

    var entries: [Province: Entry]

    func names(_ province: Province, in language: Language) -> [String] {
        entries[province]?.names[language] ?? [language == .korean ? province.koreanName : province.name]
    }

    /// Cities in the province; its names when none are listed.
    func cities(_ province: Province, in language: Language) -> [String] {
        let cities = entries[province]?.cities[language] ?? []
        return cities.isEmpty ? names(province, in: language) : cities
    }

    func neighbours(_ province: Province) -> [Province] { entries[province]?.neighbours ?? [] }

    static func load(_ root: YAMLValue) throws(ConfigurationError) -> PlaceNames {
        try root.rejectUnknownKeys(["provinces"])
        var entries: [Province: Entry] = [:]
        for (code, value) in try root.required("provinces").mapping() {
            guard let province = Province(code: code) else {
                throw value.error("unknown province \"\(code)\"; expected an ISO 3166-2:KP code such as KP-09")
            }
            try value.rejectUnknownKeys(["en", "ko", "cities_en", "cities_ko", "neighbours"])
            var neighbours: [Province] = []
            for item in try value["neighbours"]?.array() ?? [] {
                guard let neighbour = Province(code: try item.string()) else {
                    throw item.error("expected a province code such as KP-08, found \"\(try item.string())\"")
                }
                neighbours.append(neighbour)
            }
            entries[province] = Entry(
                names: [.english: try value.required("en").stringList(), .korean: try value.required("ko").stringList()],
                cities: [.english: try value["cities_en"]?.stringList() ?? [], .korean: try value["cities_ko"]?.stringList() ?? []],
                neighbours: neighbours)
        }
        return PlaceNames(entries: entries)
    }
}
