/// The configuration's rule settings for the item's path: severities changed, rules switched
/// off there dropped.
struct SeverityStage: FindingStage {
    let configuration: Configuration
    var appliesToPosts: Bool { true }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        guard !item.findings.isEmpty, configuration.hasRuleSettings else { return }
        item.findings = item.findings.compactMap { finding in
            guard let severity = configuration.severity(of: finding.rule, defaultSeverity: finding.severity, path: item.configurationPath) else {
                return nil
            }
            var copy = finding
            copy.severity = severity
            return copy
        }
    }
}
