import PostLint

/// A rule file with every required key, plus `extra` YAML lines (kind-specific keys).
func ruleYAML(id: String = "test/rule", kind: String, severity: String = "warning", _ extra: String,
              bad: String = "\"[[x]]\"", good: String = "\"y\"") -> String {
    """
    id: \(id)
    kind: \(kind)
    category: test
    severity: \(severity)
    message: "found '{match}'"
    explanation: For tests.
    sources: [https://example.org/rule]
    \(extra)
    examples:
      bad: [\(bad)]
      good: [\(good)]
    """
}

/// A linter over the given rule files only (built-in shared lists are not loaded).
func makeLinter(_ files: [String: String], builtins: Bool = false) throws -> Linter {
    try Linter(configuration: LinterConfiguration(
        includeBuiltinRules: builtins,
        extraRuleFiles: files.sorted { $0.key < $1.key }.map { RuleFile(path: $0.key, contents: $0.value) }))
}

/// The diagnostics of a rule set that must fail to load.
func loadErrors(_ files: [String: String]) -> [Diagnostic] {
    do {
        _ = try makeLinter(files)
        return []
    } catch {
        if case .invalidRules(let diagnostics) = error as? PostLintError { return diagnostics }
        return []
    }
}

/// The matched texts of findings, in order.
func matches(_ findings: [Finding]) -> [String] { findings.map(\.match) }
