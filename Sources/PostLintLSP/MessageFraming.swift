import Foundation

/// What the reader found next on the input: a message body, a framing problem it skipped
/// past, or the end of the input.
public enum FramedInput: Sendable, Equatable {
    case message(Data)
    /// A header block that frames no body (no or a bad `Content-Length`, a header too long,
    /// input that ended mid-message): the reason, for a JSON-RPC error.
    case malformed(String)
    case endOfInput
}

/// Reads LSP's base protocol from a file descriptor: header lines (`Content-Length: N`,
/// optionally `Content-Type`) ended by an empty line, then exactly N bytes of JSON.
///
/// A bad header block is reported once and the reader re-synchronises on the next
/// `Content-Length` header, so one broken message never stops the server.
public final class MessageReader {
    /// Longest header line accepted (LSP headers are a few dozen bytes).
    static let maxHeaderLine = 8 * 1024
    /// Largest body accepted; a document this big is not a draft.
    static let maxBody = 64 * 1024 * 1024
    private static let contentLength = Array("content-length".utf8)

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// After a malformed block: skip bytes until the next `Content-Length`.
    private var resynchronising = false

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next message, problem or the end (blocks while the input is silent).
    public func next() -> FramedInput {
        if resynchronising {
            guard skipToContentLength() else { return .endOfInput }
            resynchronising = false
        }
        var length: Int?
        var problem: String?
        var sawHeader = false
        while true {
            guard let line = readLine() else {
                if atEnd && (sawHeader || position < buffer.count) {
                    buffer.removeAll(); position = 0
                    return .malformed("the input ended inside a message header")
                }
                if atEnd { return .endOfInput }
                // A line longer than any header: skip it and look for the next message.
                resynchronising = true
                return .malformed("a header line is longer than \(Self.maxHeaderLine) bytes")
            }
            if line.isEmpty {
                if !sawHeader { continue }  // blank lines between messages are tolerated
                break
            }
            sawHeader = true
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                problem = problem ?? "header line '\(Self.show(line))' has no ':'"
                continue
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                if let number = Int(value), number >= 0 { length = number } else {
                    problem = problem ?? "Content-Length '\(Self.show(Array(value.utf8)))' is not a byte count"
                }
            }
        }
        guard problem == nil, let length else {
            resynchronising = true
            return .malformed(problem ?? "the message header has no Content-Length")
        }
        guard length <= Self.maxBody else {
            resynchronising = true
            return .malformed("Content-Length \(length) is over the limit of \(Self.maxBody) bytes")
        }
        while buffer.count - position < length {
            if !fill() {
                let received = buffer.count - position
                buffer.removeAll(); position = 0
                return .malformed("the input ended after \(received) of \(length) body bytes")
            }
        }
        let body = Data(buffer[position..<(position + length)])
        position += length
        compact()
        return .message(body)
    }

    // MARK: - Buffer

    /// One line without its LF or CRLF, or nil at the end of input or for an over-long line.
    private func readLine() -> [UInt8]? {
        var searched = position
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[position..<end])
                position = newline + 1
                return line
            }
            if buffer.count - position > Self.maxHeaderLine { return nil }
            searched = buffer.count
            if !fill() { return nil }
        }
    }

    /// Drops bytes up to the next `Content-Length` (any case); false at the end of input.
    private func skipToContentLength() -> Bool {
        let needle = Self.contentLength
        while true {
            var index = position
            while index + needle.count <= buffer.count {
                if (0..<needle.count).allSatisfy({ Self.lower(buffer[index + $0]) == needle[$0] }) {
                    position = index
                    compact()
                    return true
                }
                index += 1
            }
            position = max(position, buffer.count - needle.count + 1)
            compact()
            if !fill() { return false }
        }
    }

    /// Reads more bytes; false at the end of input.
    private func fill() -> Bool {
        if atEnd { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            atEnd = true
            return false
        }
    }

    private func compact() {
        if position > 64 * 1024 || position == buffer.count {
            buffer.removeFirst(position)
            position = 0
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    private static func show(_ bytes: [UInt8]) -> String { String(decoding: bytes.prefix(60), as: UTF8.self) }
}

/// Writes framed messages to a file descriptor, whole and one at a time from any thread.
public final class MessageWriter: @unchecked Sendable {
    // SAFETY: `descriptor` is written only under `lock`, so messages never interleave.
    private let descriptor: Int32
    private let lock = NSLock()
    private var broken = false

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// A writer on the process's real standard output, which is then pointed at standard error:
    /// whatever else prints (a library's stray `print`) can never corrupt the protocol stream.
    public static func claimingStandardOutput() -> MessageWriter {
        signal(SIGPIPE, SIG_IGN)  // a client that went away is a write error, not a kill
        let protocolOutput = dup(STDOUT_FILENO)
        guard protocolOutput >= 0 else { return MessageWriter(descriptor: STDOUT_FILENO) }
        dup2(STDERR_FILENO, STDOUT_FILENO)
        return MessageWriter(descriptor: protocolOutput)
    }

    /// Frames and writes one JSON body; false once the output is closed.
    @discardableResult
    public func write(_ body: Data) -> Bool {
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        lock.lock()
        defer { lock.unlock() }
        if broken { return false }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 { offset += written; continue }
            if written < 0 && errno == EINTR { continue }
            broken = true
            return false
        }
        return true
    }
}
