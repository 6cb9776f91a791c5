import Foundation
import Testing

/// Drives `postlint lsp` over pipes as an editor would: framed JSON-RPC messages in (in
/// chunks, with pauses, to test framing), then standard input closed; the frames the server
/// wrote are parsed back. The server is killed after `timeout` seconds (the test then fails).
struct LSPSession {
    struct Result {
        let status: Int32
        let timedOut: Bool
        /// Every message the server wrote, in order.
        let messages: [[String: Any]]
        /// Bytes after the last whole frame (must be none: stdout carries only frames).
        let trailing: Data
        let stderr: String

        func response(id: Int) -> [String: Any]? {
            messages.first { ($0["id"] as? Int) == id && $0["method"] == nil }
        }

        func notifications(_ method: String) -> [[String: Any]] {
            messages.filter { ($0["method"] as? String) == method && $0["id"] == nil }
        }
    }

    /// One framed message.
    static func frame(_ message: [String: Any]) -> Data {
        let body = try! JSONSerialization.data(withJSONObject: message, options: [.sortedKeys])
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    static func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) -> Data {
        frame(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    }

    static func notification(_ method: String, _ params: [String: Any] = [:]) -> Data {
        frame(["jsonrpc": "2.0", "method": method, "params": params])
    }

    static func initialize(_ id: Int = 1, encodings: [String]? = nil) -> Data {
        var capabilities: [String: Any] = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        return request(id, "initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
    }

    static let shutdownAndExit = request(9_999, "shutdown") + notification("exit")

    /// Runs `postlint lsp` with `chunks` written one after another (`pause` seconds apart).
    static func run(_ chunks: [Data], pause: TimeInterval = 0, in directory: URL = CLIRunner.repository,
                    timeout: TimeInterval = 30) throws -> Result {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["lsp"]
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let timedOut = TimedOut()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if process.isRunning { timedOut.set(); process.terminate() }
        }
        // Written on another thread, so a server that answers a lot cannot block on a full pipe.
        let writer = Thread {
            for chunk in chunks {
                try? input.fileHandleForWriting.write(contentsOf: chunk)
                if pause > 0 { Thread.sleep(forTimeInterval: pause) }
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let stderrBox = DataBox()
        let stderrReader = Thread { stderrBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        stderrReader.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while stderrBox.data == nil { Thread.sleep(forTimeInterval: 0.01) }
        let (messages, trailing) = parseFrames(stdoutData)
        return Result(status: process.terminationStatus, timedOut: timedOut.value, messages: messages, trailing: trailing,
                      stderr: String(decoding: stderrBox.data ?? Data(), as: UTF8.self))
    }

    /// Splits the server's output into frames; what does not form a whole frame is returned.
    static func parseFrames(_ data: Data) -> ([[String: Any]], Data) {
        var bytes = [UInt8](data)[...]
        var messages: [[String: Any]] = []
        let separator = Array("\r\n\r\n".utf8)
        while let headerEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) {
            let header = String(decoding: bytes[bytes.startIndex..<headerEnd], as: UTF8.self)
            guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)),
                  headerEnd + 4 + length <= bytes.endIndex else { break }
            let body = Data(bytes[(headerEnd + 4)..<(headerEnd + 4 + length)])
            guard let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { break }
            messages.append(message)
            bytes = bytes[(headerEnd + 4 + length)...]
        }
        return (messages, Data(bytes))
    }

    private final class TimedOut: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.lock(); flag = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    }

    private final class DataBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Data?
        var data: Data? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
}
