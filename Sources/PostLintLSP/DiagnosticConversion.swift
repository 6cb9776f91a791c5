import PostLint

/// A `Finding` as an LSP `Diagnostic`: range in the negotiated encoding (from the finding's
/// UTF-8 offset and length), severity, `code` (the rule id), `codeDescription.href` (the
/// rule's page, as SARIF's `helpUri`), `source: "postlint"` and the message.
enum DiagnosticConversion {
    static let source = "postlint"

    static func diagnostic(_ finding: Finding, positions: TextPositions, encoding: PositionEncoding,
                           rules: [String: RuleDefinition]) -> JSONValue {
        [
            "range": LSPRange.json(offset: finding.location.offset, length: finding.location.length, in: positions, encoding: encoding),
            "severity": .int(severity(finding.severity)),
            "code": .string(finding.rule),
            "codeDescription": ["href": .string(helpURL(finding, rules: rules))],
            "source": .string(source),
            "message": .string(finding.message),
        ]
    }

    /// LSP's `DiagnosticSeverity`: 1 error, 2 warning, 3 information.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    /// The rule's page under `docs/rules/` for built-in rules (what SARIF's `helpUri` links
    /// to); a rule of the user's own links to its first source; suppression findings to
    /// their documentation.
    static func helpURL(_ finding: Finding, rules: [String: RuleDefinition]) -> String {
        guard let rule = rules[finding.rule] else { return finding.source }
        return RuleDocs.hasPage(rule) ? RuleDocs.pageURL(of: rule.id) : (rule.sources.first ?? finding.source)
    }
}
