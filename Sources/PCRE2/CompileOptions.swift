import CPCRE2

/// Options for compiling a pattern. `.default` is UTF-8 with Unicode properties, tolerant of
/// invalid UTF-8 in subjects (invalid bytes never match but never raise an error).
public struct CompileOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = CompileOptions(rawValue: PCRE2_CASELESS)
    public static let multiline = CompileOptions(rawValue: PCRE2_MULTILINE)
    public static let dotAll = CompileOptions(rawValue: PCRE2_DOTALL)
    public static let extended = CompileOptions(rawValue: PCRE2_EXTENDED)
    public static let utf = CompileOptions(rawValue: PCRE2_UTF)
    /// Unicode properties for `\b`, `\w`, `\d` and caseless matching beyond ASCII.
    public static let ucp = CompileOptions(rawValue: PCRE2_UCP)
    public static let matchInvalidUTF = CompileOptions(rawValue: PCRE2_MATCH_INVALID_UTF)

    public static let `default`: CompileOptions = [.utf, .ucp, .matchInvalidUTF]
}

/// Limits applied to every match attempt so that a catastrophic pattern returns an error
/// instead of hanging the linter.
public struct MatchLimits: Sendable, Hashable {
    /// Maximum calls of PCRE2's internal match function (also enforced by the JIT).
    public var matchLimit: UInt32
    /// Maximum backtracking depth (interpreter only; the JIT is bounded by its stack).
    public var depthLimit: UInt32
    /// Maximum heap memory for backtracking, in KiB.
    public var heapLimitKiB: UInt32

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    public static let `default` = MatchLimits()
}
