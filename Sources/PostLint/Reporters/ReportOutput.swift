import Foundation

/// Where a reporter writes: standard output or a file, opened before the run starts so a bad
/// path fails early. Writes are buffered and go out on `flush` (a streaming sink flushes after
/// each batch of posts, so a pipe sees results as they come).
public final class ReportOutput {
    let handle: FileHandle
    let ownsHandle: Bool
    private var buffer: [UInt8] = []
    /// Whether this is standard output (a terminal may get colour there).
    public let isStandardOutput: Bool

    public static func standardOutput() -> ReportOutput { ReportOutput(handle: .standardOutput, owns: false, isStandardOutput: true) }

    /// Standard error (for the report when standard output carries `--fix -`'s fixed text).
    public static func standardError() -> ReportOutput { ReportOutput(handle: .standardError, owns: false, isStandardOutput: false) }

    /// A new (truncated) file; throws when it cannot be created.
    public static func file(_ path: String) throws(PostLintError) -> ReportOutput {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw .unreadableInput(Diagnostic(file: path, message: "cannot write '\(path)'"))
        }
        return ReportOutput(handle: handle, owns: true, isStandardOutput: false)
    }

    init(handle: FileHandle, owns: Bool, isStandardOutput: Bool) {
        self.handle = handle
        ownsHandle = owns
        self.isStandardOutput = isStandardOutput
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !closed && writeError == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            // A full disk or a closed file: said once, and the run's status says so (never a trap).
            writeError = "\(error.localizedDescription)"
            FileHandle.standardError.write(Data("postlint: error: cannot write the report: \(writeError!)\n".utf8))
        }
    }

    /// Why writing failed, if it did.
    public private(set) var writeError: String?
    private var closed = false

    /// Flushes, and closes a file (once; nothing is written after).
    public func close() {
        flush()
        if ownsHandle && !closed { try? handle.close() }
        closed = true
    }
}
