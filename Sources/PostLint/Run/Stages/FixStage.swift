import Foundation

/// `--fix`: applies declared drop-in fixes to files (never to exports), dropping the findings
/// it fixed; with `dryRun`, records a unified diff instead and keeps the findings. Standard
/// input is never written to disk: its fixed text is kept in the record for the front end to
/// write to standard output (as ruff and ESLint do), even when nothing changed.
struct FixStage: FindingStage {
    let dryRun: Bool
    /// The path standard input is reported under (`<stdin>` or `--stdin-filename`).
    let standardInputPath: String
    var appliesToPosts: Bool { false }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        let result = Fixer.apply(item.findings, to: item.document)
        guard let path = item.document.path else { return }
        let old = String(decoding: item.document.bytes, as: UTF8.self), new = String(decoding: result.bytes, as: UTF8.self)
        if path == standardInputPath {
            report.fixes.append(FixRecord(path: path, fixed: result.fixed.count,
                                          diff: dryRun && !result.fixed.isEmpty ? UnifiedDiff.make(old: old, new: new, path: path) : nil,
                                          standardInput: true, fixedText: dryRun ? nil : new))
            if !dryRun { drop(result.fixed, from: &item) }
            return
        }
        guard !result.fixed.isEmpty else { return }
        if dryRun {
            report.fixes.append(FixRecord(path: path, fixed: result.fixed.count, diff: UnifiedDiff.make(old: old, new: new, path: path)))
            return
        }
        do {
            try Data(result.bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            report.problems.append(Diagnostic(file: path, message: "cannot write fixes: \(error.localizedDescription)"))
            return
        }
        drop(result.fixed, from: &item)
        report.fixes.append(FixRecord(path: path, fixed: result.fixed.count, diff: nil))
    }

    private func drop(_ fixed: [Finding], from item: inout LintItem) {
        let fixed = Set(fixed)
        item.findings = item.findings.filter { !fixed.contains($0) }
    }
}

/// What `--fix` did to one file.
public struct FixRecord: Sendable {
    public var path: String
    public var fixed: Int
    /// The unified diff, with `--dry-run`.
    public var diff: String?
    /// Whether this is standard input, whose fixed text goes to standard output.
    public var standardInput = false
    /// Standard input's text after the fixes (without `--dry-run`).
    public var fixedText: String?
}
