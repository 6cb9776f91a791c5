import Foundation
import Hummingbird
import PostLint

/// An error a request gets back: an HTTP status and a message naming what is wrong, sent as
/// `{"error": {"status": 400, "message": "…"}}` whatever the route.
public struct ServerError: Error, HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var out: [UInt8] = []
        out += #"{"error":{"message":"#.utf8
        FindingJSON.appendString(message, to: &out)
        out += #","status":\#(status.code)}}"#.utf8
        out.append(UInt8(ascii: "\n"))
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: out)))
    }

    // MARK: - The errors every route shares

    static func unsupportedMediaType(_ got: String?, expected: String) -> ServerError {
        ServerError(.unsupportedMediaType, "expected Content-Type \(expected), got \(got.map { "'\($0)'" } ?? "none")")
    }

    static func tooLarge(limit: Int) -> ServerError {
        ServerError(.contentTooLarge, "request body is larger than the limit of \(limit) bytes (--max-body)")
    }
}
