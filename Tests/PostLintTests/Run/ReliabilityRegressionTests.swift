import Foundation
@testable import PostLint
import Testing

/// Reproducers from the first fuzzing run (issue 17): each crashed, hung or lost data before.
@Suite struct ReliabilityRegressionTests {
    @Test func baselineCountsThatAddPastIntMaxDoNotTrap() throws {
        let entry = #"{"path": "a.md", "rule": "r", "fingerprint": "f", "count": 9223372036854775807}"#
        let json = #"{"version": 1, "entries": [\#(entry), \#(entry)]}"#
        let baseline = try JSONDecoder().decode(Baseline.self, from: Data(json.utf8))
        var filter = BaselineFilter(baseline)
        _ = filter.apply(LintedDocument(document: Document(text: "x", path: "a.md"), findings: []))
    }

    @Test func deeplyNestedYAMLIsRefusedWithItsPosition() throws {
        let nested = "version: 1\nrules: " + String(repeating: "[", count: 100_000) + "\n"
        #expect(throws: Diagnostic.self) { try Configuration.parse(nested, path: ".postlint.yml") }
        do { _ = try Configuration.parse(nested, path: ".postlint.yml") } catch {
            #expect(error.line == 2 && error.message.contains("nested more than"))
        }
        let rule = "id: a/b\nkind: phrases\nphrases: " + String(repeating: "[", count: 100_000)
        #expect(throws: PostLintError.self) { try Linter(configuration: LinterConfiguration(includeBuiltinRules: false,
                                                                                              extraRuleFiles: [RuleFile(path: "r.yml", contents: rule)])) }
        // An apostrophe in plain text does not hide the brackets after it.
        #expect(throws: Diagnostic.self) { try Configuration.parse("version: 1\nrules: [don't " + String(repeating: "[", count: 100_000) + "\n", path: "c.yml") }
        #expect(throws: Diagnostic.self) { try Configuration.parse("version: 1\nx: don't\nrules: " + String(repeating: "[", count: 100_000) + "\n", path: "c.yml") }
        // Quoted brackets and comments do not count.
        _ = try Configuration.parse("version: 1\n# " + String(repeating: "[", count: 500) + "\ninclude: [\"" + String(repeating: "[", count: 500) + "\"]\n",
                                    path: ".postlint.yml")
    }

    /// YAML counts NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks, editors do not:
    /// a file holding one is refused at the position an editor shows (the fuzzer found an error
    /// reported at line 4 of a two-line rule file).
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func yamlOnlyLineBreaksAreRefusedWhereAnEditorShowsThem(separator: String) throws {
        let config = "version: 1\r\nregion: GB \(separator) x\n"
        do {
            _ = try Configuration.parse(config, path: ".postlint.yml")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2 && error.column == 12, "\(error)")
            #expect(error.message.contains("ends a line for YAML but not in editors"))
        }
        let rule = "id: sdesc }x\"]\n \(separator)^.Ro1seIn@|rn"
        do {
            _ = try Linter(configuration: LinterConfiguration(includeBuiltinRules: false, extraRuleFiles: [RuleFile(path: "r.yml", contents: rule)]))
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("r.yml:2:2:"), "\(error)")
        }
    }

    @Test(arguments: ["1e300", "99999999999999999999", "-5", "Tue Jan 21 00:21:51 +0000 99999999999", "nan", "inf"])
    func outOfRangeTimestampsHaveNoMonth(timestamp: String) {
        #expect(Timestamps.month(of: timestamp) == nil)
    }

    @Test func aRevisionIsNeverPassedToGitAsAnOption() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)").path
        #expect(throws: PostLintError.self) { try ChangedLines.since("--output=\(target)") }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func ruleFoldersOfAConfigurationStayInsideItsFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let config = root.appendingPathComponent(".postlint.yml").path
        try "version: 1\nrule-folders: [\"/\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        var options = RunOptions()
        options.configuration = .file(config)
        do {
            _ = try LintRun(options: options)
            Issue.record("a rule folder outside the repository was accepted")
        } catch {
            #expect(error.lines.first?.contains(".postlint.yml:2:") == true && error.lines.first?.contains("outside") == true)
        }
        try "version: 1\nrule-folders: [missing]\n".write(toFile: config, atomically: true, encoding: .utf8)
        do {
            _ = try LintRun(options: options)
            Issue.record("a missing rule folder was accepted")
        } catch {
            #expect(error.lines.first?.contains(".postlint.yml:2:") == true && error.lines.first?.contains("does not exist") == true)
        }
    }
}

@Suite struct LongLineTextOutputTests {
    /// A 32 KB line with 2,000 matches printed the whole line for each finding (96 MB).
    @Test func aLongLineIsShownAsAWindowAroundEachMatch() throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [vibes]")])
        let text = String(repeating: "good vibes é ", count: 2_000)
        let document = Document(text: text, path: "long.txt")
        let findings = linter.lint(document).findings
        #expect(findings.count == 2_000)
        let output = TextReporter().render(RunReport(documents: [LintedDocument(document: document, findings: findings)], problems: []))
        #expect(output.utf8.count < 2_000 * 600)
        // The caret still points at the match inside the window.
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = try #require(lines.firstIndex { $0.contains(" | …") })
        let source = String(lines[shown]), caret = String(lines[shown + 1])
        let column = caret.distance(from: caret.startIndex, to: try #require(caret.firstIndex(of: "^")))
        #expect(String(Array(source)[column..<(column + 5)]) == "vibes")
    }

    /// PCRE2's limits bound each attempt, not their sum: a long text gets a time budget, and
    /// running out of it is a reported failure, never a silent skip.
    @Test func theRulesTimeBudgetOnALongTextIsAReportedFailure() throws {
        let text = String(repeating: "Good vibes only, others have it worse. ", count: 600)
        var configuration = LinterConfiguration()
        configuration.timeBudget = .zero
        let result = try Linter(configuration: configuration).lint(Document(text: text, path: "long.txt"))
        let failure = try #require(result.failures.first)
        #expect("\(failure)".contains("time budget") && "\(failure)".contains("did not run in long.txt"))
        // A short text is not timed; the default budget leaves a long one alone.
        #expect(try Linter(configuration: configuration).lint(Document(text: "Good vibes only!")).failures.isEmpty)
        let full = try Linter().lint(Document(text: text, path: "long.txt"))
        #expect(full.failures.isEmpty && full.findings.count >= 1200)
    }

    /// Exceptions ask "within N words?" of every candidate in a text; counting each gap in full
    /// made a 400 KB document take 14 s in one rule. The count now stops past the limit, with
    /// the same answers.
    @Test func wordGapsStopCountingPastTheLimit() {
        let text = Array(("my " + String(repeating: "word ", count: 50_000) + "stop taking your meds").utf8)
        let my = 0..<2, meds = (text.count - 4)..<text.count
        #expect(Sentences.wordsBetween(my, meds, in: text) == 50_003)
        #expect(Sentences.wordsBetween(my, meds, in: text, limit: 2) == 3)
        #expect(Sentences.wordsBetween(0..<2, 3..<7, in: text, limit: 0) == 0)
    }

    @Test func aFarExceptionWordDoesNotCancelAMatchInALongDocument() throws {
        let far = "I " + String(repeating: "walked the dog. ", count: 20_000) + "Stop taking your meds and see!"
        let findings = try Linter().lint(Document(text: far, path: "long.txt"))
        #expect(findings.failures.isEmpty)
        #expect(findings.findings.contains { $0.rule == "misinformation/anti-treatment" })
    }
}
