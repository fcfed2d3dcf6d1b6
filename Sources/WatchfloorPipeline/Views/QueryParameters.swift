import Watchfloor

/// The parameters of a request (a URL query or a form body), in order, decoded.
///
/// ```swift
/// let parameters = QueryParameters(query: "type=GIFT_DELIVERY&province=KP-09&q=%EC%9C%A0%EA%B0%80%EC%A1%B1")
/// parameters["province"]        // "KP-09"
/// try parameters.day("since")   // nil: absent
/// ```
public struct QueryParameters: Sendable, Hashable {
    public private(set) var items: [(name: String, value: String)]

    public init(_ items: [(name: String, value: String)] = []) {
        self.items = items
    }

    /// Decodes `application/x-www-form-urlencoded` text (`+` is a space; bad escapes are kept as written).
    public init(query: some StringProtocol) {
        items = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first non-empty value of `name` (a form's empty field means "any").
    public subscript(name: String) -> String? {
        items.first { $0.name == name && !$0.value.trimmingWhitespace().isEmpty }.map { $0.value.trimmingWhitespace() }
    }

    /// Every non-empty value of `name`, comma-separated values split.
    public func all(_ name: String) -> [String] {
        items.filter { $0.name == name }.flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    public mutating func append(_ name: String, _ value: String) { items.append((name, value)) }

    public func day(_ name: String) throws(QueryProblem) -> Day? {
        guard let text = self[name] else { return nil }
        guard text.utf8.count == 10, let day = Day(text) else { throw QueryProblem(name, text, expected: "a date as YYYY-MM-DD") }
        return day
    }

    public func int(_ name: String, in range: ClosedRange<Int>) throws(QueryProblem) -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw QueryProblem(name, text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `language=ru`: an ISO 639-1 code (two or three lower-case letters); empty means none.
    public func language(_ name: String = "language") throws(QueryProblem) -> Language? {
        guard let value = self[name], !value.isEmpty else { return nil }
        guard (2...3).contains(value.utf8.count), value.utf8.allSatisfy({ (97...122).contains($0) }) else {
            throw QueryProblem(name, value, expected: "a language code such as en, ko, ru or ja")
        }
        return Language(rawValue: value)
    }

    public func province(_ name: String = "province") throws(QueryProblem) -> Province? {
        guard let text = self[name], text.lowercased() != "none" else { return nil }
        guard let province = Province(code: text) else {
            throw QueryProblem(name, text, expected: "a province code (\(Province.allCases.map(\.code).joined(separator: ", ")))")
        }
        return province
    }

    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws(QueryProblem) -> T?
    where T.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw QueryProblem(name, text, expected: "one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// Event types: upper-case codebook names such as `GIFT_DELIVERY`.
    public func eventTypes(_ name: String = "type") throws(QueryProblem) -> [EventType] {
        try all(name).map { (text) throws(QueryProblem) -> EventType in
            guard text.utf8.allSatisfy({ (65...90).contains($0) || (48...57).contains($0) || $0 == 95 }), text.utf8.count <= 64 else {
                throw QueryProblem(name, text, expected: "an event type such as GIFT_DELIVERY")
            }
            return EventType(rawValue: text)
        }
    }

    /// `name=value&…` with values percent-encoded, for links.
    public var encoded: String {
        items.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.items.map(\.name) == rhs.items.map(\.name) && lhs.items.map(\.value) == rhs.items.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for item in items {
            hasher.combine(item.name)
            hasher.combine(item.value)
        }
    }

    static func decode(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hex(utf8[utf8.startIndex]),
                let low = hex(utf8[utf8.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 65...90, 97...122, 48...57, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 15)])
            }
        }
        return out
    }
}

/// A request parameter that cannot be used, saying what was expected.
public struct QueryProblem: Error, CustomStringConvertible, Sendable, Hashable {
    public var parameter: String
    public var value: String
    public var expected: String

    public init(_ parameter: String, _ value: String, expected: String) {
        self.parameter = parameter
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(parameter)=\(value): expected \(expected)" }
}
