/// A rule as its author wrote it: everything except the compiled matcher.
public struct RuleDefinition: Sendable, Hashable {
    /// `pack/name`, for example `toxic-positivity/good-vibes-only`.
    public var id: String
    /// The kind's name: `pattern`, `phrases`, `substitution` or `requires`.
    public var kind: String
    public var category: String
    public var severity: Severity
    /// A one-line summary for `rules list`.
    public var title: String
    /// The finding's message; `{match}` is replaced with the matched text.
    public var message: String
    public var suggestions: [String]
    public var explanation: String
    /// Links to the authorities behind the rule; at least one.
    public var sources: [String]
    public var examples: RuleExamples
    /// The file the rule came from (`Rules/…` path for built-in rules) and the line of its id.
    public var file: String
    public var line: Int
}

/// A rule's own test cases.
public struct RuleExamples: Sendable, Hashable {
    /// Texts that must trigger the rule exactly at the spans marked `[[…]]`.
    public var bad: [RuleExample]
    /// Texts that must not trigger the rule.
    public var good: [RuleExample]
}

/// One example text, with the line where it sits in its rule file.
public struct RuleExample: Sendable, Hashable {
    /// The text as written, markers included.
    public var text: String
    public var line: Int
}
