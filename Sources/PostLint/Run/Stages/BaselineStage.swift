/// `--baseline`: findings the baseline already knows are dropped (each entry absorbs at most
/// its count over the whole run).
struct BaselineStage: FindingStage {
    var filter: BaselineFilter
    var appliesToPosts: Bool { true }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        guard !item.findings.isEmpty else { return }
        item.findings = filter.apply(item.linted).findings
    }
}
