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
        #expect(try CLIRunner.run(["check", "--fix", "--format", "json", "-"], stdin: "x\n").status == 2)
    }

    @Test func issue12_2_adviceIsNeverPastedIntoTheSentence() throws {
        // The issue's sentence comes back exactly as it was.
        let criticism = "They tell you to just think positive. Please do not.\n"
        #expect(try CLIRunner.run(["check", "--fix", "--fail-on", "never", "-"], stdin: criticism).stdout == criticism)
        // Where the rule fires, its whole-sentence suggestion stays advice and is not pasted in.
        let text = "Just think positive. Please do not.\n"
        let result = try CLIRunner.run(["check", "--fix", "--fail-on", "never", "-"], stdin: text)
        #expect(result.stdout == text)
        #expect(result.stderr.contains("fixed 0 findings"))
        #expect(result.stderr.contains("toxic-positivity/think-positive"))
        #expect(result.stderr.contains("suggestion: That sounds hard. I'm here for you."))
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

    // MARK: - 4. Installable (the binary itself: InstalledBinaryTests)

    @Test func issue12_4_installScriptDockerfileAndCachedAction() throws {
        let root = CLIRunner.repository
        let install = try String(contentsOf: root.appendingPathComponent("scripts/install.sh"), encoding: .utf8)
        #expect(install.contains("--static-swift-stdlib"))
        #expect(install.contains("prefix=/usr/local"))
        let usage = Process()
        usage.executableURL = URL(fileURLWithPath: "/bin/bash")
        usage.arguments = [root.appendingPathComponent("scripts/install.sh").path, "--prefix"]
        usage.standardError = Pipe()
        try usage.run()
        usage.waitUntilExit()
        #expect(usage.terminationStatus == 2)  // --prefix without a folder is a usage error, before any build
        let docker = try String(contentsOf: root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        #expect(docker.contains("scripts/install.sh"))
        #expect(docker.contains("libpcre2-8-0 zlib1g libarchive13"))
        let action = try String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8)
        #expect(action.contains("actions/cache@"))
        #expect(action.contains("steps.version.outputs.commit"))
        #expect(action.contains("if: steps.cache.outputs.cache-hit != 'true'"))
    }

    // MARK: - 5. Test dependencies on a stock Debian

    @Test func issue12_5_testDependenciesNeverPipIntoTheSystemPython() throws {
        let root = CLIRunner.repository
        let test = try String(contentsOf: root.appendingPathComponent("scripts/test.sh"), encoding: .utf8)
        let deps = try String(contentsOf: root.appendingPathComponent("scripts/test-deps.sh"), encoding: .utf8)
        #expect(!test.contains("pip install"))
        // pip only runs inside the virtual environment.
        for line in deps.split(separator: "\n") where line.contains("pip install") { #expect(line.contains("$venv/bin/python3")) }
        #expect(deps.contains("python3-jsonschema"))
        let ensure = try String(contentsOf: root.appendingPathComponent("scripts/ensure-deps.sh"), encoding: .utf8)
        #expect(ensure.split(separator: "\n").contains { $0.contains("apt-get install") && $0.contains("zlib1g-dev") })
        // The python3 test-deps.sh names can validate SARIF.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/test-deps.sh").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let python = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import jsonschema"]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    // MARK: - 6. init writes a neutral starter

    @Test func issue12_6_initWritesEveryKeyAtItsDefault() throws {
        let root = try folder(["post.md": "I'm suffering from depression.\n"])
        let result = try CLIRunner.run(["init"], in: root)
        #expect(result.status == 0)
        let starter = try String(contentsOf: root.appendingPathComponent(".postlint.yml"), encoding: .utf8)
        for key in ["version", "fail-on", "region", "packs", "rules", "rule-folders", "include", "exclude", "overrides"] {
            #expect(starter.contains("\n\(key):") || starter.contains("\n# \(key):"), "missing key \(key)")
        }
        // Neutral: nothing switched off, nothing raised.
        #expect(!starter.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.hasSuffix(": off") })
        #expect(!starter.contains("\n  stigma: false"))
        #expect(starter.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("error") && !$0.hasPrefix("fail-on") }.isEmpty)
        // It loads, and a rule the old sample switched off reports.
        let check = try CLIRunner.run(["check", "--fail-on", "info", "post.md"], in: root)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("stigma/suffering-from"))
    }

    // MARK: - 7. CI conventions

    @Test func issue12_7_quietReportsErrorsOnly() throws {
        let text = "Good vibes only! I have been thinking about suicide.\n"
        let all = try CLIRunner.run(["check", "--fail-on", "never", "-"], stdin: text)
        #expect(all.stdout.contains("warning:"))
        let quiet = try CLIRunner.run(["check", "--quiet", "--fail-on", "never", "-"], stdin: text)
        #expect(!quiet.stdout.contains("warning:"))
        #expect(quiet.stdout.contains("error:"))
    }

    @Test func issue12_7_maxWarnings() throws {
        let text = "Good vibes only!\n"
        #expect(try CLIRunner.run(["check", "--max-warnings", "1", "-"], stdin: text).status == 0)
        let over = try CLIRunner.run(["check", "--max-warnings", "0", "-"], stdin: text)
        #expect(over.status == 1)
        #expect(try CLIRunner.run(["check", "--max-warnings", "-1", "-"], stdin: text).status == 2)
    }

    @Test func issue12_7_didYouMeanForCommandsAndRuleIds() throws {
        let command = try CLIRunner.run(["chek"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("unknown command 'chek'; did you mean 'check'?"))
        let sub = try CLIRunner.run(["rules", "shwo", "x"])
        #expect(sub.stderr.contains("did you mean 'rules show'?"))
        let rule = try CLIRunner.run(["rules", "show", "good-vibes-only"])
        #expect(rule.status == 2)
        #expect(rule.stderr.contains("did you mean 'toxic-positivity/good-vibes-only'?"))
        // A path that exists is linted, not taken for a command.
        let root = try folder(["chek": "Hello.\n"])
        #expect(try CLIRunner.run(["chek"], in: root).status == 0)
    }

    @Test func issue12_7_junitInfoIsNotAFailure() throws {
        let result = try CLIRunner.run(["check", "--format", "junit", "--fail-on", "never", "--stdin-filename", "a.txt", "-"],
                                       stdin: "Just stay positive.\n")
        #expect(result.stdout.contains("toxic-positivity/think-positive"))
        #expect(result.stdout.contains("failures=\"0\""))
        #expect(result.stdout.contains("<system-out>info:"))
    }

    @Test func issue12_7_sarifHelpUriIsTheRulePage() throws {
        let result = try CLIRunner.run(["check", "--format", "sarif", "--fail-on", "never", "-"], stdin: "Good vibes only!\n")
        #expect(result.stdout.contains("\"helpUri\" : \"https://github.com/postlint/postlint/blob/main/docs/rules/toxic-positivity/good-vibes-only.md\""))
    }

    /// The committed rule pages are what `rules docs` writes from today's rules. When rules
    /// change, refresh them with `swift run postlint rules docs --out docs/rules`.
    @Test func issue12_7_committedRulePagesAreCurrent() throws {
        let out = try CLIRunner.temporaryDirectory()
        let result = try CLIRunner.run(["rules", "docs", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = CLIRunner.repository.appendingPathComponent("docs/rules")
        func files(_ root: URL) -> [String: String] {
            var found: [String: String] = [:]
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let path = walker?.nextObject() as? String {
                guard path.hasSuffix(".md") else { continue }
                found[path] = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            }
            return found
        }
        let fresh = files(out), current = files(committed)
        let stale = Set(fresh.keys).union(current.keys).filter { fresh[$0] != current[$0] }.sorted()
        #expect(stale.isEmpty, "docs/rules is stale (\(stale.prefix(5).joined(separator: ", "))); refresh it with: swift run postlint rules docs --out docs/rules")
        #expect(fresh["README.md"]?.contains("[toxic-positivity/good-vibes-only](toxic-positivity/good-vibes-only.md)") == true)
        #expect(fresh["safe-messaging/committed-suicide.md"]?.contains("| committed suicide | died by suicide |") == true)
    }

    // MARK: - 8. A readable audit

    @Test func issue12_8_auditShowsPlainExcerptsISOTimesAndEveryMonth() throws {
        var lines: [String] = []
        lines.append(#"{"id": "1", "created_at": "Tue Jan 21 00:21:51 +0000 2025", "text": "<p>Good vibes only &amp; smile, it&#39;s <a href=\"https://x.org\">fine</a></p>"}"#)
        lines.append(#"{"id": "2", "created_at": "2025-04-02T10:00:00+02:00", "text": "Good vibes only, friends"}"#)
        let root = try folder(["a/one/posts.jsonl": lines.joined(separator: "\n") + "\n", "a/two/more.jsonl": #"{"id": "3", "text": "Hello"}"# + "\n"])
        let html = root.appendingPathComponent("report.html").path
        let result = try CLIRunner.run(["audit", "a/one/posts.jsonl", "a/two/more.jsonl", "--html", html], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 of 3 posts need attention"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<mark>Good vibes only</mark> &amp; smile, it&#39;s fine") || page.contains("<mark>Good vibes only</mark> &amp; smile, it's fine"))
        #expect(!page.contains("&lt;p&gt;"))
        #expect(!page.contains("&amp;amp;"))
        #expect(!page.contains("&amp;#39;"))
        #expect(page.contains("2025-01-21T00:21:51Z"))
        #expect(page.contains("2025-04-02T08:00:00Z"))
        #expect(!page.contains("Tue Jan 21"))
        for month in ["2025-01", "2025-02", "2025-03", "2025-04"] { #expect(page.contains(">\(month)</text>"), "month \(month)") }
        #expect(page.contains("2 inputs in a/"))
        #expect(page.contains("Toxic positivity: 2 posts"))
        #expect(!page.contains("1 posts"))
        // No progress line when standard error is not a terminal.
        #expect(!result.stderr.contains("%"))
    }

    @Test func issue12_8_progressBarOnATerminal() throws {
        // `script` gives the binary a terminal; the bar needs a known total (a file, not a pipe).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let root = try folder([:])
        let post = #"{"id": "1", "text": "Good vibes only, friends"}"#
        try (Array(repeating: post, count: 200_000).joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("big.jsonl"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(CLIRunner.binary.path)' audit big.jsonl >/dev/null", "/dev/null"]
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("% of "), "\(text.suffix(300))")
        #expect(text.contains("ETA ") || text.contains("100%"))
    }
}
