import Foundation
import PostLint

/// postlint's language server: reads framed JSON-RPC from one descriptor, answers on a
/// `MessageWriter`, and pushes diagnostics for open documents.
///
///     let server = LanguageServer(input: STDIN_FILENO, output: .claimingStandardOutput())
///     exit(server.run())
///
/// Every message is handled on one serial queue, in arrival order, and debounced lints run on
/// the same queue, so the state below is never touched from two threads. Nothing a client
/// sends stops the server except `exit` or the end of its input: a malformed message gets a
/// JSON-RPC error (or a line on standard error when it has no id), a lint failure a
/// `window/logMessage`, a broken configuration a `window/showMessage`.
public final class LanguageServer: @unchecked Sendable {
    // SAFETY: all mutable state is read and written only on `queue` (see `run()`).

    public struct Options: Sendable {
        /// How long a burst of changes must pause before the document is linted again.
        public var debounce: DispatchTimeInterval = .milliseconds(200)
        /// `serverInfo.version`.
        public var version = "0.1.0"
        public init() {}
    }

    let options: Options
    private let reader: MessageReader
    let writer: MessageWriter
    let queue = DispatchQueue(label: "postlint.lsp")

    var client = ClientCapabilities()
    var initialized = false
    var shutdownRequested = false
    var documents = DocumentStore()
    var configurations = WorkspaceConfiguration()
    /// The last findings of each open document (for code actions and hover).
    var linted: [String: DocumentFindings] = [:]
    var pendingLints: [String: DispatchWorkItem] = [:]
    /// Configuration files whose error is published as a diagnostic on them.
    var configurationErrors: Set<String> = []
    private var nextRequestID = 1

    public init(input: Int32, output: MessageWriter, options: Options = Options()) {
        reader = MessageReader(descriptor: input)
        writer = output
        self.options = options
    }

    /// Serves until `exit` or the end of input; returns the exit code LSP asks for (0 after
    /// `shutdown`, 1 otherwise).
    public func run() -> Int32 {
        while true {
            let input = reader.next()
            var code: Int32?
            queue.sync { code = handle(input) }
            if let code { return code }
        }
    }

    // MARK: - Dispatch

    private func handle(_ input: FramedInput) -> Int32? {
        switch input {
        case .endOfInput:
            return shutdownRequested ? 0 : 1
        case .malformed(let reason):
            log("malformed message: \(reason)")
            writer.write(JSONRPCMessage.response(id: nil, error: .parseError(reason)))
            return nil
        case .message(let body):
            switch JSONRPCMessage.parse(body) {
            case .failure(let failure):
                log("bad message: \(failure.error.message)")
                writer.write(JSONRPCMessage.response(id: failure.id, error: failure.error))
                return nil
            case .success(.request(let id, let method, let params)):
                let reply: JSONValue
                do throws(JSONRPCError) {
                    reply = try request(method, params)
                } catch {
                    writer.write(JSONRPCMessage.response(id: id, error: error))
                    return nil
                }
                writer.write(JSONRPCMessage.response(id: id, result: reply))
                return nil
            case .success(.notification(let method, let params)):
                if method == "exit" { return shutdownRequested ? 0 : 1 }
                do throws(JSONRPCError) {
                    try notification(method, params)
                } catch {
                    log("notification '\(method)' ignored: \(error.message)")
                }
                return nil
            case .success(.response(let id, _, let error)):
                if let error { log("the client answered request \(id) with an error: \(String(decoding: error.encoded(), as: UTF8.self))") }
                return nil
            }
        }
    }

    private func request(_ method: String, _ params: JSONValue) throws(JSONRPCError) -> JSONValue {
        if method == "initialize" {
            guard !initialized else { throw .invalidRequest("'initialize' was already received") }
            client = ClientCapabilities(initializeParams: params)
            initialized = true
            return client.initializeResult(version: options.version)
        }
        guard initialized else { throw .serverNotInitialized }
        guard !shutdownRequested else { throw .invalidRequest("the server is shutting down; only 'exit' is accepted") }
        switch method {
        case "shutdown":
            shutdownRequested = true
            for item in pendingLints.values { item.cancel() }
            pendingLints.removeAll()
            return .null
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/hover": return try hover(params)
        default: throw .methodNotFound(method)
        }
    }

    private func notification(_ method: String, _ params: JSONValue) throws(JSONRPCError) {
        guard initialized, !shutdownRequested else { return }  // LSP: dropped before initialize and after shutdown
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": try didOpen(params)
        case "textDocument/didChange": try didChange(params)
        case "textDocument/didClose": try didClose(params)
        case "textDocument/didSave": try didSave(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        case "workspace/didChangeConfiguration", "$/cancelRequest", "$/setTrace": break
        default:
            if !method.hasPrefix("$/") { log("unknown notification '\(method)' ignored") }
        }
    }

    // MARK: - To the client

    func notify(_ method: String, _ params: JSONValue) {
        writer.write(JSONRPCMessage.notification(method: method, params: params))
    }

    func sendRequest(_ method: String, _ params: JSONValue) {
        writer.write(JSONRPCMessage.request(id: .string("postlint-\(nextRequestID)"), method: method, params: params))
        nextRequestID += 1
    }

    /// LSP's `MessageType`.
    enum MessageType: Int { case error = 1, warning = 2, info = 3, log = 4 }

    func logMessage(_ message: String, type: MessageType) {
        notify("window/logMessage", ["type": .int(type.rawValue), "message": .string(message)])
    }

    func showMessage(_ message: String, type: MessageType) {
        notify("window/showMessage", ["type": .int(type.rawValue), "message": .string(message)])
    }

    /// A line on standard error (never standard output, which carries only the protocol).
    func log(_ message: String) {
        FileHandle.standardError.write(Data("postlint lsp: \(message)\n".utf8))
    }

    /// Asks the client to report changes of configuration and rule files (`didChangeWatchedFiles`
    /// for YAML files; `isAffected(by:)` keeps those that matter), where it can register
    /// watchers; saving one in the editor also reloads it.
    private func registerWatchers() {
        guard client.watchesFilesDynamically else { return }
        let globs = Configuration.fileNames.map { "**/\($0)" } + ["**/*.yml", "**/*.yaml"]
        let watchers: [JSONValue] = globs.map { ["globPattern": .string($0)] }
        sendRequest("client/registerCapability", ["registrations": [[
            "id": "postlint-configuration", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": .array(watchers)],
        ]]])
    }
}
