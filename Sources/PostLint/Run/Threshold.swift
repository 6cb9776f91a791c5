/// The lowest severity that fails a run (`--fail-on` and the configuration's `fail-on`).
public enum Threshold: String, Sendable, CaseIterable, Codable {
    case error, warning, info, never

    /// Whether a finding of `severity` makes the run fail.
    public func isMet(by severity: Severity) -> Bool {
        switch self {
        case .never: return false
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .info: return severity >= .info
        }
    }
}

/// How a run ends, as an exit code: 0 clean, 1 findings at or above the threshold, 2 a usage,
/// configuration or input problem (problems win over findings).
public enum RunStatus: Int32, Sendable {
    case clean = 0
    case findings = 1
    case problems = 2
}
