import Hummingbird
import Logging
import PostLint

/// `postlint serve`: the local page and the HTTP APIs, on Hummingbird.
///
///     let server = try HTTPServer(settings: ServerSettings())
///     try await server.run { port in print("listening on \(port)") }
///
/// Routes: `GET /` (the page), `POST /v1/check`, `GET /v1/rules`, `GET /healthz`,
/// `POST /v2/check` and `GET /v2/languages` (LanguageTool's shape). Middleware, outermost
/// first: access log, CORS for `--allow-origin` only, JSON error bodies, the body limit; the
/// time limit is around each lint (`TimeLimit`).
public struct HTTPServer: Sendable {
    public let settings: ServerSettings
    let routes: Routes
    let logger: Logger

    /// Compiles the default run (no configuration, no region) once, so a broken `--rules`
    /// folder stops the server before it listens.
    public init(settings: ServerSettings, logger: Logger = Logger(label: "postlint.serve")) throws(RunSetupError) {
        self.settings = settings
        self.logger = logger
        var options = settings.baseOptions
        options.configuration = .none
        let run = SharedRun(run: try LintRun(options: options))
        routes = Routes(settings: settings, runs: LintRunCache(base: settings.baseOptions, capacity: settings.cachedRuns),
                        defaultRun: run, logger: logger)
    }

    /// The router with every route and middleware (what the tests drive in process).
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        if !settings.allowedOrigins.isEmpty { router.add(middleware: AllowedOriginsMiddleware(origins: settings.allowedOrigins)) }
        router.add(middleware: ErrorBodyMiddleware(maxBodyBytes: settings.maxBodyBytes))
        router.add(middleware: BodyLimitMiddleware(maxBodyBytes: settings.maxBodyBytes))
        routes.add(to: router)
        return router
    }

    /// The application, bound to `settings.host` and `settings.port`; `onRunning` gets the
    /// bound port (useful with port 0).
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "postlint/\(ServerInfo.version)"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onRunning: onRunning).runService()
    }
}
