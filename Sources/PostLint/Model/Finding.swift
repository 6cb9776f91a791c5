/// The post a finding belongs to, for inputs that hold many posts (exports, JSON Lines, CSV):
/// its id, its timestamp where the format has one, and where it sits in the file.
public struct PostReference: Sendable, Hashable, Codable {
    public var id: String
    public var timestamp: String?
    /// The line of a JSON Lines record, or the first line of a CSV row.
    public var line: Int?
    /// The data row of a CSV file (1 = the first row after the header).
    public var row: Int?
    /// The record inside an export (for example `tweets.js[41]`).
    public var record: String?
    /// The post's content warning or subject, where the platform has one (Mastodon `summary`).
    public var contentWarning: String?
    /// Pass-through fields of the record (`--keep-field`), by name: strings as they are,
    /// numbers and booleans written out, objects and arrays as compact JSON; null or absent
    /// fields are left out. Nil when no field was asked for.
    public var fields: [String: String]?

    public init(id: String, timestamp: String? = nil, line: Int? = nil, row: Int? = nil, record: String? = nil) {
        self.id = id
        self.timestamp = timestamp
        self.line = line
        self.row = row
        self.record = record
    }
}

/// Where a finding sits in its input. Lines and columns are 1-based; columns count Unicode
/// scalars (code points) from the start of the line. `endLine`/`endColumn` point just past the
/// last matched scalar. `offset` and `length` are in UTF-8 bytes from the start of the input;
/// for a post of a multi-post file, they count within the post's text and `post` says which.
public struct Location: Sendable, Hashable, Codable {
    /// The input's path, or nil for text given directly (the CLI shows stdin as `<stdin>`).
    public var path: String?
    /// The post, for inputs that hold many posts.
    public var post: PostReference?
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var offset: Int
    public var length: Int

    public init(path: String?, line: Int, column: Int, endLine: Int, endColumn: Int, offset: Int, length: Int,
                post: PostReference? = nil) {
        self.path = path
        self.post = post
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
