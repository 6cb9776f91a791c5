import PostLint
import Testing

/// A plain-text suppression line is not linted as prose: its rule id cannot join the next
/// line into a match that starts on the directive's own line (found through the language
/// server's "disable for this line", which inserts exactly such a line).
@Suite struct PlainTextSuppressionTests {
    @Test func aDirectiveLineIsNotReadAsProse() throws {
        let run = try LintRun(options: RunOptions())
        let suppressed = run.lint(text: "Hi 🙂\npostlint-disable-next-line toxic-positivity/good-vibes-only\nGood vibes only\n", path: "note.txt")
        #expect(suppressed.findings.map(\.rule) == [])
        // Without the directive the line is flagged, at the same place.
        let flagged = run.lint(text: "Hi 🙂\nnothing to see here\nGood vibes only\n", path: "note.txt")
        #expect(flagged.findings.map(\.rule) == ["toxic-positivity/good-vibes-only"])
        #expect(flagged.findings.first?.location.line == 3)
        // Prose before a directive on the same line is still linted, at its own offset.
        let before = run.lint(text: "A reader wrote: good vibes only postlint-disable-next-line stigma\nok\n", path: "note.txt")
        #expect(before.findings.map(\.rule).contains("toxic-positivity/good-vibes-only"))
        #expect(before.findings.first { $0.rule == "toxic-positivity/good-vibes-only" }?.location.offset == 16)
    }
}
