/// What every reporter may be told by the front end.
public struct ReporterSettings: Sendable {
    /// ANSI colour (text output on a terminal only).
    public var color: Bool
    /// Keep post text out of the output.
    public var redact: Bool

    public init(color: Bool = false, redact: Bool = false) {
        self.color = color
        self.redact = redact
    }
}

/// One output format: its `--format` name, a line of help, whether it streams (writes as
/// findings come) or collects (renders the final report), and how to make its sink.
public struct ReporterEntry: Sendable {
    public let name: String
    public let summary: String
    public let streams: Bool
    let build: @Sendable (ReporterSettings, ReportOutput) -> any LintSink

    /// A sink writing this format to `output`.
    public func makeSink(_ settings: ReporterSettings, output: ReportOutput) -> any LintSink { build(settings, output) }

    /// A collecting reporter: renders the whole report at the end.
    static func rendering<R: Reporter>(_ type: R.Type, _ summary: String, _ make: @escaping @Sendable (ReporterSettings) -> R) -> ReporterEntry {
        ReporterEntry(name: R.name, summary: summary, streams: false) { settings, output in
            RenderingSink(reporter: make(settings), redact: settings.redact, write: output.write, done: output.close)
        }
    }
}

/// Every output format, listed once: `--format` values and help come from here. A new
/// reporter is one file in `Reporters/` and one line below.
public enum ReporterRegistry {
    public static let all: [ReporterEntry] = [
        .rendering(TextReporter.self, "source lines with carets, suggestions and sources") { TextReporter(color: $0.color) },
        .rendering(JSONReporter.self, "one JSON document: findings, problems, summary") { _ in JSONReporter() },
        ReporterEntry(name: JSONLinesSink.name, summary: "one JSON line per finding as posts are linted, then a summary line", streams: true) {
            settings, output in JSONLinesSink(output: output, redact: settings.redact)
        },
        .rendering(SARIFReporter.self, "SARIF 2.1.0 for code-scanning tools") { _ in SARIFReporter() },
        .rendering(GitHubReporter.self, "GitHub Actions annotations") { _ in GitHubReporter() },
        .rendering(JUnitReporter.self, "JUnit XML, a test case per finding") { _ in JUnitReporter() },
        .rendering(CheckstyleReporter.self, "Checkstyle XML") { _ in CheckstyleReporter() },
        .rendering(CodeClimateReporter.self, "Code Climate JSON (GitLab code quality)") { _ in CodeClimateReporter() },
        .rendering(RDJSONLReporter.self, "reviewdog diagnostics, one JSON line each") { _ in RDJSONLReporter() },
    ]

    public static func entry(named name: String) -> ReporterEntry? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }

    /// `name: summary` lines for help texts.
    public static var help: String { all.map { "\($0.name) (\($0.summary))" }.joined(separator: ", ") }
}
