/// One linted input: the document (for showing source lines) and its findings.
public struct LintedDocument: Sendable {
    public var document: Document
    public var findings: [Finding]

    public init(document: Document, findings: [Finding]) {
        self.document = document
        self.findings = findings
    }
}

/// Counts for the end of a run.
public struct RunSummary: Sendable, Hashable, Codable {
    /// Inputs linted.
    public var files: Int
    public var findings: Int
    public var errors: Int
    public var warnings: Int
    public var info: Int
    /// Inputs or rules that could not be processed (reported separately, never dropped).
    public var problems: Int

    /// Nothing counted yet (`LintRun` counts each input as it leaves the last stage).
    public init() {
        files = 0; findings = 0; errors = 0; warnings = 0; info = 0; problems = 0
    }

    /// Counts one input and its final findings.
    mutating func count(_ found: [Finding]) {
        files += 1
        findings += found.count
        for finding in found {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: info += 1
            }
        }
    }

    public init(documents: [LintedDocument], problems: [Diagnostic]) {
        let all = documents.flatMap(\.findings)
        files = documents.count
        findings = all.count
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
        info = all.filter { $0.severity == .info }.count
        self.problems = problems.count
    }
}

/// Everything a reporter needs about a finished run.
public struct RunReport: Sendable {
    public var documents: [LintedDocument]
    /// Input and rule problems (unreadable files, invalid UTF-8, rule failures).
    public var problems: [Diagnostic]
    public var summary: RunSummary
    /// The rules that ran (for reporters that describe them, such as SARIF).
    public var rules: [RuleDefinition]
    /// Counts for multi-post inputs (exports, JSON Lines, CSV), when there were any.
    public var posts: BatchSummary?
    /// What `--fix` changed (or, with `--dry-run`, would change), file by file.
    public var fixes: [FixRecord] = []
    /// With `RunOptions.recordBaseline`: findings before the baseline and diff-base filters,
    /// for `--write-baseline`.
    public var recorded: [LintedDocument] = []
    /// What the run left out on purpose (files named on the command line that `exclude`
    /// skips), for `--verbose`.
    public var notes: [String] = []

    public init(documents: [LintedDocument], problems: [Diagnostic], rules: [RuleDefinition] = []) {
        self.documents = documents
        self.problems = problems
        self.rules = rules
        self.summary = RunSummary(documents: documents, problems: problems)
    }

    /// All findings in report order.
    public var findings: [Finding] { documents.flatMap(\.findings).sorted(by: Finding.reportOrder) }
}

/// Renders a run. One file per reporter; reporters know nothing of rules or regex engines.
public protocol Reporter {
    /// The name used with `--format`.
    static var name: String { get }
    func render(_ report: RunReport) -> String
    /// Renders in pieces, handing each to `write` as it is ready, so a large report is never
    /// held whole as text (by default, `render` in one piece).
    func render(_ report: RunReport, to write: (String) -> Void)
}

extension Reporter {
    public func render(_ report: RunReport, to write: (String) -> Void) { write(render(report)) }
}
