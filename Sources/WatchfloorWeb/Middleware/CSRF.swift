import HTTPTypes
import Hummingbird
import WatchfloorPipeline

/// Cross-site request forgery protection for the review forms (double-submit token).
///
/// A page with a form sets a random token in a `SameSite=Strict`, `HttpOnly` cookie (once per
/// browser) and writes the same token into the form. A POST is accepted only when the form's
/// token equals the cookie's: another site can make a browser post here, but can neither read
/// the page to learn the token nor set this site's cookie. A cross-site `Sec-Fetch-Site` or a
/// foreign `Origin` is refused as well.
enum CSRF {
    static let cookie = "watchfloor_csrf"
    static let field = "csrf"

    /// The browser's token, or a new one with the cookie that sets it.
    static func token(for request: Request) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[cookie]?.value, isWellFormed(existing) { return (existing, nil) }
        let token = newToken()
        return (token, Cookie(name: cookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
    }

    /// Throws 403 unless the form carries the cookie's token and the request comes from this site.
    static func verify(_ request: Request, form: QueryParameters) throws {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" {
            throw HTTPError(.forbidden, message: "Refused: the form was sent from another site.")
        }
        if let origin = request.headers[.origin], origin != "null", let host = request.head.authority,
            !(origin == "http://\(host)" || origin == "https://\(host)")
        {
            throw HTTPError(.forbidden, message: "Refused: the form was sent from another site.")
        }
        guard let sent = form[field], let expected = request.cookies[cookie]?.value, isWellFormed(expected),
            constantTimeEqual(sent, expected)
        else {
            throw HTTPError(
                .forbidden, message: "Refused: the form's security token is missing or expired. Reload the page and try again.")
        }
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
