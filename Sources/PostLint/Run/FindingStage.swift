/// One step between the rules and the sinks. `LintRun` sends every item through its stages in
/// order (severities → suppressions → baseline → diff-base → fix), and counts only what comes
/// out of the last one, so every output and the exit code see the same findings.
///
/// A stage is one file in `Run/Stages/` and one line in `LintRun.makeStages`.
protocol FindingStage {
    /// Whether the stage also runs on the posts of multi-post inputs (fixes do not: an export
    /// file is never rewritten).
    var appliesToPosts: Bool { get }
    /// Changes the item's findings (drops, re-grades or adds findings; a fix may also record
    /// what it changed on disk).
    mutating func process(_ item: inout LintItem, into report: inout RunReport)
}
