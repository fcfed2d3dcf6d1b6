import Hummingbird
import Logging
import ServiceLifecycle
import WatchfloorPipeline

/// How the dashboard is served.
public struct WebConfiguration: Sendable {
    /// The address to bind: 127.0.0.1 (this machine only) unless told otherwise.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Keep rendered pages until the store changes (see `PageCache`); off only to measure.
    public var cachePages: Bool
    public var logLevel: Logger.Level
    /// The pack's analysis settings (`PipelineContext.analysis`): the series pages run the
    /// analysis with them, so that they show the change points the warnings were raised from.
    public var analysis: AnalysisSettings
    /// Bound to a loopback address: only this machine can reach the dashboard.
    public var isLocalOnly: Bool { HostCheckMiddleware<BasicRequestContext>.isLoopback(host) }

    /// Host names, besides the machine's own and IP addresses, that requests may be addressed to
    /// when the server is bound beyond this machine (`serve --allowed-host`).
    public var allowedHosts: [String] = []
    /// How long one request's reads may run before it is answered 503 (``WorkBudget``). The
    /// slowest page on a 2-core machine with 110,000 documents builds in under a second
    /// (docs/WEB.md); ten seconds leaves room for a busy machine and stops a runaway at once.
    public var requestDeadline: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, cachePages: Bool = true, logLevel: Logger.Level = .info,
        analysis: AnalysisSettings = .default, requestDeadline: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.cachePages = cachePages
        self.logLevel = logLevel
        self.analysis = analysis
        self.requestDeadline = requestDeadline
    }
}

/// The dashboard's router: pages, review forms, exports, static assets and the JSON API, behind
/// the error-page and security-header middleware. Tests build the same router the server runs.
public func buildRouter(store: any Store, configuration: WebConfiguration = WebConfiguration(), logger: Logger? = nil)
    -> Router<BasicRequestContext>
{
    var log = logger ?? Logger(label: "watchfloor.web")
    log.logLevel = configuration.logLevel
    let cache = PageCache(enabled: configuration.cachePages)
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Middleware applies to the routes added after it; the security headers wrap the error pages too.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(logger: log))
    router.add(middleware: HostCheckMiddleware(bound: configuration.host, allowed: configuration.allowedHosts))
    router.add(middleware: CrossSiteMiddleware())
    router.add(middleware: ReadOnlyAPIMiddleware())
    router.add(middleware: WorkBudgetMiddleware(limit: configuration.requestDeadline))
    AssetRoutes().register(on: router)
    let analysis = configuration.analysis
    let seriesViews = SeriesViewMemo(enabled: configuration.cachePages)
    PageRoutes(store: store, cache: cache, analysis: analysis, seriesViews: seriesViews).register(on: router)
    ExportRoutes(store: store, cache: cache, analysis: analysis, seriesViews: seriesViews).register(on: router)
    ReviewRoutes(store: store, cache: cache).register(on: router)
    APIRoutes(store: store, cache: cache, analysis: analysis, seriesViews: seriesViews).register(on: router)
    return router
}

/// The dashboard as a Hummingbird application bound to `configuration.host` and `port`.
public func buildApplication(
    store: any Store, configuration: WebConfiguration = WebConfiguration(),
    onServerRunning: @escaping @Sendable (_ address: String) async -> Void = { _ in }
) -> some ApplicationProtocol {
    var logger = Logger(label: "watchfloor.web")
    logger.logLevel = configuration.logLevel
    return Application(
        router: buildRouter(store: store, configuration: configuration, logger: logger),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Watchfloor"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            await onServerRunning("http://\(host):\(port)/")
        },
        logger: logger)
}

/// Runs the dashboard until the process is interrupted (SIGINT, SIGTERM).
public enum WebServer {
    /// After SIGTERM or SIGINT, requests in flight may finish for this long; then they are
    /// cancelled, which stops their reads at once (``WorkBudget``), so the process ends in seconds
    /// whatever it was doing.
    public static let gracefulShutdown: Duration = .seconds(3)

    /// Serves `store` and calls `announce` with the address once the server listens, e.g.
    /// `http://127.0.0.1:8080/`. `watchfloor serve` and `watchfloor demo` call this with the
    /// pack's analysis settings.
    public static func run(
        store: any Store, configuration: WebConfiguration, announce: @escaping @Sendable (String) -> Void
    ) async throws {
        var configuration = configuration
        configuration.logLevel = .warning
        let app = buildApplication(store: store, configuration: configuration) { address in announce(address) }
        var logger = Logger(label: "watchfloor.lifecycle")
        logger.logLevel = .warning
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = gracefulShutdown
        group.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }
}
