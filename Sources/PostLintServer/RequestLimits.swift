import Dispatch
import Foundation
import Hummingbird

/// Turns every error a route or Hummingbird throws into the server's JSON error body: an
/// unknown route is 404 naming the method and path, a body over the limit 413, anything else
/// unexpected 500 (logged, never the post text).
struct ErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try ServerError(.notFound, "no route \(request.method) \(request.uri.path); see GET / for the page, POST /v1/check, GET /v1/rules, GET /healthz, POST /v2/check, GET /v2/languages")
                .response(from: request, context: context)
        } catch let error as HTTPError {
            return try ServerError(error.status, error.body ?? error.status.reasonPhrase).response(from: request, context: context)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's "too many bytes" from collecting a body past the limit.
            return try ServerError.tooLarge(limit: maxBodyBytes).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return try ServerError(.internalServerError, "the server failed on this request").response(from: request, context: context)
        }
    }
}

/// Refuses a body that says it is over the limit before reading any of it (413); a body that
/// does not say (chunked) is cut off by `Request.body(upTo:)` in the routes.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw ServerError.tooLarge(limit: maxBodyBytes)
        }
        return try await next(request, context)
    }
}

/// The per-request time limit: a lint runs on a Dispatch worker, off Swift's cooperative pool
/// (two threads on a two-core machine), and races a timer; past the limit the request gets
/// 503 while the lint finishes in the background (PCRE2's match limits bound it).
/// NOTE: hand-written because a task group waits for all its children, so it could not answer
/// before a lint that cannot be cancelled finished; and a middleware cannot hand Hummingbird's
/// non-escaping `next` to another task.
enum TimeLimit {
    static func run<T: Sendable>(limit: Duration, _ work: @escaping @Sendable () -> T) async throws -> T {
        let race = Race<T>()
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            DispatchQueue.global().async { race.finish(.success(work())) }
            let timer = Task {
                guard (try? await Task.sleep(for: limit)) != nil else { return }
                race.finish(.failure(ServerError(.serviceUnavailable, "the request took longer than the server's limit of \(seconds) s (--time-limit)")))
            }
            race.keep([timer])
        }
    }
}

/// The one continuation of a `TimeLimit.run`, resumed by whichever side ends first.
private final class Race<T: Sendable>: @unchecked Sendable {
    // SAFETY: every field is read and written under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var tasks: [Task<Void, Never>] = []

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Keeps the tasks to cancel once the race ends (at once when it already has).
    func keep(_ tasks: [Task<Void, Never>]) {
        let ended = lock.withLock { () -> Bool in
            if continuation == nil { return true }
            self.tasks = tasks
            return false
        }
        if ended { for task in tasks { task.cancel() } }
    }

    func finish(_ result: Result<T, any Error>) {
        let (taken, running) = lock.withLock { () -> (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) in
            defer { continuation = nil; tasks = [] }
            return (continuation, tasks)
        }
        guard let taken else { return }
        for task in running { task.cancel() }
        taken.resume(with: result)
    }
}

/// CORS only for the origins given with `--allow-origin`: they get
/// `Access-Control-Allow-Origin` (and preflight answers); every other origin gets no CORS
/// header at all, so a page elsewhere cannot read the answers.
/// NOTE: written here because Hummingbird's `CORSMiddleware` takes its origin list as variadic
/// arguments only, not as a list read from flags.
struct AllowedOriginsMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) || origins.contains("*") else {
            return try await next(request, context)
        }
        let allowed = origins.contains("*") ? "*" : origin
        if request.method == .options {
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: allowed, .accessControlAllowMethods: "GET, POST, OPTIONS",
                .accessControlAllowHeaders: "Content-Type", .accessControlMaxAge: "600", .vary: "Origin",
            ])
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = allowed
        response.headers[.vary] = "Origin"
        return response
    }
}
