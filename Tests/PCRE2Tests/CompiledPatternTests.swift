import Foundation
import PCRE2
import Testing

@Suite struct CompiledPatternTests {
    let scratch = MatchScratch()

    @Test func compileErrorCarriesPCRE2MessageAndOffset() {
        #expect(throws: PCRE2Error.self) { try CompiledPattern("(unclosed") }
        do {
            _ = try CompiledPattern("ab(cd")
            Issue.record("expected a compile error")
        } catch {
            guard case .compile(_, let offset, let message) = error else { Issue.record("wrong case"); return }
            #expect(offset == 5)
            #expect(message.contains("missing closing parenthesis"))
            #expect(error.description == "PCRE2: error compiling pattern at offset 5: missing closing parenthesis")
        }
    }

    @Test func isJITCompiledWhereAvailable() throws {
        let pattern = try CompiledPattern("good vibes")
        #expect(pattern.isJITCompiled)  // x86_64 Linux builds of PCRE2 ship the JIT
    }

    @Test func byteOffsetsAfterEmoji() throws {
        let pattern = try CompiledPattern("vibes", options: [.utf, .ucp, .caseless])
        let matches = try pattern.matches(in: "😀 Good VIBES", scratch: scratch)
        #expect(matches.map(\.range) == [10..<15])  // 4 bytes emoji + space + "Good "
    }

    @Test func captureGroupsAreByteRanges() throws {
        let pattern = try CompiledPattern("(a)|(é)")
        let matches = try pattern.matches(in: "xé a", scratch: scratch)
        #expect(matches.count == 2)
        #expect(matches[0].groups == [nil, 1..<3])
        #expect(matches[1].groups == [4..<5, nil])
    }

    @Test(arguments: [
        ("", "", [0..<0]),
        ("x*", "", [0..<0]),
        ("x*", "ab", [0..<0, 1..<1, 2..<2]),
        ("x*", "xx😀x", [0..<2, 2..<2, 6..<7, 7..<7]),
        ("\\b", "hi yo", [0..<0, 2..<2, 3..<3, 5..<5]),
        ("", "é", [0..<0, 2..<2]),
    ])
    func emptyMatchesAdvanceOneScalar(pattern: String, subject: String, expected: [Range<Int>]) throws {
        let compiled = try CompiledPattern(pattern)
        #expect(try compiled.matches(in: subject, scratch: scratch).map(\.range) == expected)
    }

    @Test func invalidUTF8NeitherCrashesNorErrors() throws {
        let pattern = try CompiledPattern("vibes")
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("vibes".utf8) + [0xC3]
        var found: [Range<Int>] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try pattern.forEachMatch(in: buffer, scratch: scratch) { found.append($0.range); return true }
        }
        #expect(found == [2..<7])
        let empty = try CompiledPattern("x*")
        var count = 0
        try bytes.withUnsafeBufferPointer { buffer in
            try empty.forEachMatch(in: buffer, scratch: scratch) { _ in count += 1; return true }
        }
        #expect(count > 0 && count <= bytes.count + 1)
    }

    @Test func catastrophicPatternHitsLimitWithinASecond() throws {
        let pattern = try CompiledPattern("(a+)+$")
        let subject = String(repeating: "a", count: 10_000) + "b"
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try pattern.matches(in: subject, scratch: scratch)
            Issue.record("expected the match limit to stop the search")
        } catch let error as PCRE2Error {
            #expect(error.isLimitExceeded)
        }
        // Generous bound: this guards against hanging, not against a slow machine.
        #expect(clock.now - start < .seconds(5))
    }

    @Test func customLimitsApplyPerScratch() throws {
        let tight = MatchScratch(limits: MatchLimits(matchLimit: 50))
        let pattern = try CompiledPattern("(a+)+$")
        let subject = String(repeating: "a", count: 40) + "b"
        #expect(throws: PCRE2Error.self) { _ = try pattern.matches(in: subject, scratch: tight) }
        #expect(try pattern.matches(in: "aaa", scratch: tight).count == 1)
    }

    @Test func patternsWithMoreGroupsThanTheScratchHoldsStillMatch() throws {
        let small = MatchScratch(maxCaptureGroups: 2)
        let pattern = try CompiledPattern("(a)(b)(c)(d)")
        let matches = try pattern.matches(in: "xabcd", scratch: small)
        #expect(matches.map(\.range) == [1..<5])
        #expect(matches.first?.groups == [1..<2, 2..<3, nil, nil])
    }
}
