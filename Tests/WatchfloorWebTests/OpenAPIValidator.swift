import Foundation
import WatchfloorPipeline
import WatchfloorYAML

/// A JSON value with its exact kind (a boolean is not a number, an integer is told from a fraction).
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let value = try? single.decode(Bool.self) { self = .bool(value) }
        else if let value = try? single.decode(Int64.self) { self = .integer(value) }
        else if let value = try? single.decode(Double.self) { self = .number(value) }
        else if let value = try? single.decode(String.self) { self = .string(value) }
        else if let value = try? single.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try single.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Checks JSON against the schemas of an OpenAPI 3.1 document, for the subset of JSON Schema the
/// Watchfloor API uses. A keyword outside that subset is itself a problem, so the document cannot
/// drift into saying more than is checked.
struct OpenAPIValidator {
    let root: YAMLValue

    static let keywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "format", "minimum", "maximum", "$ref",
        "description",
    ]

    init(yaml: String) throws {
        root = try YAMLValue.parse(yaml, file: "openapi.yaml")
    }

    /// Every documented operation: (path template, method, status).
    func operations() throws -> [(path: String, method: String, status: String)] {
        var out: [(String, String, String)] = []
        for (path, item) in try root.required("paths").mapping() {
            for (method, operation) in try item.mapping() {
                for (status, _) in try operation.required("responses").mapping() { out.append((path, method, status)) }
            }
        }
        return out
    }

    /// The documented path template a concrete path (after the server's `/api/v1`) matches.
    func template(for path: String) throws -> String? {
        let segments = path.split(separator: "/")
        return try root.required("paths").mapping().map(\.key).first { template in
            let parts = template.split(separator: "/")
            return parts.count == segments.count
                && zip(parts, segments).allSatisfy { $0.0.hasPrefix("{") || $0.0 == $0.1 }
        }
    }

    /// The JSON schema of a response.
    func responseSchema(path template: String, method: String, status: String) throws -> YAMLValue {
        let operation = try child(try child(try root.required("paths"), template), method)
        var response = try child(try operation.required("responses"), status)
        if let ref = response["$ref"] { response = try resolve(try ref.string()) }
        return try response.required("content").required("application/json").required("schema")
    }

    /// The value under `key`, matched by its text (a quoted key such as `"200"` is not found by
    /// YAMLValue's subscript, which compares nodes with their tags).
    private func child(_ node: YAMLValue, _ key: String) throws -> YAMLValue {
        guard let value = try node.mapping().first(where: { $0.key == key })?.value else {
            throw node.error("expected a key \"\(key)\"")
        }
        return value
    }

    func resolve(_ reference: String) throws -> YAMLValue {
        guard reference.hasPrefix("#/") else { throw root.error("only local references are supported: \(reference)") }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") { node = try child(node, String(part)) }
        return node
    }

    /// Problems found, each naming where in the JSON it is (`$.events[2].province`).
    func validate(_ value: JSONValue, against schema: YAMLValue, at location: String = "$") throws -> [String] {
        if let ref = schema["$ref"] { return try validate(value, against: try resolve(try ref.string()), at: location) }
        var problems: [String] = []
        for (key, _) in try schema.mapping() where !Self.keywords.contains(key) {
            problems.append("\(location): the schema uses \(key), which this validator does not check")
        }
        if let type = schema["type"] {
            let allowed = type.isMapping ? [] : try type.stringList()
            let kind = value.kind
            let matches = allowed.contains(kind) || (kind == "integer" && allowed.contains("number"))
                || (kind == "number" && allowed.contains("integer") && { if case .number(let d) = value { d == d.rounded() } else { false } }())
            if !matches { problems.append("\(location): expected \(allowed.joined(separator: " or ")), found \(kind)") }
        }
        if let options = schema["enum"] {
            let allowed = try options.array()
            let found = allowed.contains { option in
                switch value {
                case .null: option.isNull
                case .string(let text): !option.isNull && (try? option.string()) == text
                case .integer(let number): (try? option.double()) == Double(number)
                case .number(let number): (try? option.double()) == number
                default: false
                }
            }
            if !found { problems.append("\(location): \(value) is not one of the allowed values") }
        }
        if let format = schema["format"], case .string(let text) = value {
            switch try format.string() {
            case "date": if text.utf8.count != 10 || Day(text) == nil { problems.append("\(location): \(text) is not a date (YYYY-MM-DD)") }
            default: problems.append("\(location): unknown format \(try format.string())")
            }
        }
        let number: Double? = switch value {
        case .integer(let n): Double(n)
        case .number(let n): n
        default: nil
        }
        if let number {
            if let minimum = schema["minimum"], number < (try minimum.double()) { problems.append("\(location): \(number) is below the minimum") }
            if let maximum = schema["maximum"], number > (try maximum.double()) { problems.append("\(location): \(number) is above the maximum") }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { problems += try validate(item, against: itemSchema, at: "\(location)[\(i)]") }
        }
        if case .object(let fields) = value {
            let properties = try schema["properties"]?.mapping() ?? []
            for required in try schema["required"]?.stringList() ?? [] where fields[required] == nil {
                problems.append("\(location): missing \(required)")
            }
            for (name, propertySchema) in properties {
                if let field = fields[name] { problems += try validate(field, against: propertySchema, at: "\(location).\(name)") }
            }
            let known = Set(properties.map(\.key))
            if let additional = schema["additionalProperties"] {
                for (name, field) in fields where !known.contains(name) {
                    if additional.isMapping {
                        problems += try validate(field, against: additional, at: "\(location).\(name)")
                    } else if !(try additional.bool()) {
                        problems.append("\(location): unexpected key \(name)")
                    }
                }
            }
        }
        return problems
    }
}
