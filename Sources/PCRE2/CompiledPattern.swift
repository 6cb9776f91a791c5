import CPCRE2

/// A compiled PCRE2 pattern. It owns its `pcre2_code` and is JIT-compiled once, in `init`,
/// before it can be published to other threads.
///
/// SAFETY: after `init` returns, the compiled code (and its JIT code) is never written again;
/// PCRE2 documents `pcre2_match` and `pcre2_jit_match` as safe to call concurrently on the same
/// code as long as each thread uses its own match data, which `MatchScratch` guarantees.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern source as written.
    public let pattern: String
    /// The options it was compiled with.
    public let options: CompileOptions
    /// Whether the JIT compiled it (false where the JIT is unavailable or refused the pattern).
    public let isJITCompiled: Bool
    /// The number of capture groups.
    public let captureCount: Int

    let code: OpaquePointer

    /// Compiles `pattern`; throws `PCRE2Error.compile` with PCRE2's message and offset.
    public init(_ pattern: String, options: CompileOptions = .default) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = pattern.utf8.withContiguousStorageIfAvailable { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options.rawValue, &errorCode, &errorOffset, nil)
        } ?? {
            var copy = Array(pattern.utf8)
            return copy.withUnsafeMutableBufferPointer {
                pcre2_compile_8($0.baseAddress, $0.count, options.rawValue, &errorCode, &errorOffset, nil)
            }
        }()
        guard let compiled else {
            throw .compile(code: errorCode, offset: errorOffset, message: PCRE2Error.message(for: errorCode))
        }
        self.code = compiled
        self.pattern = pattern
        self.options = options
        // NOTE: a JIT failure is not an error: the interpreter gives the same results, slower.
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        self.captureCount = Int(captures)
    }

    deinit { pcre2_code_free_8(code) }

    /// Finds the first match at or after byte `start` of `subject`.
    /// Returns nil when there is none; throws when a limit is hit.
    public func firstMatch(
        in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: MatchScratch
    ) throws(PCRE2Error) -> Match? {
        // NOTE: an empty buffer may have a nil base address; PCRE2 accepts a non-null pointer
        // with length 0, so point at a static empty byte in that case.
        let base = subject.baseAddress ?? MatchScratch.emptySubject
        let rc = pcre2_match_8(code, base, subject.count, start, 0, scratch.matchData, scratch.context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw .match(code: rc, message: PCRE2Error.message(for: rc)) }
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let unset = postlint_pcre2_unset()
        // NOTE: rc == 0 means the match data holds fewer pairs than the pattern has groups;
        // the whole match is still exact, and groups past the capacity are reported unset.
        let setPairs = rc == 0 ? scratch.pairCapacity : Int(rc)
        var groups: [Range<Int>?] = []
        if captureCount > 0 {
            groups.reserveCapacity(captureCount)
            for index in 1...captureCount {
                guard index < setPairs else { groups.append(nil); continue }
                let lower = ovector[2 * index], upper = ovector[2 * index + 1]
                groups.append(lower == unset ? nil : Int(lower)..<Int(upper))
            }
        }
        return Match(range: Int(ovector[0])..<Int(ovector[1]), groups: groups)
    }

    /// Calls `body` for every non-overlapping match in `subject`, left to right.
    /// After an empty match the search resumes one UTF-8 scalar further on, so it always ends.
    /// Return false from `body` to stop early.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, scratch: MatchScratch,
        _ body: (Match) throws -> Bool
    ) throws {
        var position = start
        while position <= subject.count {
            guard let match = try firstMatch(in: subject, from: position, scratch: scratch) else { return }
            guard try body(match) else { return }
            if match.range.isEmpty {
                position = match.range.upperBound + UTF8Scalar.length(at: match.range.upperBound, in: subject)
            } else {
                position = match.range.upperBound
            }
        }
    }

    /// All matches in a Swift string, as UTF-8 byte ranges.
    public func matches(in string: String, scratch: MatchScratch) throws -> [Match] {
        var copy = string
        return try copy.withUTF8 { buffer in
            var found: [Match] = []
            try forEachMatch(in: buffer, scratch: scratch) { found.append($0); return true }
            return found
        }
    }
}

/// One match: UTF-8 byte ranges of the whole match and of each capture group (nil if unset).
public struct Match: Sendable, Hashable {
    public let range: Range<Int>
    public let groups: [Range<Int>?]
}

enum UTF8Scalar {
    /// The byte length of the scalar starting at `offset` (1 for an invalid or stray byte, 1 at the end).
    static func length(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset < bytes.count else { return 1 }
        let lead = bytes[offset]
        let expected: Int
        switch lead {
        case 0xF0...0xF4: expected = 4
        case 0xE0...0xEF: expected = 3
        case 0xC2...0xDF: expected = 2
        default: return 1
        }
        var length = 1
        while length < expected, offset + length < bytes.count, bytes[offset + length] & 0xC0 == 0x80 {
            length += 1
        }
        return length
    }
}
