import Foundation
import Testing

/// The sample content repository (Fixtures/content-repo: a configuration, suppressions, a
/// baseline, a house rule) linted end to end by the built binary, with each reporter's output
/// checked against a golden file. Re-record on purpose with POSTLINT_RECORD_GOLDEN=1 (the
/// recording run fails).
@Suite struct ContentRepoTests {
    static let repo = CLIRunner.repository.appendingPathComponent("Fixtures/content-repo")
    static let golden = CLIRunner.repository.appendingPathComponent("Tests/CLITests/Golden")

    static func check(_ output: String, against name: String) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["POSTLINT_RECORD_GOLDEN"] != nil {
            try output.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without POSTLINT_RECORD_GOLDEN")
            return
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from its golden file")
    }

    @Test(arguments: ["text", "json", "sarif", "github", "junit", "checkstyle", "codeclimate", "rdjsonl"])
    func eachReporterMatchesItsGoldenFile(_ format: String) throws {
        let result = try CLIRunner.run(["check", ".", "--baseline", "postlint-baseline.json", "--format", format],
                                       environment: ["GITHUB_STEP_SUMMARY": ""], in: Self.repo)
        #expect(result.status == 1)  // fail-on: warning in the configuration
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        try Self.check(result.stdout, against: "content-repo.\(format)")
    }

    @Test func configurationBaselineAndSuppressionsShapeTheFindings() throws {
        let result = try CLIRunner.run(["check", ".", "--format", "json"], in: Self.repo)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        let rules = findings.compactMap { $0["rule"] as? String }
        // Without the baseline the known finding in grief.md is back.
        #expect(rules.contains("toxic-positivity/everything-happens-for-a-reason"))
        // Switched off in the configuration; excluded folder; suppressed with a reason; code block.
        #expect(!rules.contains("stigma/suffering-from"))
        #expect(!findings.contains { (($0["location"] as? [String: Any])?["path"] as? String)?.contains("drafts/") == true })
        #expect(!rules.contains("toxic-positivity/good-vibes-only"))
        // The override makes toxic positivity an error under posts/.
        #expect(findings.contains { $0["rule"] as? String == "toxic-positivity/think-positive" && $0["severity"] as? String == "error" })
        // The house rule from rule-folders runs; the superfluous suppression is reported.
        #expect(rules.contains("house/hustle-culture"))
        #expect(rules.contains("postlint/superfluous-suppression"))
    }

