import Foundation
import Hummingbird
import WatchfloorPipeline

/// A response whose body is in memory: what the routes build and the page cache keeps.
struct Rendered: Sendable, ResponseGenerator {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer

    var response: Response { Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body)) }

    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}

/// Responses the routes send.
enum Reply {
    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Rendered {
        body(html.rendered, contentType: "text/html; charset=utf-8", status: status)
    }

    /// Text of any type; with `filename`, the browser saves it instead of showing it.
    static func body(
        _ text: String, contentType: String, status: HTTPResponse.Status = .ok, filename: String? = nil,
        cacheControl: String = "no-cache"
    ) -> Rendered {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cacheControl
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Rendered(status: status, headers: headers, body: ByteBuffer(string: text))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Rendered {
        body(try JSONOutput.string(value, pretty: false), contentType: "application/json; charset=utf-8", status: status)
    }

    /// 303 See Other: after a POST, the browser fetches `location` with GET.
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// Only paths on this server: a `return` field pointing elsewhere (`//evil.example`,
    /// `https://…`, `javascript:…`) falls back to `fallback`.
    static func localPath(_ candidate: String?, fallback: String) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }), candidate.utf8.count < 2048
        else { return fallback }
        return candidate
    }
}

extension Request {
    /// The query's parameters, decoded.
    var parameters: QueryParameters { QueryParameters(query: uri.query ?? "") }

    /// A form body (`application/x-www-form-urlencoded`), at most 64 kB.
    func formParameters() async throws -> QueryParameters {
        guard headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false else {
            throw HTTPError(.unsupportedMediaType, message: "Expected a form (application/x-www-form-urlencoded).")
        }
        let buffer = try await body.collect(upTo: 64 * 1024)
        return QueryParameters(query: String(buffer: buffer))
    }
}
