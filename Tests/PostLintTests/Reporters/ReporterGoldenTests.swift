import Foundation
import PostLint
import Testing

/// Reporters against golden files in Tests/PostLintTests/Golden. To re-record on purpose, run
/// with POSTLINT_RECORD_GOLDEN=1: the files are rewritten and the test fails, so a recording
/// never passes silently.
@Suite struct ReporterGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = root.deletingLastPathComponent().deletingLastPathComponent()

    /// Rules of the test's own, so golden files change only when a reporter does.
    static let rules = [
        "vibes.yml": ruleYAML(id: "test/vibes", kind: "phrases", "phrases: [\"good vibes only\", \"just think positive\"]\nsuggestions: [\"All vibes are welcome here.\", \"I'm here for you.\"]"),
        "cure.yml": ruleYAML(id: "test/cure", kind: "pattern", severity: "error", "pattern: 'cures\\s+anxiety'"),
        "suicide.yml": ruleYAML(id: "test/committed", kind: "substitution", severity: "info", "swap: {\"committed suicide\": [\"died by suicide\"]}"),
    ]

    func report() throws -> RunReport {
        let linter = try makeLinter(Self.rules)
        var documents: [LintedDocument] = []
        for path in ["Fixtures/drafts/reply-to-a-friend.txt", "Fixtures/markdown/blog-post.md"] {
            let data = try Data(contentsOf: Self.repository.appendingPathComponent(path))
            let document = try Document(data: data, format: InputFormat.forPath(path), path: path)
            documents.append(LintedDocument(document: document, findings: linter.lint(document).findings))
        }
        return RunReport(documents: documents, problems: [Diagnostic(file: "Fixtures/missing.md", message: "no such file or directory")])
    }

    func check(_ output: String, against name: String) throws {
        let url = Self.root.appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["POSTLINT_RECORD_GOLDEN"] != nil {
            try output.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without POSTLINT_RECORD_GOLDEN")
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(output == golden, "\(name) differs from its golden file")
    }

    @Test func textReporter() throws {
        try check(TextReporter(color: false).render(try report()), against: "report.txt")
    }

    @Test func textReporterInColour() throws {
        try check(TextReporter(color: true).render(try report()), against: "report-color.txt")
    }

    @Test func jsonReporter() throws {
        let output = JSONReporter().render(try report())
        try check(output, against: "report.json")
        // The schema the issue asks for, checked independently of the golden file.
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        let finding = try #require((object?["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["rule", "category", "severity", "message", "match", "suggestions", "source", "location"])
        let location = try #require(finding["location"] as? [String: Any])
        #expect(Set(location.keys) == ["path", "line", "column", "endLine", "endColumn", "offset", "length"])
        #expect((object?["summary"] as? [String: Any])?["problems"] as? Int == 1)
    }

    @Test func colourOnlyWhenAsked() throws {
        #expect(!TextReporter(color: false).render(try report()).contains("\u{1B}["))
        #expect(TextReporter(color: true).render(try report()).contains("\u{1B}[1;33mwarning"))
    }
}
