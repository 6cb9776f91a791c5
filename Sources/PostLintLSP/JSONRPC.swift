import Foundation

/// A JSON-RPC 2.0 error: its code and message (LSP's codes included).
public struct JSONRPCError: Error, Sendable, Hashable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ message: String) -> JSONRPCError { JSONRPCError(code: -32700, message: message) }
    public static func invalidRequest(_ message: String) -> JSONRPCError { JSONRPCError(code: -32600, message: message) }
    public static func methodNotFound(_ method: String) -> JSONRPCError { JSONRPCError(code: -32601, message: "unknown method '\(method)'") }
    public static func invalidParams(_ message: String) -> JSONRPCError { JSONRPCError(code: -32602, message: message) }
    public static func internalError(_ message: String) -> JSONRPCError { JSONRPCError(code: -32603, message: message) }
    /// LSP: a request before `initialize`.
    public static let serverNotInitialized = JSONRPCError(code: -32002, message: "the server is not initialized; send 'initialize' first")
}

/// One incoming JSON-RPC message.
public enum JSONRPCMessage: Sendable, Hashable {
    /// A call the client waits on (`id` is a number or a string).
    case request(id: JSONValue, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// The client's answer to a request the server sent.
    case response(id: JSONValue, result: JSONValue?, error: JSONValue?)

    /// What went wrong reading a message, with the request id when one could be read.
    public struct Failure: Error, Sendable, Hashable {
        public var id: JSONValue?
        public var error: JSONRPCError
    }

    /// Parses a message body: bad JSON is a parse error, a JSON value that is not a request,
    /// notification or response an invalid request (with its id where it has a valid one).
    public static func parse(_ body: Data) -> Result<JSONRPCMessage, Failure> {
        let value: JSONValue
        do {
            value = try JSONValue.decode(body)
        } catch {
            return .failure(Failure(id: nil, error: .parseError("the message body is not JSON")))
        }
        guard case .object(let members) = value else {
            return .failure(Failure(id: nil, error: .invalidRequest("a message must be a JSON object (batches are not used by LSP)")))
        }
        var id: JSONValue?
        if let given = members["id"] {
            switch given {
            case .int, .string: id = given
            default: return .failure(Failure(id: nil, error: .invalidRequest("'id' must be a number or a string")))
            }
        }
        guard members["jsonrpc"] == "2.0" else {
            return .failure(Failure(id: id, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        let params = members["params"] ?? .null
        switch params {
        case .object, .array, .null: break
        default: return .failure(Failure(id: id, error: .invalidRequest("'params' must be an object or an array")))
        }
        if let methodValue = members["method"] {
            guard let method = methodValue.string else {
                return .failure(Failure(id: id, error: .invalidRequest("'method' must be a string")))
            }
            if let id { return .success(.request(id: id, method: method, params: params)) }
            return .success(.notification(method: method, params: params))
        }
        if let id, members["result"] != nil || members["error"] != nil {
            return .success(.response(id: id, result: members["result"], error: members["error"]))
        }
        return .failure(Failure(id: id, error: .invalidRequest("a message needs a 'method', or an 'id' with a 'result' or an 'error'")))
    }

    // MARK: - Outgoing

    /// A successful response body.
    public static func response(id: JSONValue, result: JSONValue) -> Data {
        JSONValue.object(["jsonrpc": "2.0", "id": id, "result": result]).encoded()
    }

    /// An error response body (`id` null when the request's id could not be read).
    public static func response(id: JSONValue?, error: JSONRPCError) -> Data {
        JSONValue.object(["jsonrpc": "2.0", "id": id ?? .null,
                          "error": ["code": .int(error.code), "message": .string(error.message)]]).encoded()
    }

    /// A notification body.
    public static func notification(method: String, params: JSONValue) -> Data {
        JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).encoded()
    }

    /// A request body (server to client).
    public static func request(id: JSONValue, method: String, params: JSONValue) -> Data {
        JSONValue.object(["jsonrpc": "2.0", "id": id, "method": .string(method), "params": params]).encoded()
    }
}
