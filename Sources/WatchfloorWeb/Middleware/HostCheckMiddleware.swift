import Foundation
import Hummingbird

/// Answers only requests addressed to this machine by a name it knows, so that a web page on
/// another site cannot reach the dashboard by pointing a host name of its own at this machine
/// (DNS rebinding) and then read it as a page of its own site.
///
/// Accepted: `localhost` and loopback addresses; when the server is bound beyond this machine
/// (`--host 0.0.0.0`), also any IP address literal (rebinding needs a name), the machine's own
/// host name (and `.local`), and the names given with `--allowed-host`.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let bound: String
    let allowed: Set<String>

    init(bound: String, allowed: [String] = []) {
        self.bound = bound
        var names = Set(allowed.map { $0.lowercased() })
        if !Self.isLoopback(bound) {
            let host = ProcessInfo.processInfo.hostName.lowercased()
            if !host.isEmpty { names.formUnion([host, host + ".local"]) }
        }
        self.allowed = names
    }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    func accepts(_ hostname: String) -> Bool {
        let name = hostname.lowercased()
        if Self.isLoopback(name) { return true }
        guard !Self.isLoopback(bound) else { return false }
        return Self.isAddressLiteral(name) || allowed.contains(name)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, accepts(Self.hostname(authority)) else {
            let which = Self.isLoopback(bound)
                ? "addressed to this machine (localhost)"
                : "addressed to this machine by an IP address, its host name, or a name given with --allowed-host"
            throw HTTPError(.misdirectedRequest, message: "This dashboard answers only requests \(which).")
        }
        return try await next(request, context)
    }

    /// `localhost:8080` → `localhost`, `[::1]:8080` → `[::1]`.
    static func hostname(_ authority: String) -> String {
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }) + "]" }
        return String(authority.prefix { $0 != ":" })
    }

    /// `192.168.1.5` or `[fe80::1]`: an address, not a name that DNS could point elsewhere.
    static func isAddressLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") && host.hasSuffix("]") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in UInt8(part).map { _ in part.allSatisfy(\.isNumber) } ?? false }
    }
}
