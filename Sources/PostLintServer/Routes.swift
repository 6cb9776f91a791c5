import Foundation
import Hummingbird
import Logging
import PostLint

/// The server's routes. Each check route reads its body (within the limit), checks the content
/// type, picks the compiled run for its configuration and region from `LintRunCache`, and lints
/// with the library's `LintRun.lint(text:path:format:)`; no lint logic lives here.
struct Routes: Sendable {
    let settings: ServerSettings
    let runs: LintRunCache
    /// The run with no configuration and no region, built at start (it also serves `/v1/rules`).
    let defaultRun: SharedRun
    let logger: Logger

    func add<Context: RequestContext>(to router: Router<Context>) {
        let rules = RulesCatalog.body(defaultRun.run.linter.rules)
        let page = Page.html(regions: LanguageToolAPI.regions)
        router.get("/") { _, _ in Self.bytes(Array(page.utf8), type: "text/html; charset=utf-8") }
        router.get("/healthz") { _, _ in Self.bytes(Array(#"{"status":"ok"}"#.utf8) + [0x0A], type: "application/json") }
        router.get("/v1/rules") { _, _ in Self.bytes(rules, type: "application/json") }
        router.post("/v1/check") { request, context in try await checkV1(request, context: context) }
        router.get("/v2/languages") { _, _ in Self.bytes(LanguageToolAPI.languages(), type: "application/json") }
        router.post("/v2/check") { request, context in try await checkV2(request, context: context) }
    }

    // MARK: - /v1/check

    func checkV1(_ request: Request, context: some RequestContext) async throws -> Response {
        try Self.requireType(request, "application/json")
        let body = try await read(request)
        let check = try CheckRequest.decode(body)
        logText(check.text, route: "/v1/check")
        let run = try runs.run(configuration: check.config, region: check.region)
        let report = try await TimeLimit.run(limit: settings.timeLimit) { run.run.lint(text: check.text, path: check.path, format: check.format) }
        return Self.bytes(CheckResponse.body(report), type: "application/json")
    }

    // MARK: - /v2/check (LanguageTool)

    func checkV2(_ request: Request, context: some RequestContext) async throws -> Response {
        try Self.requireType(request, "application/x-www-form-urlencoded")
        let body = try await read(request)
        let form: LanguageToolRequest
        do {
            form = try URLEncodedFormDecoder().decode(LanguageToolRequest.self, from: String(decoding: body, as: UTF8.self))
        } catch {
            throw ServerError(.badRequest, "the form could not be read: \(error)")
        }
        let annotated: AnnotatedText
        if let data = form.data {
            annotated = try AnnotatedText(data: data)
        } else if let text = form.text {
            annotated = AnnotatedText(plain: text)
        } else {
            throw ServerError(.badRequest, "missing form field 'text' or 'data'")
        }
        logText(annotated.text, route: "/v2/check")
        let run = try runs.run(configuration: nil, region: form.region)
        let report = try await TimeLimit.run(limit: settings.timeLimit) { run.run.lint(text: annotated.text, format: .text) }
        return Self.bytes(LanguageToolAPI.response(report, annotated: annotated, language: form.language), type: "application/json")
    }

    // MARK: - Helpers

    /// The body, at most `maxBodyBytes` (413 past it, also for a chunked body).
    private func read(_ request: Request) async throws -> [UInt8] {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: settings.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's "too many bytes": a body past the limit that did not say its length.
            throw ServerError.tooLarge(limit: settings.maxBodyBytes)
        }
    }

    private func logText(_ text: String, route: String) {
        guard settings.logText else { return }
        logger.info("text", metadata: ["path": "\(route)", "text": "\(text)"])
    }

    /// 415 unless the request's media type (parameters such as `charset` aside) is `expected`.
    static func requireType(_ request: Request, _ expected: String) throws(ServerError) {
        let given = request.headers[.contentType]
        let type = given?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == expected else { throw ServerError.unsupportedMediaType(given, expected: expected) }
    }

    static func bytes(_ bytes: [UInt8], type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A `LintRun` handed between tasks.
struct SharedRun: @unchecked Sendable {
    // SAFETY: as in `LintRunCache`: a `LintRun` is immutable after `init` and `lint(text:)`
    // keeps its per-call state on the stack.
    let run: LintRun
}
