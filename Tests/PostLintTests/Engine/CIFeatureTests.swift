import Foundation
import PostLint
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.md", "a.md", true), ("*.md", "posts/a.md", true), ("*.md", "a.txt", false),
        ("posts/*.md", "posts/a.md", true), ("posts/*.md", "posts/x/a.md", false), ("posts/**", "posts/x/a.md", true),
        ("**/draft-*.md", "a/b/draft-1.md", true), ("drafts/", "drafts/x/y.md", true), ("drafts/", "other/drafts.md", false),
        ("./posts/*.md", "posts/a.md", true), ("a?c.txt", "abc.txt", true),
    ])
    func globsMatchLikeGitignore(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }
}

@Suite struct SuppressionTests {
    let known: Set<String> = ["toxic-positivity/good-vibes-only", "stigma/slur"]

    func finding(_ rule: String, line: Int) -> Finding {
        Finding(rule: rule, category: "c", severity: .warning, message: "m", match: "x", suggestions: [], source: "s",
                location: Location(path: "a.md", line: line, column: 1, endLine: line, endColumn: 2, offset: 0, length: 1))
    }

    @Test func disableEnableAndNextLine() {
        let document = Document(text: """
            line one
            <!-- postlint-disable stigma -->
            line three
            <!-- postlint-enable stigma -->
            line five
            <!-- postlint-disable-next-line toxic-positivity/good-vibes-only -- quoting a reader -->
            line seven
            """, format: .markdown, path: "a.md")
        let findings = [finding("stigma/slur", line: 3), finding("stigma/slur", line: 5),
                        finding("toxic-positivity/good-vibes-only", line: 7), finding("toxic-positivity/good-vibes-only", line: 1)]
        let result = Suppressions.apply(findings, in: document, knownRules: known)
        #expect(result.kept.map(\.location.line) == [5, 1])
        #expect(result.directiveFindings.isEmpty)
        let directives = Suppressions.directives(in: document)
        #expect(directives.map(\.reason) == [nil, nil, "quoting a reader"])
        #expect(directives.map(\.rules) == [["stigma"], ["stigma"], ["toxic-positivity/good-vibes-only"]])
    }

    @Test func superfluousUnknownAndReasonlessDirectivesAreReported() {
        let document = Document(text: "postlint-disable-next-line stigma/slur\nclean line\n# postlint-disable stigma/slurr\n", path: "a.txt")
        let result = Suppressions.apply([], in: document, knownRules: known, requireReason: true)
        #expect(result.directiveFindings.map(\.rule) == [
            Suppressions.superfluousRule, Suppressions.missingReasonRule, Suppressions.unknownRule, Suppressions.missingReasonRule,
        ])
        #expect(result.directiveFindings[2].message.hasSuffix("did you mean 'stigma/slur'?"))
        #expect(result.directiveFindings[2].location.line == 3 && result.directiveFindings[2].location.column == 3)
    }
}

@Suite struct BaselineTests {
    @Test func entriesSurviveLinesMovingButNotNewFindings() throws {
        let linter = try Linter()
        func lint(_ text: String) -> [LintedDocument] {
            let document = Document(text: text, format: .markdown, path: "post.md")
            return [LintedDocument(document: document, findings: linter.lint(document).findings)]
        }
        let before = lint("Good vibes only!\n")
        let baseline = Baseline(documents: before)
        #expect(baseline.entries.count == 1)
        // The same sentence three lines lower is still known; a new one is not.
        let after = lint("# New intro\n\nSome text.\n\nGood vibes only!\n\nEverything happens for a reason.\n")
        let remaining = baseline.filter(after).flatMap(\.findings).map(\.rule)
        #expect(remaining == ["toxic-positivity/everything-happens-for-a-reason"])
        // A round trip through the file format keeps it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try baseline.encoded().write(to: folder)
        #expect(try Baseline.load(path: folder.path) == baseline)
    }
}
