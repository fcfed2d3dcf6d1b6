import HTTPTypes
import Hummingbird

/// Refuses what another web site asks this dashboard to do.
///
/// Any page the analyst opens can make the browser request `http://127.0.0.1:8080/…` (an
/// `<img>`, a `fetch`, a script) and so make the server search, export or build pages for it. The
/// browser says who asked (`Sec-Fetch-Site`, `Sec-Fetch-Mode`, `Sec-Fetch-Dest`), and those
/// headers cannot be set by the page. A cross-site request is refused unless it is the analyst
/// following a link to a page (a top-level navigation), and even then not to the expensive routes
/// (search, exports, series, the API), which a link from elsewhere has no reason to open.
/// Static assets are answered to anyone. Forms are guarded further by ``CSRF``.
struct CrossSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    static var fetchSite: HTTPField.Name { HTTPField.Name("Sec-Fetch-Site")! }
    static var fetchMode: HTTPField.Name { HTTPField.Name("Sec-Fetch-Mode")! }
    static var fetchDest: HTTPField.Name { HTTPField.Name("Sec-Fetch-Dest")! }

    /// Routes whose work grows with what is asked: never on another site's behalf.
    static func isExpensive(_ path: String) -> Bool {
        path == "/search" || path.hasPrefix("/export") || path.hasPrefix("/series") || path.hasPrefix("/api/")
            || path == "/map"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if request.headers[Self.fetchSite] == "cross-site", !path.hasPrefix("/static/") {
            let navigation = request.headers[Self.fetchMode] == "navigate" && request.headers[Self.fetchDest] == "document"
                && request.method == .get
            if !navigation || Self.isExpensive(path) {
                throw HTTPError(
                    .forbidden,
                    message: "Refused: this was requested by a page on another site. Open the dashboard and ask from there.")
            }
        }
        return try await next(request, context)
    }
}
