import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func toxicPositivityDraftFromStdinFailsOnWarning() throws {
        let result = try CLIRunner.run(["check", "--fail-on", "warning", "-"], stdin: "Good vibes only! Everything happens for a reason.\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:1:1: warning: 'Good vibes only' tells people their hard feelings are not welcome [toxic-positivity/good-vibes-only]"))
        #expect(result.stdout.contains("<stdin>:1:18: warning: 'Everything happens for a reason'"))
        #expect(result.stdout.hasSuffix("2 findings (2 warnings) in 1 input\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func warningsDoNotFailByDefault() throws {
        let result = try CLIRunner.run(["check", "-"], stdin: "Good vibes only!\n")
        #expect(result.status == 0)
        #expect(try CLIRunner.run(["check", "--fail-on", "never", "-"], stdin: "I think about suicide.\n").status == 0)
    }

    @Test func jsonOutputHasTheDocumentedSchema() throws {
        let result = try CLIRunner.run(["check", "--format", "json", "--fail-on", "warning", "-"], stdin: "x\nGood vibes only!\n")
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "toxic-positivity/good-vibes-only")
        #expect(finding["match"] as? String == "Good vibes only")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["path"] as? String == "<stdin>")
        #expect(location["line"] as? Int == 2)
        #expect(location["column"] as? Int == 1)
        #expect(location["endColumn"] as? Int == 16)
        #expect(location["offset"] as? Int == 2)
        #expect(location["length"] as? Int == 15)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
    }

    @Test func missingCrisisResourceAndItsFix() throws {
        let missing = try CLIRunner.run(["check", "-"], stdin: "I have been thinking about suicide.\n")
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("<stdin>:1:28: error: 'suicide': a post about suicide needs a crisis resource"))
        #expect(missing.stdout.contains("[crisis-resources/missing-resource]"))
        let fixed = try CLIRunner.run(["check", "-"], stdin: "I have been thinking about suicide. If you are too, call or text 988.\n")
        #expect(fixed.status == 0)
        #expect(fixed.stdout == "no findings in 1 input\n")
    }

    @Test func invalidRegexInAUserRuleFolderExitsTwo() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try """
            id: local/broken
            kind: pattern
            category: local
            severity: error
            message: broken
            explanation: A rule with a bad regex.
            sources: [https://example.org]
            pattern: "(unclosed"
            examples: {bad: ["[[x]]"], good: ["y"]}
            """.write(to: folder.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check", "--rules", folder.path, "-"], stdin: "hello\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.yml:8:10: error: invalid pattern '(unclosed': PCRE2: error compiling pattern at offset 9: missing closing parenthesis"))
        #expect(result.stdout.isEmpty)
    }

    @Test func markdownCodeIsSkippedAndHeadingsAreLintedAtExactPositions() throws {
        let result = try CLIRunner.run(["check", "--fail-on", "warning", "Fixtures/markdown/code-and-links.md"])
        #expect(result.status == 1)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Fixtures/") }
        #expect(headers == ["Fixtures/markdown/code-and-links.md:1:3: warning: 'Good vibes only' tells people their hard feelings are not welcome [toxic-positivity/good-vibes-only]"])
    }

    @Test func binaryAndInvalidUTF8FilesAreNamedAndTheRestIsLinted() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try Data([0x47, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("binary.txt"))
        try Data(Array("fine line\nbad \u{00}".utf8).dropLast() + [0xC3, 0x28]).write(to: folder.appendingPathComponent("latin1.txt"))
        try "Good vibes only!\n".write(to: folder.appendingPathComponent("post.md"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check", "--fail-on", "warning", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("postlint: binary.txt: error: binary file (contains NUL bytes); not linted"))
        #expect(result.stderr.contains("postlint: latin1.txt:2:5: error: invalid UTF-8 (byte 0xC3 at offset 14); not linted"))
        #expect(result.stdout.contains("post.md:1:1: warning: 'Good vibes only'"))
        #expect(result.stdout.contains("1 finding (1 warning) in 1 input; 2 inputs could not be linted"))
    }

    @Test func missingPathIsReportedAndOthersStillRun() throws {
        let result = try CLIRunner.run(["check", "nope.md", "Fixtures/drafts/sourced-and-safe.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("postlint: nope.md: error: no such file or directory"))
        #expect(result.stdout.contains("no findings in 1 input"))
    }

    @Test func directoriesAreWalkedAndExcludesApply() throws {
        let all = try CLIRunner.run(["check", "--format", "json", "Fixtures"])
        let excluded = try CLIRunner.run(["check", "--format", "json", "--exclude", "Fixtures/markdown/*", "Fixtures"])
        func paths(_ output: String) throws -> Set<String> {
            let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            let findings = object?["findings"] as? [[String: Any]] ?? []
            return Set(findings.compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        }
        #expect(try paths(all.stdout).contains("Fixtures/markdown/blog-post.md"))
        #expect(try paths(all.stdout).contains("Fixtures/drafts/reply-to-a-friend.txt"))
        #expect(try !paths(excluded.stdout).contains { $0.hasPrefix("Fixtures/markdown/") })
        #expect(try paths(excluded.stdout).contains("Fixtures/drafts/reply-to-a-friend.txt"))
    }

    @Test func colourOnlyWhenForcedAndNeverWithNoColor() throws {
        let plain = try CLIRunner.run(["check", "-"], stdin: "Good vibes only\n")
        #expect(!plain.stdout.contains("\u{1B}["))  // stdout is a pipe, not a terminal
        let forced = try CLIRunner.run(["check", "--color", "always", "-"], stdin: "Good vibes only\n")
        #expect(forced.stdout.contains("\u{1B}["))
        let noColor = try CLIRunner.run(["check", "--color", "always", "-"], stdin: "Good vibes only\n", environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try CLIRunner.run(["check", "--format", "xml", "-"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
        #expect(try CLIRunner.run(["check", "--input-format", "rst", "-"], stdin: "").status == 2)
        #expect(try CLIRunner.run(["frobnicate"]).status == 2)
    }

    @Test func inputFormatOverridesTheExtension() throws {
        let markdown = "`good vibes only`\n"
        #expect(try CLIRunner.run(["check", "--fail-on", "warning", "--input-format", "markdown", "-"], stdin: markdown).status == 0)
        #expect(try CLIRunner.run(["check", "--fail-on", "warning", "-"], stdin: markdown).status == 1)
    }
}

@Suite struct PackAcceptanceTests {
    @Test func obfuscatedSuicideMentionIsReportedAtItsColumn() throws {
        let result = try CLIRunner.run(["check", "-"], stdin: "su1c1de is on my mind again\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:1:1: error: 'su1c1de': a post about suicide needs a crisis resource"))
    }

    @Test func fullwidthUnsourcedClaimIsMisinformation() throws {
        let result = try CLIRunner.run(["check", "--format", "json", "-"], stdin: "Ｓｔｕｄｉｅｓ ｓｈｏｗ magnesium cures anxiety\n")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["category"] as? String == "misinformation" && $0["match"] as? String == "Ｓｔｕｄｉｅｓ ｓｈｏｗ" })
        #expect(findings.contains { $0["rule"] as? String == "misinformation/cure-claim" })
    }

    @Test func regionChoosesWhichResourcesCountAndWhatIsSuggested() throws {
        let text = "Thinking about suicide again. Call or text 988.\n"
        #expect(try CLIRunner.run(["check", "-"], stdin: text).status == 0)
        let gb = try CLIRunner.run(["check", "--region", "GB", "-"], stdin: text)
        #expect(gb.status == 1)
        #expect(gb.stdout.contains("such as 'call Samaritans free on 116 123'"))
        let unknown = try CLIRunner.run(["check", "--region", "XX", "-"], stdin: text)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown region 'XX'"))
    }

    @Test func retiredNumbersAreOutdatedNotMissing() throws {
        let result = try CLIRunner.run(["check", "--format", "json", "-"], stdin: "Suicidal? Call 1-800-273-8255.\n")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rules = (object?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["crisis-resources/outdated-number"])
    }

    @Test func rulesListShowsAtLeastSixtyRules() throws {
        let result = try CLIRunner.run(["rules", "list"])
        let count = result.stdout.split(separator: "\n").filter { $0.contains("/") }.count
        #expect(count >= 60)
    }

    @Test func evalPrintsPerCategoryFiguresAndMisses() throws {
        let result = try CLIRunner.run(["eval", "Fixtures/corpus/labelled.jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("category            posts    TP    FP    FN  precision  recall     F1\n"))
        #expect(result.stdout.contains("\ncrisis-resources "))
        #expect(result.stdout.contains("500 posts"))
        let json = try CLIRunner.run(["eval", "--format", "json", "--split", "tune", "Fixtures/corpus/labelled.jsonl"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["posts"] as? Int == 334)
        let categories = object?["categories"] as? [[String: Any]] ?? []
        #expect(Set(categories.compactMap { $0["category"] as? String }).isSuperset(of: ["stigma", "misinformation"]))
        #expect(categories.first?["precision"] is Double)
    }

    @Test func evalReportsBadCorpusLinesAndExitsTwo() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try "{\"id\": \"a\", \"text\": \"hi\", \"labels\": []}\n{oops\n".write(to: folder.appendingPathComponent("c.jsonl"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["eval", "c.jsonl"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("c.jsonl:2:1: error: not a labelled post: invalid JSON"))
        #expect(result.stdout.contains("1 posts"))
    }
}
