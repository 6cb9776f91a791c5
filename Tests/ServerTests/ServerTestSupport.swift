import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostLint
import PostLintServer
import Testing

/// Drives the server's router in process (HummingbirdTesting's router framework: no socket).
enum ServerHarness {
    /// The server with default settings, compiled once for the suite.
    static let standard = try! HTTPServer(settings: ServerSettings())

    @discardableResult
    static func test<Value: Sendable>(_ server: HTTPServer = standard, _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.makeRouter())
        return try await app.test(.router, body)
    }

    static func json(_ body: String) -> ByteBuffer { ByteBuffer(string: body) }

    static let jsonType: HTTPFields = [.contentType: "application/json"]
    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A JSON body for `object`.
    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: Array(try! JSONSerialization.data(withJSONObject: object)))
    }

    /// A form field value, percent-encoded.
    static func formValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// `error.message` of a JSON error body.
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
}

/// Collects log records, to check what the access log writes.
final class CollectedLogs: @unchecked Sendable {
    // SAFETY: `lines` is only touched under `lock`.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }

    func logger() -> Logger {
        Logger(label: "test") { _ in CollectingHandler(logs: self) }
    }

    struct CollectingHandler: LogHandler {
        let logs: CollectedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            logs.append("\(event.message) " + all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " "))
        }
    }
}
