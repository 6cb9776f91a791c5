/// Where a finding sits in its input. Lines and columns are 1-based; columns count Unicode
/// scalars (code points) from the start of the line. `endLine`/`endColumn` point just past the
/// last matched scalar. `offset` and `length` are in UTF-8 bytes from the start of the input.
public struct Location: Sendable, Hashable, Codable {
    /// The input's path, or nil for text given directly (the CLI shows stdin as `<stdin>`).
    public var path: String?
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var offset: Int
    public var length: Int

    public init(path: String?, line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int, length: Int) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.offset = offset
        self.length = length
    }
}

/// One problem a rule found in a text: what, where, why, and what to write instead.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule's id, `pack/name`.
    public var rule: String
    public var category: String
    public var severity: Severity
    public var message: String
    /// The text as the writer typed it.
    public var match: String
    public var suggestions: [String]
    /// The first source link of the rule (the authority behind it).
    public var source: String
    public var location: Location
    /// The replacement `--fix` applies, for substitution rules (absent from JSON otherwise).
    public var fix: String?

    public init(
        rule: String, category: String, severity: Severity, message: String, match: String,
        suggestions: [String], source: String, location: Location, fix: String? = nil
    ) {
        self.fix = fix
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.match = match
        self.suggestions = suggestions
        self.source = source
        self.location = location
    }
}

extension Finding {
    /// Deterministic report order: path, offset, rule id, then length.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let left = (lhs.location.path ?? "", lhs.location.offset, lhs.rule, lhs.location.length)
        let right = (rhs.location.path ?? "", rhs.location.offset, rhs.rule, rhs.location.length)
        return left < right
    }
}
