import Foundation

/// `--fix`: applies declared substitutions to files (never to standard input's copy on disk,
/// never to exports), dropping the findings it fixed; with `dryRun`, records a unified diff
/// instead and keeps the findings.
struct FixStage: FindingStage {
    let dryRun: Bool
    var appliesToPosts: Bool { false }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        let result = Fixer.apply(item.findings, to: item.document)
        guard !result.fixed.isEmpty, let path = item.document.path, path != "<stdin>" else { return }
        if dryRun {
            report.fixes.append(FixRecord(path: path, fixed: result.fixed.count,
                                          diff: UnifiedDiff.make(old: String(decoding: item.document.bytes, as: UTF8.self),
                                                                 new: String(decoding: result.bytes, as: UTF8.self), path: path)))
            return
        }
        do {
            try Data(result.bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            report.problems.append(Diagnostic(file: path, message: "cannot write fixes: \(error.localizedDescription)"))
            return
        }
        let fixed = Set(result.fixed)
        item.findings = item.findings.filter { !fixed.contains($0) }
        report.fixes.append(FixRecord(path: path, fixed: result.fixed.count, diff: nil))
    }
}

/// What `--fix` did to one file.
public struct FixRecord: Sendable {
    public var path: String
    public var fixed: Int
    /// The unified diff, with `--dry-run`.
    public var diff: String?
}
