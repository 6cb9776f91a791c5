import Foundation
import PostLint

/// Malformed records and rule failures on standard error, as the run meets them.
final class ProblemPrinter: LintSink {
    func problem(_ diagnostic: Diagnostic) { Terminal.error("postlint: \(diagnostic)") }
}

/// Progress on standard error for long runs on a terminal: posts done and posts per second.
final class ProgressSink: LintSink {
    let enabled = isatty(STDERR_FILENO) == 1
    let start = Date()
    var last = Date.distantPast

    func progress(postsRead done: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.5 else { return }
        last = Date()
        let rate = Double(done) / max(0.001, last.timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[K\(done) posts, \(Int(rate)) posts/s".utf8))
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