    @Test func failOnAndRequireReasonChangeTheExitCode() throws {
        #expect(try CLIRunner.run(["check", ".", "--baseline", "postlint-baseline.json", "--fail-on", "never"], in: Self.repo).status == 0)
        let strict = try CLIRunner.run(["check", "posts", "--require-reason", "--format", "json"], in: Self.repo)
        #expect(!strict.stdout.contains("postlint/suppression-without-reason"))  // both directives give reasons
        let folder = try CLIRunner.temporaryDirectory()
        try "<!-- postlint-disable-next-line toxic-positivity -->\nGood vibes only\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let missing = try CLIRunner.run(["check", "--no-config", "--require-reason", "a.md"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("a.md:1:6: error: 'postlint-disable-next-line toxic-positivity' gives no reason; add one after ' -- ' [postlint/suppression-without-reason]"))
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let sarif = folder.appendingPathComponent("out.sarif")
        let result = try CLIRunner.run(["check", ".", "--format", "sarif:\(sarif.path)", "--format", "text"], in: Self.repo)
        #expect(result.status == 1)
        #expect(result.stdout.contains("findings"))  // the text report went to standard output
        let schema = CLIRunner.repository.appendingPathComponent("Tests/CLITests/Schemas/sarif-schema-2.1.0.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // scripts/test.sh names a python3 with jsonschema (Debian's package or a venv).
        process.arguments = [ProcessInfo.processInfo.environment["POSTLINT_PYTHON"] ?? "python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
            jsonschema.Draft4Validator(schema).validate(log)
            run = log["runs"][0]
            assert run["columnKind"] == "unicodeCodePoints"
            assert all(r["partialFingerprints"]["primaryLocationLineHash"] for r in run["results"])
            assert all(d["help"]["markdown"] and d["shortDescription"]["text"] and d["fullDescription"]["text"] for d in run["tool"]["driver"]["rules"])
            assert not any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(("/", "./")) for r in run["results"])
            print("valid", len(run["results"]))
            """, schema.path, sarif.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.hasPrefix("valid "))
    }

    @Test func githubAnnotationsEscapeEverythingAndWriteAStepSummary() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try """
            id: odd/chars
            kind: phrases
            category: odd
            severity: error
            message: "100% bad, really: see\\nthe docs"
            explanation: A message with every character GitHub needs escaped.
            sources: [https://example.org]
            phrases: [vibes]
            examples: {bad: ["[[vibes]]", "good [[vibes]]"], good: ["x", "y"]}
            """.write(to: folder.appendingPathComponent("rules/odd.yml"), atomically: true, encoding: .utf8)
        try "vibes\n".write(to: folder.appendingPathComponent("a,b:c.md"), atomically: true, encoding: .utf8)
        let summary = folder.appendingPathComponent("summary.md")
        let result = try CLIRunner.run(["check", "--no-config", "--no-builtin-rules", "--rules", "rules", "--format", "github", "a,b:c.md"],
                                       environment: ["GITHUB_STEP_SUMMARY": summary.path], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "::error file=a%2Cb%3Ac.md,line=1,col=1,endColumn=6,endLine=1,title=postlint odd/chars::100%25 bad, really: see%0Athe docs%0ASource: https://example.org\n")
        let table = try String(contentsOf: summary, encoding: .utf8)
        #expect(table.contains("| `a,b:c.md:1:1` | error | `odd/chars` |"))
    }

    @Test func configurationErrorsPointAtFileLineAndColumn() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try "version: 1\nrules:\n  toxic-positivity/good-vibes-onyl: off\n".write(to: folder.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        let unknownRule = try CLIRunner.run(["check", "-"], stdin: "hi\n", in: folder)
        #expect(unknownRule.status == 2)
        #expect(unknownRule.stderr.contains(".postlint.yml:3:3: error: unknown rule 'toxic-positivity/good-vibes-onyl'; did you mean 'toxic-positivity/good-vibes-only'?"))
        try "version: 1\nfail_on: warning\n".write(to: folder.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        let unknownKey = try CLIRunner.run(["check", "-"], stdin: "hi\n", in: folder)
        #expect(unknownKey.status == 2)
        #expect(unknownKey.stderr.contains(".postlint.yml:2:1: error: unknown key 'fail_on' in the configuration; did you mean 'fail-on'?"))
        try "version: 1\nfail-on: warnings\n".write(to: folder.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        let badValue = try CLIRunner.run(["check", "-"], stdin: "hi\n", in: folder)
        #expect(badValue.stderr.contains(".postlint.yml:2:10: error: 'fail-on' must be one of error, warning, info, never; did you mean 'warning'?"))
    }

    @Test func fixRewritesProseOnlyAndDryRunPrintsADiff() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let text = "---\ntitle: He committed suicide\n---\nHe committed suicide in 2019.\n\n`committed suicide`\n"
        let file = folder.appendingPathComponent("post.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let dry = try CLIRunner.run(["check", "--no-config", "--fix", "--dry-run", "post.md"], in: folder)
        #expect(dry.stdout == "--- a/post.md\n+++ b/post.md\n@@ -1,7 +1,7 @@\n ---\n title: He committed suicide\n ---\n-He committed suicide in 2019.\n+He died by suicide in 2019.\n \n `committed suicide`\n \n")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        let fixed = try CLIRunner.run(["check", "--no-config", "--fix", "--fail-on", "never", "post.md"], in: folder)
        #expect(fixed.status == 0)
        #expect(fixed.stderr.contains("fixed 1 finding in 1 file"))
        #expect(try String(contentsOf: file, encoding: .utf8) == text.replacingOccurrences(of: "He committed suicide in", with: "He died by suicide in"))
    }

    @Test func diffBaseReportsOnlyChangedLines() throws {
        let folder = try CLIRunner.temporaryDirectory()
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
            process.currentDirectoryURL = folder
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            process.waitUntilExit()
        }
        let file = folder.appendingPathComponent("post.md")
        try "Good vibes only.\n\nNothing here.\n".write(to: file, atomically: true, encoding: .utf8)
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "first")
        try "Good vibes only.\n\nEverything happens for a reason.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check", "--no-config", "--diff-base", "HEAD", "--format", "json", "post.md"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rules = (object?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["toxic-positivity/everything-happens-for-a-reason"])
        let bad = try CLIRunner.run(["check", "--no-config", "--diff-base", "no-such-ref", "post.md"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'no-such-ref' is not a known git revision"))
        // A revision that looks like an option never reaches git as one (git would write the file).
        let injected = try CLIRunner.run(["check", "--no-config", "--diff-base=--output=written.txt", "post.md"], in: folder)
        #expect(injected.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("written.txt").path))
    }

    @Test func initWritesAStarterThatLoads() throws {
        let folder = try CLIRunner.temporaryDirectory()
        #expect(try CLIRunner.run(["init"], in: folder).status == 0)
        #expect(try CLIRunner.run(["init"], in: folder).status == 2)  // exists already
        let result = try CLIRunner.run(["check", "-"], stdin: "hello\n", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
