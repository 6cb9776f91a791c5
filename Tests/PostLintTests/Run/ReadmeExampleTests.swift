import Foundation
import PostLint
import Testing

/// The README's library example, compiled and run here: the test fails when the README's code
/// and this copy drift apart (the code between the markers must equal the README's block).
@Suite struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExampleIsTheREADMEs() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let library = try #require(readme.components(separatedBy: "## Library\n").last)
        let block = try #require(library.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```\n").first)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let copy = try #require(source.components(separatedBy: "// README-BEGIN\n").last?.components(separatedBy: "        // README-END").first)
        let unindented = copy.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
        let readmeBody = block.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("import ") }
            .joined(separator: "\n")
        #expect(unindented.trimmingCharacters(in: .whitespacesAndNewlines) == readmeBody.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func theExampleRuns() throws {
        // The example uses paths relative to the repository, where `swift test` runs (tests run
        // in parallel, so the working folder is not changed here).
        try #require(FileManager.default.currentDirectoryPath == Self.root.path)
        // README-BEGIN
        // What `postlint check` reports for a draft, with the .postlint.yml found from here.
        var options = RunOptions()
        options.configuration = .discover(from: FileManager.default.currentDirectoryPath)
        let run = try LintRun(options: options)
        let report = run.lint(text: "Good vibes only!", path: "drafts/post.md")
        for finding in report.findings {
            print(finding.location.line, finding.location.column, finding.rule, finding.message)
        }
        print(report.status(failingAt: run.threshold))  // .findings, .clean or .problems: exit 1, 0 or 2

        // Files, folders and exports, streamed: a sink gets each input's final findings as they come.
        final class RulePrinter: LintSink {
            func receive(_ item: LintItem) {
                for finding in item.findings { print(item.post?.id ?? "-", finding.rule) }
            }
        }
        let audit = run.run(paths: ["Fixtures/exports/same/posts.jsonl"], sinks: [RulePrinter()], keepDocuments: false)
        print(audit.posts?.postsFlagged ?? 0, "posts flagged")
        // README-END
        #expect(report.findings.map(\.rule) == ["toxic-positivity/good-vibes-only"])
        #expect(report.status(failingAt: .warning) == .findings)
        #expect(audit.posts?.postsRead == 6 && audit.documents.isEmpty)
    }
}
