import CPCRE2

/// Per-scan (or per-worker) mutable state for matching: match data, a match context carrying
/// the limits, and a JIT stack. Never share one between threads; create one per worker and
/// reuse it across posts and patterns.
public final class MatchScratch {
    let matchData: OpaquePointer
    let context: OpaquePointer
    let jitStack: OpaquePointer?
    /// The number of (start, end) pairs the match data holds: the whole match plus groups.
    public let pairCapacity: Int
    public let limits: MatchLimits

    nonisolated(unsafe) static let emptySubject: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    /// - Parameters:
    ///   - limits: match, depth and heap limits for every match made with this scratch.
    ///   - maxCaptureGroups: the largest number of capture groups a pattern may have.
    public init(limits: MatchLimits = .default, maxCaptureGroups: Int = 64) {
        pairCapacity = maxCaptureGroups + 1
        matchData = pcre2_match_data_create_8(UInt32(pairCapacity), nil)!
        context = pcre2_match_context_create_8(nil)!
        self.limits = limits
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        // NOTE: the JIT's default 32 KiB machine stack is too small for some legitimate
        // patterns; 1 MiB keeps deep-but-bounded matches working while limits still apply.
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
