import Hummingbird

/// When the server listens on this machine only, answers only requests addressed to this machine
/// by name (`localhost`, `127.0.0.1`, `[::1]`). A web page on another site cannot then reach the
/// dashboard by pointing a host name of its own at 127.0.0.1 (DNS rebinding) and reading it.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, Self.isLoopback(Self.hostname(authority)) else {
            throw HTTPError(.misdirectedRequest, message: "This dashboard answers only requests addressed to this machine (localhost).")
        }
        return try await next(request, context)
    }

    /// `localhost:8080` → `localhost`, `[::1]:8080` → `[::1]`.
    static func hostname(_ authority: String) -> String {
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }) + "]" }
        return String(authority.prefix { $0 != ":" })
    }
}
