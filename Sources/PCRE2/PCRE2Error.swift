import CPCRE2

/// An error reported by PCRE2, carrying PCRE2's own message and, for compile errors, the
/// byte offset in the pattern where compilation stopped.
public enum PCRE2Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern did not compile.
    case compile(code: Int32, offset: Int, message: String)
    /// A match attempt failed for a reason other than "no match" (a limit was hit, bad options…).
    case match(code: Int32, message: String)

    /// PCRE2's error code.
    public var code: Int32 {
        switch self {
        case .compile(let code, _, _), .match(let code, _): return code
        }
    }

    /// True when the match attempt was stopped by the match, depth or heap limit.
    public var isLimitExceeded: Bool {
        [PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT,
         PCRE2_ERROR_JIT_STACKLIMIT].contains(code)
    }

    public var description: String {
        switch self {
        case .compile(_, let offset, let message):
            return "PCRE2: error compiling pattern at offset \(offset): \(message)"
        case .match(_, let message):
            return "PCRE2: error matching: \(message)"
        }
    }

    /// PCRE2's text for an error code.
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
