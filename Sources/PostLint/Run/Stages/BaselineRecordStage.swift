/// `--write-baseline`: remembers every item's findings at this point of the pipeline (before
/// the baseline and `--diff-base` filters), for `RunReport.recordedBaseline`.
struct BaselineRecordStage: FindingStage {
    var appliesToPosts: Bool { true }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        guard !item.findings.isEmpty || item.post == nil else { return }
        report.recorded.append(item.linted)
    }
}
