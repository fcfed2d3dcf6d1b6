import Hummingbird
import Logging
import WatchfloorPipeline

/// Turns every error into a response with the right status and a message in words: an HTML page
/// for pages, a JSON object for `/api/`. Unexpected errors are logged with their details and
/// answered with a generic 500 — never a stack trace or an internal message.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = describe(error, request: request)
            if status == .internalServerError {
                logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            }
            var response = request.uri.path.hasPrefix("/api/")
                ? try Reply.json(APIError(status: status.code, message: message), status: status).response
                : Reply.html(ErrorPage.render(status: status, message: message), status: status).response
            // Headers the error carries (`Allow` on a 405) go out with the page.
            if let error = error as? HTTPError {
                for field in error.headers where response.headers[field.name] == nil { response.headers.append(field) }
            }
            return response
        }
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPResponse.Status, String) {
        switch error {
        case let problem as QueryProblem:
            return (.badRequest, "The request cannot be read: \(problem).")
        case let error as HTTPError:
            if error.status == .notFound {
                return (.notFound, error.body ?? "There is no page at \(Format.truncated(request.uri.path, 200)).")
            }
            return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as StoreError where error.code == .notFound:
            return (.notFound, error.message)
        case let error as StoreError where error.code == .overBudget:
            return (.serviceUnavailable, "The answer was not finished: \(error.message). Narrow the request and try again.")
        default:
            return (.internalServerError, "Something went wrong on the server; the details are in its log.")
        }
    }
}

/// The body of every API error: `{"error": {"status": 404, "message": "…"}}`.
struct APIError: Encodable {
    struct Detail: Encodable {
        var status: Int
        var message: String
    }

    var error: Detail

    init(status: Int, message: String) { error = Detail(status: status, message: message) }
}
