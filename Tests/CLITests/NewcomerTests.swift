import Foundation
import Testing

/// Issue 12: a CLI a newcomer cannot misuse. One test (or more) per numbered point of the
/// issue, each through the built binary.
@Suite struct NewcomerTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let root = try CLIRunner.temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    // MARK: - 1. No path, no stdin: never a silent pass

    @Test func issue12_1_noPathAndNothingToLintFails() throws {
        let empty = try folder([:])
        let result = try CLIRunner.run(["check"], stdin: "", in: empty)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothing to lint"))
        #expect(result.stdout.contains("could not be linted"))
    }

    @Test func issue12_1_noPathLintsTheCurrentFolderWithIncludeAndExclude() throws {
        let root = try folder([
            ".postlint.yml": "version: 1\nexclude: [\"drafts/**\"]\n",
            "posts/a.md": "Good vibes only!\n",
            "drafts/b.md": "Good vibes only!\n",
        ])
        // Piped text is not read without '-': the folder is what gets linted.
        let result = try CLIRunner.run(["check", "--fail-on", "warning"], stdin: "I think about suicide.\n", in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("posts/a.md:1:1: warning:"))
        #expect(!result.stdout.contains("drafts/b.md"))
        #expect(!result.stdout.contains("<stdin>"))
    }

    // MARK: - 2. Safe fixes

    @Test func issue12_2_fixOnStdinWritesTheFixedText() throws {
        let result = try CLIRunner.run(["check", "--fix", "--fail-on", "never", "-"], stdin: "My uncle committed suicide when I was twelve.\n")
        #expect(result.status == 0)
        #expect(result.stdout == "My uncle died by suicide when I was twelve.\n")
        #expect(result.stderr.contains("fixed 1 finding in 1 file"))
    }

    @Test func issue12_2_adviceIsNeverPastedIntoTheSentence() throws {
        let text = "They tell you to just think positive. Please do not.\n"
        let result = try CLIRunner.run(["check", "--fix", "--fail-on", "never", "-"], stdin: text)
        #expect(result.stdout == text)
        #expect(result.stderr.contains("fixed 0 findings"))
        // The suggestion is still offered as advice.
        #expect(result.stderr.contains("toxic-positivity/think-positive"))
    }

    @Test func issue12_2_aSentenceThatCriticisesThePhraseIsNotRewritten() throws {
        let text = "Stop saying committed suicide, please.\nPeople say \"committed suicide\" without thinking.\n"
        let result = try CLIRunner.run(["check", "--fix", "--fail-on", "never", "-"], stdin: text)
        #expect(result.stdout == text)
    }

    @Test func issue12_2_aFixWithSentencePunctuationIsRejectedAtLoad() throws {
        let rules = try folder(["local/advice.yml": """
            id: local/advice
            kind: substitution
            category: local
            severity: info
            message: "'{match}' is advice"
            explanation: A test rule.
            sources: [https://example.org]
            fix: true
            swap:
              "cheer up": "That sounds hard. I'm here."
            examples:
              bad: ["Just [[cheer up]] now."]
              good: ["Hello."]
            """])
        let result = try CLIRunner.run(["rules", "test", rules.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a fix replaces words inside a sentence"))
    }

    @Test func issue12_2_rulesTestChecksEachDeclaredFix() throws {
        let rules = try folder(["local/keeps.yml": """
            id: local/keeps
            kind: substitution
            category: local
            severity: info
            message: "'{match}' again"
            explanation: A test rule whose fix still triggers it.
            sources: [https://example.org]
            fix:
              "sad day": "sad day indeed"
            swap:
              "sad day": "hard day"
            examples:
              bad: ["What a [[sad day]] it was."]
              good: ["Hello."]
            """])
        let result = try CLIRunner.run(["rules", "test", rules.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("after --fix: the fixed text still triggers the rule"))
        // The built-in rules' fixes all pass.
        #expect(try CLIRunner.run(["rules", "test"]).status == 0)
    }

    // MARK: - 3. exclude for named files, --stdin-filename

    @Test func issue12_3_configuredExcludeAppliesToNamedFiles() throws {
        let root = try folder([
            ".postlint.yml": "version: 1\nexclude: [\"CHANGELOG.md\"]\n",
            "CHANGELOG.md": "Good vibes only!\n",
            "post.md": "Hello.\n",
        ])
        let quiet = try CLIRunner.run(["check", "--fail-on", "warning", "CHANGELOG.md", "post.md"], in: root)
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("CHANGELOG.md"))
        #expect(quiet.stderr.isEmpty)
        let verbose = try CLIRunner.run(["check", "--verbose", "CHANGELOG.md"], in: root)
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("skipped 'CHANGELOG.md': excluded by"))
    }

    @Test func issue12_3_stdinFilenamePicksFormatAndPerGlobSettings() throws {
        let root = try folder([".postlint.yml": """
            version: 1
            overrides:
              - files: ["posts/**"]
                rules:
                  toxic-positivity/good-vibes-only: error
            """])
        let markdown = "```\nGood vibes only!\n```\n\nGood vibes only!\n"
        let named = try CLIRunner.run(["check", "--stdin-filename", "posts/new.md", "-"], stdin: markdown, in: root)
        #expect(named.status == 1)
        #expect(named.stdout.contains("posts/new.md:5:1: error:"))
        #expect(!named.stdout.contains("posts/new.md:2:"))
        let plain = try CLIRunner.run(["check", "-"], stdin: markdown, in: root)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("<stdin>:2:1: warning:"))
        #expect(try CLIRunner.run(["check", "--stdin-filename", "x.md"], in: root).status == 2)
    }
}
