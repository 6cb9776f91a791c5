/// Inline `postlint-disable…` comments: suppressed findings dropped, findings about the
/// directives themselves (unknown rule, superfluous, no reason) added.
///
/// NOTE: on multi-post inputs only posts with findings are looked at (clean posts never
/// reach the stages), so a superfluous directive in a clean post is not reported there.
struct SuppressionStage: FindingStage {
    let knownRules: Set<String>
    let requireReason: Bool
    var appliesToPosts: Bool { true }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        if item.post != nil && item.findings.isEmpty { return }
        let result = Suppressions.apply(item.findings, in: item.document, knownRules: knownRules, requireReason: requireReason)
        var findings = result.kept + result.directiveFindings
        if let post = item.post?.reference {
            for index in findings.indices where findings[index].location.post == nil { findings[index].location.post = post }
        }
        item.findings = findings.sorted(by: Finding.reportOrder)
    }
}
