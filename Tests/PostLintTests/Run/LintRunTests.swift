import Foundation
@testable import PostLint
import Testing

/// The one pipeline: configured severities, suppressions, baseline and rule failures are
/// applied before anything is counted, so findings and every summary agree.
@Suite struct LintRunTests {
    /// A folder with a `test/rule` rule file (phrase `vibes`), a JSON Lines export and
    /// optionally a `.postlint.yml`.
    struct Workspace {
        let root: URL
        var path: String { root.path }
        func file(_ name: String) -> String { root.appendingPathComponent(name).path }

        init(config: String? = nil, rule: String = ruleYAML(kind: "phrases", "phrases: [vibes]"),
             posts: [String] = ["good vibes", "calm day", "more vibes here, vibes"]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("lintrun-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
            try rule.write(toFile: root.appendingPathComponent("rules/rule.yml").path, atomically: true, encoding: .utf8)
            let lines = posts.enumerated().map { index, text in
                #"{"id": "p\#(index)", "created_at": "2025-0\#(index % 2 + 1)-01T00:00:00Z", "text": "\#(text)"}"#
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: root.appendingPathComponent("posts.jsonl").path, atomically: true, encoding: .utf8)
            if let config { try config.write(toFile: root.appendingPathComponent(".postlint.yml").path, atomically: true, encoding: .utf8) }
        }

        func options(_ change: (inout RunOptions) -> Void = { _ in }) -> RunOptions {
            var options = RunOptions()
            options.includeBuiltinRules = false
            options.ruleFolders = [file("rules")]
            options.configuration = FileManager.default.fileExists(atPath: file(".postlint.yml")) ? .file(file(".postlint.yml")) : .none
            change(&options)
            return options
        }
    }

    @Test func aBaselineCoveringEveryFindingLeavesNothingCounted() throws {
        let workspace = try Workspace()
        let first = try LintRun(options: workspace.options { $0.recordBaseline = true })
            .run(paths: [workspace.file("posts.jsonl")], sinks: [])
        #expect(first.posts?.findings == 3 && first.posts?.postsFlagged == 2)
        try Baseline(documents: first.recorded).encoded().write(to: URL(fileURLWithPath: workspace.file("baseline.json")))

        let sink = CollectingSink()
        let report = try LintRun(options: workspace.options { $0.baselinePath = workspace.file("baseline.json") })
            .run(paths: [workspace.file("posts.jsonl")], sinks: [sink])
        #expect(report.findings.isEmpty)
        #expect(report.posts?.findings == 0 && report.posts?.postsFlagged == 0 && report.posts?.flaggedByMonth == [:])
        #expect(report.posts?.postsLinted == 3)
        #expect(report.summary.findings == 0)
        #expect(sink.items.isEmpty)
        #expect(report.status(failingAt: .info) == .clean)
    }

    @Test func configuredSeveritiesAreWhatEverySummaryCounts() throws {
        let workspace = try Workspace(config: "version: 1\nrules:\n  test/rule: info\n")
        let report = try LintRun(options: workspace.options()).run(paths: [workspace.file("posts.jsonl")], sinks: [])
        #expect(report.findings.map(\.severity) == [.info, .info, .info])
        #expect(report.posts?.bySeverity == ["info": 3])
        #expect(report.summary.info == 3 && report.summary.warnings == 0)
        #expect(report.status(failingAt: .warning) == .clean && report.status(failingAt: .info) == .findings)
    }

    @Test func aRuleSwitchedOffIsNeitherReportedNorCompiledTwice() throws {
        let workspace = try Workspace(config: "version: 1\nrules:\n  test/rule: off\n")
        let run = try LintRun(options: workspace.options())
        #expect(run.linter.rules.isEmpty)
        #expect(run.run(paths: [workspace.file("posts.jsonl")], sinks: []).posts?.findings == 0)
        // Disabling shares the compiled rules: nothing is compiled again.
        let full = try LintRun(options: Workspace().options())
        let kept = full.linter.disabling(["other/rule"])
        #expect(kept.compiled.first === full.linter.compiled.first)
    }

    @Test func suppressionCommentsApplyToPostsToo() throws {
        let workspace = try Workspace(posts: [#"postlint-disable-next-line test/rule -- a lyric\ngood vibes"#, "vibes"])
        let report = try LintRun(options: workspace.options()).run(paths: [workspace.file("posts.jsonl")], sinks: [])
        #expect(report.findings.map { $0.location.post?.id } == ["p1"])
        #expect(report.posts?.findings == 1 && report.posts?.postsFlagged == 1)
    }

    @Test func aRuleFailureOnAPostIsReportedNotDropped() throws {
        let catastrophic = ruleYAML(kind: "pattern", "pattern: '(a+)+$'", bad: "\"[[a]]\"", good: "\"b\"")
        let long = String(repeating: "a", count: 20_000) + "b"
        let workspace = try Workspace(rule: catastrophic, posts: [long, "fine"])
        let sink = CollectingSink()
        let report = try LintRun(options: workspace.options()).run(paths: [workspace.file("posts.jsonl")], sinks: [sink])
        #expect(report.posts?.ruleFailures == 1)
        #expect(sink.problems.count == 1 && sink.problems.first?.message.contains("post p0") == true)
        #expect(report.problems.contains { $0.message.contains("rules failed on 1 post") })
        #expect(report.status(failingAt: .never) == .problems)

        let accepted = try LintRun(options: workspace.options { $0.skipBadRecords = true })
            .run(paths: [workspace.file("posts.jsonl")], sinks: [])
        #expect(accepted.problems.isEmpty && accepted.posts?.ruleFailures == 1)
    }

    @Test func lintTextIsWhatCheckReports() throws {
        let workspace = try Workspace(config: "version: 1\noverrides:\n  - files: [\"drafts/**\"]\n    rules:\n      test/rule: error\n")
        let run = try LintRun(options: workspace.options())
        #expect(run.lint(text: "good vibes", path: "posts/a.md").findings.map(\.severity) == [.warning])
        #expect(run.lint(text: "good vibes", path: "drafts/a.md").findings.map(\.severity) == [.error])
        #expect(run.lint(text: "calm").findings.isEmpty)
    }

    @Test func aBadConfigurationStopsTheRunWithItsPosition() throws {
        let workspace = try Workspace(config: "version: 1\nrulez: {}\n")
        #expect(throws: RunSetupError.self) { try LintRun(options: workspace.options()) }
        do {
            _ = try LintRun(options: workspace.options())
        } catch {
            #expect(error.lines.first?.contains(".postlint.yml:2:1") == true)
            #expect(error.lines.last == "postlint: the configuration could not be read; nothing was linted")
        }
    }

    @Test func thresholds() {
        #expect(Threshold.warning.isMet(by: .error) && Threshold.warning.isMet(by: .warning) && !Threshold.warning.isMet(by: .info))
        #expect(!Threshold.never.isMet(by: .error) && Threshold.info.isMet(by: .info) && !Threshold.error.isMet(by: .warning))
    }
}
