import Foundation
import PostLint

/// Malformed records and rule failures on standard error, as the run meets them.
final class ProblemPrinter: LintSink {
    func problem(_ diagnostic: Diagnostic) { Terminal.error("postlint: \(diagnostic)") }
}

/// Progress on standard error for long runs, on a terminal only: a bar with the percentage
/// and an ETA from the bytes read when the inputs' total size is known, else posts and posts
/// per second.
final class ProgressSink: LintSink {
    let enabled = isatty(STDERR_FILENO) == 1
    let started = Date()
    var last = Date.distantPast
    var bytes: ReadProgress?

    func start(_ inputs: [RunInput]) {
        if enabled { bytes = ReadProgress(inputs: inputs) }
    }

    func progress(postsRead done: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.5 else { return }
        last = Date()
        let line = ProgressLine.render(posts: done, bytes: bytes?.bytesRead() ?? 0, total: bytes?.totalBytes,
                                       elapsed: last.timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func finish(_ report: RunReport) {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `--fix --dry-run`: the unified diffs on standard output, before any report.
final class DiffPrinter: LintSink {
    func finish(_ report: RunReport) {
        for fix in report.fixes { if let diff = fix.diff { Terminal.write(diff) } }
    }
}

/// `--fix -`: standard input's text after the fixes, on standard output (even when nothing
/// changed, so an editor can always replace its buffer with it).
final class FixedTextPrinter: LintSink {
    func finish(_ report: RunReport) {
        for fix in report.fixes where fix.standardInput { if let text = fix.fixedText { Terminal.write(text) } }
    }
}

/// With a streaming format (`--format jsonl`), one summary line per run on standard error,
/// so a pipe's consumer gets only findings on standard output and the person the counts:
/// `postlint: 100000 posts read, 100000 linted, 13890 flagged, 20118 findings, 0 bad records, 0 skipped in 4.1 s`.
final class StreamSummaryPrinter: LintSink {
    let start = Date()

    func finish(_ report: RunReport) {
        guard let posts = report.posts else { return }
        let skipped = posts.skipped.values.reduce(0, +) + posts.otherLanguages.values.reduce(0, +)
        var line = "postlint: \(posts.postsRead) posts read, \(posts.postsLinted) linted, \(posts.postsFlagged) flagged, "
            + "\(posts.findings) findings, \(posts.badRecords) bad records, \(skipped) skipped"
        if posts.ruleFailures > 0 { line += ", \(posts.ruleFailures) rule failures" }
        line += String(format: " in %.1f s", Date().timeIntervalSince(start))
        Terminal.error(line)
    }
}
