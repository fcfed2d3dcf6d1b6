import HTTPTypes

/// The page for every error: the status, what went wrong in words, a way back. Never a stack trace.
enum ErrorPage {
    static func render(status: HTTPResponse.Status, message: String) -> HTML {
        Layout(title: "\(status.code) \(status.reasonPhrase)", section: nil).render("""
            <div class="page-head"><div><h1>\(status.code) · \(status.reasonPhrase)</h1></div></div>
            <section class="panel"><p>\(message)</p>
            <p><a href="/">Overview</a> · <a href="/warnings">Warnings</a> · <a href="/events">Events</a> · <a href="/search">Search</a></p></section>
            """)
    }
}
