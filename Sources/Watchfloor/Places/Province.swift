/// A first-level division of the DPRK, keyed by its ISO 3166-2:KP code.
///
/// The codes are the canonical keys everywhere: events, series, warnings, exports. Names and
/// spelling variants live in a pack's gazetteer, not here; this type only knows the canonical
/// English and Korean names, a centroid for GeoJSON export and a tile position for the map.
public enum Province: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case pyongyang = "KP-01"
    case southPyongan = "KP-02"
    case northPyongan = "KP-03"
    case chagang = "KP-04"
    case southHwanghae = "KP-05"
    case northHwanghae = "KP-06"
    case kangwon = "KP-07"
    case southHamgyong = "KP-08"
    case northHamgyong = "KP-09"
    case ryanggang = "KP-10"
    case rason = "KP-13"
    case nampo = "KP-14"

    /// The ISO 3166-2:KP code, e.g. `KP-09`.
    public var code: String { rawValue }

    public init?(code: some StringProtocol) {
        self.init(rawValue: code.uppercased())
    }

    public var name: String {
        switch self {
        case .pyongyang: "Pyongyang"
        case .southPyongan: "South Pyongan"
        case .northPyongan: "North Pyongan"
        case .chagang: "Chagang"
        case .southHwanghae: "South Hwanghae"
        case .northHwanghae: "North Hwanghae"
        case .kangwon: "Kangwon"
        case .southHamgyong: "South Hamgyong"
        case .northHamgyong: "North Hamgyong"
        case .ryanggang: "Ryanggang"
        case .rason: "Rason"
        case .nampo: "Nampo"
        }
    }

    public var koreanName: String {
        switch self {
        case .pyongyang: "평양시"
        case .southPyongan: "평안남도"
        case .northPyongan: "평안북도"
        case .chagang: "자강도"
        case .southHwanghae: "황해남도"
        case .northHwanghae: "황해북도"
        case .kangwon: "강원도"
        case .southHamgyong: "함경남도"
        case .northHamgyong: "함경북도"
        case .ryanggang: "량강도"
        case .rason: "라선시"
        case .nampo: "남포시"
        }
    }

    /// An approximate centroid (latitude, longitude), for point exports such as GeoJSON.
    public var centroid: GeoPoint {
        switch self {
        case .pyongyang: GeoPoint(latitude: 39.03, longitude: 125.76)
        case .southPyongan: GeoPoint(latitude: 39.35, longitude: 126.05)
        case .northPyongan: GeoPoint(latitude: 40.10, longitude: 124.95)
        case .chagang: GeoPoint(latitude: 40.75, longitude: 126.40)
        case .southHwanghae: GeoPoint(latitude: 38.20, longitude: 125.30)
        case .northHwanghae: GeoPoint(latitude: 38.55, longitude: 126.30)
        case .kangwon: GeoPoint(latitude: 38.75, longitude: 127.55)
        case .southHamgyong: GeoPoint(latitude: 40.15, longitude: 127.65)
        case .northHamgyong: GeoPoint(latitude: 41.75, longitude: 129.45)
        case .ryanggang: GeoPoint(latitude: 41.25, longitude: 128.20)
        case .rason: GeoPoint(latitude: 42.35, longitude: 130.35)
        case .nampo: GeoPoint(latitude: 38.75, longitude: 125.40)
        }
    }

    public var description: String { code }

    public static func < (lhs: Province, rhs: Province) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A point on the globe in decimal degrees (WGS 84).
public struct GeoPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
