/// `--quiet`: only error findings go on (ESLint's `--quiet`); warnings and info are dropped
/// before they are counted, so reports, counts and the exit status agree.
struct QuietStage: FindingStage {
    var appliesToPosts: Bool { true }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        item.findings.removeAll { $0.severity < .error }
    }
}
