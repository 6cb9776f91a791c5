/// A problem in a rule, configuration or input file, pointing at the file, line and column.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}

/// Errors raised by the PostLint library.
public enum PostLintError: Error, Sendable, CustomStringConvertible {
    /// One or more rule files are malformed; nothing was loaded.
    case invalidRules([Diagnostic])
    /// An input could not be read or decoded.
    case unreadableInput(Diagnostic)
    /// A setting is wrong (for example an unknown region).
    case invalidConfiguration(String)
    /// A rule failed while matching (for example a PCRE2 limit was hit).
    case ruleFailed(rule: String, message: String)

    public var description: String {
        switch self {
        case .invalidRules(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .unreadableInput(let diagnostic):
            return diagnostic.description
        case .invalidConfiguration(let message):
            return "error: \(message)"
        case .ruleFailed(let rule, let message):
            return "rule '\(rule)' failed: \(message)"
        }
    }
}

extension PostLintError {
    /// The problem as a diagnostic: the input's own when it names one, else under `file`.
    public func diagnostic(file: String) -> Diagnostic {
        if case .unreadableInput(let diagnostic) = self { return diagnostic }
        return Diagnostic(file: file, message: description)
    }
}
