import Foundation
import PostLint
import Testing

/// `check` (json and jsonl), `audit` and the library run the same pipeline: the same findings
/// and the same counts, with a configuration and a baseline applied before anything is counted.
@Suite struct PipelineTests {
    static let rule = """
        id: house/vibes
        kind: phrases
        category: toxic-positivity
        severity: warning
        message: "'{match}' again"
        explanation: For tests.
        sources: [https://example.org/rule]
        phrases: [vibes]
        examples:
          bad: ["[[vibes]]"]
          good: ["calm"]
        """
    static let other = Self.rule.replacingOccurrences(of: "house/vibes", with: "house/calm")
        .replacingOccurrences(of: "phrases: [vibes]", with: "phrases: [calm]")
        .replacingOccurrences(of: "[[vibes]]", with: "[[calm]]").replacingOccurrences(of: "good: [\"calm\"]", with: "good: [\"vibes\"]")

    /// A content folder: two house rules, posts over two months, and a configuration.
    static func workspace(config: String) throws -> URL {
        let root = try CLIRunner.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try rule.write(to: root.appendingPathComponent("rules/vibes.yml"), atomically: true, encoding: .utf8)
        try other.write(to: root.appendingPathComponent("rules/calm.yml"), atomically: true, encoding: .utf8)
        let posts = ["good vibes", "calm day", "vibes and more vibes", "nothing", "calm vibes"].enumerated().map { index, text in
            #"{"id": "p\#(index)", "created_at": "2025-0\#(index % 2 + 1)-02T10:00:00Z", "text": "\#(text)"}"#
        }
        try (posts.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("posts.jsonl"), atomically: true, encoding: .utf8)
        try config.write(to: root.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        return root
    }

    static let config = "version: 1\nrule-folders: [rules]\nrules:\n  house/vibes: info\n  house/calm: off\n"

    func object(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func key(_ finding: [String: Any]) -> String {
        let location = finding["location"] as? [String: Any] ?? [:]
        let post = (location["post"] as? [String: Any])?["id"] as? String ?? "?"
        return "\(post) \(finding["rule"] as? String ?? "") \(finding["severity"] as? String ?? "") \(location["offset"] as? Int ?? -1)"
    }

    func counts(_ posts: [String: Any]) -> [String: String] {
        ["postsRead", "postsLinted", "postsFlagged", "findings", "byRule", "bySeverity", "byCategory", "flaggedByMonth", "postsByMonth"]
            .reduce(into: [:]) { result, name in
                let value = posts[name].flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
                result[name] = value.map { String(decoding: $0, as: UTF8.self) } ?? "missing"
            }
    }

    @Test func aBaselineCoveringEveryFindingLeavesTheCountsAtZero() throws {
        let root = try Self.workspace(config: "version: 1\nrule-folders: [rules]\n")
        let recorded = try CLIRunner.run(["check", "--no-builtin-rules", "--write-baseline", "baseline.json", "posts.jsonl"], in: root)
        #expect(recorded.stderr.contains("wrote 6 findings to baseline"))
        let result = try CLIRunner.run(["check", "--no-builtin-rules", "--baseline", "baseline.json", "--format", "json", "posts.jsonl"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        let posts = try #require(json["posts"] as? [String: Any])
        #expect((json["findings"] as? [Any])?.count == 0)
        #expect(posts["findings"] as? Int == 0 && posts["postsFlagged"] as? Int == 0 && posts["postsLinted"] as? Int == 5)
    }

    @Test func aSeverityFromTheConfigurationIsWhatTheSummaryCounts() throws {
        let root = try Self.workspace(config: Self.config)
        let result = try CLIRunner.run(["check", "--no-builtin-rules", "--format", "json", "--fail-on", "warning", "posts.jsonl"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try object(result.stdout)
        let posts = try #require(json["posts"] as? [String: Any])
        #expect(posts["bySeverity"] as? [String: Int] == ["info": 4])
        #expect((json["findings"] as? [[String: Any]])?.allSatisfy { $0["severity"] as? String == "info" } == true)
    }

    @Test func auditReadsTheConfigurationAndTheBaseline() throws {
        let root = try Self.workspace(config: Self.config)
        let audit = try CLIRunner.run(["audit", "--no-builtin-rules", "--format", "json", "posts.jsonl"], in: root)
        #expect(audit.status == 0, "\(audit.stderr)")
        let summary = try #require(try object(audit.stdout)["summary"] as? [String: Any])
        #expect(summary["byRule"] as? [String: Int] == ["house/vibes": 4])  // house/calm is off
        #expect(summary["bySeverity"] as? [String: Int] == ["info": 4])

        let ignored = try CLIRunner.run(["audit", "--no-builtin-rules", "--no-config", "--rules", "rules", "--format", "json", "posts.jsonl"], in: root)
        let all = try #require(try object(ignored.stdout)["summary"] as? [String: Any])
        #expect(all["byRule"] as? [String: Int] == ["house/calm": 2, "house/vibes": 4])

        _ = try CLIRunner.run(["check", "--no-builtin-rules", "--write-baseline", "baseline.json", "posts.jsonl"], in: root)
        let baselined = try CLIRunner.run(["audit", "--no-builtin-rules", "--baseline", "baseline.json", "--format", "json", "posts.jsonl"], in: root)
        let none = try #require(try object(baselined.stdout)["summary"] as? [String: Any])
        #expect(none["findings"] as? Int == 0 && none["postsFlagged"] as? Int == 0 && none["postsLinted"] as? Int == 5)
    }

    @Test func libraryCheckJSONCheckJSONLinesAndAuditAgree() throws {
        let root = try Self.workspace(config: Self.config)
        let json = try object(try CLIRunner.run(["check", "--no-builtin-rules", "--format", "json", "posts.jsonl"], in: root).stdout)
        let jsonKeys = (json["findings"] as? [[String: Any]] ?? []).map(key)
        let jsonCounts = counts(json["posts"] as? [String: Any] ?? [:])

        let lines = try CLIRunner.run(["check", "--no-builtin-rules", "--format", "jsonl", "posts.jsonl"], in: root).stdout
            .split(separator: "\n").map { try object(String($0)) }
        let streamedKeys = lines.compactMap { $0["finding"] as? [String: Any] }.map(key)
        let streamedCounts = counts(lines.last?["summary"] as? [String: Any] ?? [:])

        let audit = try object(try CLIRunner.run(["audit", "--no-builtin-rules", "--format", "json", "posts.jsonl"], in: root).stdout)
        let auditCounts = counts(audit["summary"] as? [String: Any] ?? [:])

        var options = RunOptions()
        options.includeBuiltinRules = false
        options.configuration = .file(root.appendingPathComponent(".postlint.yml").path)
        let report = try LintRun(options: options).run(paths: [root.appendingPathComponent("posts.jsonl").path], sinks: [])
        let encoded = try object(JSONReporter().render(report))
        let libraryKeys = (encoded["findings"] as? [[String: Any]] ?? []).map(key)
        let libraryCounts = counts(encoded["posts"] as? [String: Any] ?? [:])

        #expect(jsonKeys.count == 4)
        // JSON sorts findings by position, JSON Lines streams them in input order.
        #expect(jsonKeys.sorted() == streamedKeys.sorted() && jsonKeys == libraryKeys)
        #expect(jsonCounts["findings"] == "4" && jsonCounts["bySeverity"] == #"{"info":4}"#)
        #expect(jsonCounts == streamedCounts && jsonCounts == auditCounts && jsonCounts == libraryCounts)
    }

    @Test func aRuleHittingPCRE2sLimitOnAPostFailsTheRunLoudly() throws {
        let root = try CLIRunner.temporaryDirectory()
        let rule = Self.rule.replacingOccurrences(of: "kind: phrases", with: "kind: pattern")
            .replacingOccurrences(of: "phrases: [vibes]", with: "pattern: '(a+)+$'")
            .replacingOccurrences(of: "[[vibes]]", with: "[[a]]").replacingOccurrences(of: "good: [\"calm\"]", with: "good: [\"b\"]")
        try rule.write(to: root.appendingPathComponent("slow.yml"), atomically: true, encoding: .utf8)
        let long = String(repeating: "a", count: 20_000) + "b"
        try "{\"id\": \"p1\", \"text\": \"\(long)\"}\n{\"id\": \"p2\", \"text\": \"calm\"}\n"
            .write(to: root.appendingPathComponent("posts.jsonl"), atomically: true, encoding: .utf8)
        let failed = try CLIRunner.run(["check", "--no-config", "--no-builtin-rules", "--rules", "slow.yml", "--format", "jsonl", "posts.jsonl"], in: root)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("post p1: rule 'house/vibes' failed"))
        #expect(failed.stdout.contains(#""ruleFailures":1"#))
        let accepted = try CLIRunner.run(["check", "--no-config", "--no-builtin-rules", "--rules", "slow.yml", "--skip-bad-records", "posts.jsonl"], in: root)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }
}
