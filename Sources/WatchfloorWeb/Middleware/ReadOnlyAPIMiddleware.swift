import HTTPTypes
import Hummingbird

/// The API is read-only: any method but GET and HEAD on it is 405 with `Allow`, as HTTP and its
/// OpenAPI document say, whether or not the path exists.
struct ReadOnlyAPIMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/"), request.method != .get, request.method != .head else {
            return try await next(request, context)
        }
        throw HTTPError(
            .methodNotAllowed, headers: [.allow: "GET, HEAD"],
            message: "The API is read-only: it answers GET and HEAD. Reviews are made in the dashboard.")
    }
}
