import Watchfloor

extension EventType {
    /// The type as a reader would write it: `GIFT_DELIVERY` → "Gift delivery".
    public var displayName: String {
        let words = rawValue.lowercased().split(separator: "_")
        guard let first = words.first else { return rawValue }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(separator: " ")
    }
}

extension Province {
    /// "North Hamgyong (KP-09)".
    public var displayName: String { "\(name) (\(code))" }
}

extension SeriesKey {
    /// "Gift delivery · North Hamgyong (KP-09)", or "… · national".
    public var displayName: String { "\(type.displayName) · \(province?.displayName ?? "national")" }
}
