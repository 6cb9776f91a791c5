/// `--diff-base REF`: only findings on lines changed since the revision. Posts of exports have
/// no lines in git's sense, so the stage keeps to documents.
struct DiffBaseStage: FindingStage {
    let changed: ChangedLines
    var appliesToPosts: Bool { false }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        item.findings = item.findings.filter(changed.contains)
    }
}
