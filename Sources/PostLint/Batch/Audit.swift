/// What an audit keeps beyond the counts: a few flagged posts per category and per rule, as
/// excerpts around the finding, so the report stays small whatever the input size.
public struct Audit: Sendable, Codable {
    public struct Example: Sendable, Codable {
        public var post: PostReference
        public var path: String
        public var rule: String
        public var category: String
        public var severity: Severity
        public var message: String
        /// Text before, the match, and text after (empty when redacted).
        public var before: String
        public var match: String
        public var after: String
        public var suggestion: String?
    }

    public var summary = BatchSummary()
    public var examplesByCategory: [String: [Example]] = [:]
    public var examplesByRule: [String: [Example]] = [:]
    public var inputs: [String] = []
    public let examplesPerCategory: Int
    public let examplesPerRule: Int
    public let redact: Bool

    public init(examplesPerCategory: Int = 25, examplesPerRule: Int = 3, redact: Bool = false) {
        self.examplesPerCategory = examplesPerCategory
        self.examplesPerRule = examplesPerRule
        self.redact = redact
    }

    /// Keeps examples from one linted post (counts are kept by the batch summary).
    public mutating func record(_ item: LintItem) {
        guard !item.findings.isEmpty, let post = item.post else { return }
        let bytes = item.document.bytes, path = item.document.path ?? "<stdin>"
        var categories = Set<String>()
        for finding in item.findings {
            let example = makeExample(finding, post: post, bytes: bytes, path: path)
            // One example per post and category; a few per rule.
            if categories.insert(finding.category).inserted, (examplesByCategory[finding.category]?.count ?? 0) < examplesPerCategory {
                examplesByCategory[finding.category, default: []].append(example)
            }
            if (examplesByRule[finding.rule]?.count ?? 0) < examplesPerRule {
                examplesByRule[finding.rule, default: []].append(example)
            }
        }
    }

    private func makeExample(_ finding: Finding, post: Post, bytes: [UInt8], path: String) -> Example {
        var before = "", match = "", after = ""
        if !redact {
            let start = finding.location.offset, end = min(bytes.count, start + finding.location.length)
            // Plain text, as a reader sees the post: markup stripped, entities decoded.
            before = Self.tail(AuditText.plain(String(decoding: bytes[max(0, start - 400)..<start], as: UTF8.self)), 60)
            match = AuditText.plain(String(decoding: bytes[start..<end], as: UTF8.self))
            after = Self.head(AuditText.plain(String(decoding: bytes[end..<min(bytes.count, end + 400)], as: UTF8.self)), 60)
        }
        return Example(post: post.reference, path: path, rule: finding.rule, category: finding.category, severity: finding.severity,
                       message: redact ? "[\(finding.rule)]" : finding.message, before: before, match: match, after: after,
                       suggestion: finding.suggestions.first)
    }

    static func tail(_ text: String, _ count: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > count ? "…" + flat.suffix(count) : flat
    }

    static func head(_ text: String, _ count: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > count ? flat.prefix(count) + "…" : flat
    }
}

/// Feeds an audit from a run: examples from each flagged post as it comes, counts and inputs
/// from the final report.
public final class AuditSink: LintSink {
    public private(set) var audit: Audit

    public init(_ audit: Audit) { self.audit = audit }

    public func receive(_ item: LintItem) { audit.record(item) }

    public func finish(_ report: RunReport) {
        audit.summary = report.posts ?? BatchSummary()
    }
}
