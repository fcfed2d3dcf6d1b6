import Hummingbird

/// The stylesheet, the script and the icon, compiled into the binary: nothing is fetched from
/// the network, and nothing needs to be installed beside the executable.
struct AssetRoutes<Context: RequestContext> {
    func register(on router: Router<Context>) {
        let year = "public, max-age=31536000, immutable"
        router.get("/static/watchfloor.css") { _, _ in
            Reply.body(Stylesheet.css, contentType: "text/css; charset=utf-8", cacheControl: year)
        }
        router.get("/static/watchfloor.js") { _, _ in
            Reply.body(Script.javascript, contentType: "text/javascript; charset=utf-8", cacheControl: year)
        }
        router.get("/favicon.svg") { _, _ in
            Reply.body(Favicon.svg, contentType: "image/svg+xml", cacheControl: "public, max-age=86400")
        }
        router.get("/favicon.ico") { _, _ in
            Reply.body(Favicon.svg, contentType: "image/svg+xml", cacheControl: "public, max-age=86400")
        }
    }
}
