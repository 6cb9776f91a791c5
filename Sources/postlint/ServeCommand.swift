import ArgumentParser
import Dispatch
import Foundation
import Logging
import PostLint
import PostLintServer

/// `postlint serve`: the local page and HTTP API (PostLintServer); options only.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local page to check drafts on, and an HTTP API (postlint's /v1 and LanguageTool's /v2).",
        discussion: """
            Routes: GET / (the page), POST /v1/check, GET /v1/rules, GET /healthz, POST /v2/check and GET /v2/languages (LanguageTool's HTTP API: give a LanguageTool client http://HOST:PORT as its server).

            Stops on SIGINT or SIGTERM.
            """)

    @Option(help: "The address to listen on (loopback by default; 0.0.0.0 listens on every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port (0: a free one, printed when listening).")
    var port = 8080

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest request body in bytes; larger ones get 413.", valueName: "bytes"))
    var maxBody = 1_000_000

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds a request may take before it gets 503.", valueName: "seconds"))
    var timeLimit = 5.0

    @Option(name: .customLong("allow-origin"), help: ArgumentHelp("An origin whose pages may call the API (CORS), e.g. https://example.org; repeat for more. None by default.", valueName: "origin"))
    var allowOrigins: [String] = []

    @Flag(name: .customLong("log-text"), help: "Also log the text of each check (never logged by default).")
    var logText = false

    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder (or file) of extra rules, loaded with the built-in packs.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Do not load the built-in rule packs.")
    var noBuiltinRules = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be more than 0") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be more than 0") }
    }

    func run() throws {
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.maxBodyBytes = maxBody
        settings.timeLimit = .milliseconds(Int(timeLimit * 1000))
        settings.allowedOrigins = allowOrigins
        settings.logText = logText
        settings.baseOptions.ruleFolders = ruleDirectories
        settings.baseOptions.includeBuiltinRules = !noBuiltinRules
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let server: HTTPServer
        do {
            server = try HTTPServer(settings: settings)
        } catch {
            Terminal.error("\(error)")
            throw ExitStatus.usageOrInputError
        }
        let host = self.host
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    Terminal.error("postlint serve: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
                }
            } catch {
                failure.message = "postlint serve: \(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Terminal.error(message)
            throw ExitStatus.usageOrInputError
        }
    }
}

/// Why the server stopped, handed from the server's task to the waiting main thread.
private final class ServeFailure: @unchecked Sendable {
    // SAFETY: written once by the server task before it signals the semaphore, read by the
    // main thread only after the wait returns.
    var message: String?
}
