import Foundation
@testable import PostLint
import Testing

/// `--fix` writes atomically, keeps the file's mode, never follows a symbolic link, and its
/// dry-run diff only compares the changed region.
@Suite struct FixStageTests {
    static let swap = ruleYAML(kind: "substitution", "fix: true\nswap:\n  \"vibes only\": \"all feelings\"", bad: "\"good [[vibes only]]\"", good: "\"calm\"")

    func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Self.swap.write(to: root.appendingPathComponent("rules/swap.yml"), atomically: true, encoding: .utf8)
        return root
    }

    func run(_ root: URL, _ mode: RunOptions.FixMode, _ paths: [String]) throws -> RunReport {
        var options = RunOptions()
        options.includeBuiltinRules = false
        options.ruleFolders = [root.appendingPathComponent("rules").path]
        options.fix = mode
        return try LintRun(options: options).run(paths: paths, sinks: [])
    }

    @Test func fixesReplaceTheFileAndKeepItsMode() throws {
        let root = try workspace()
        let file = root.appendingPathComponent("post.txt").path
        try "good vibes only\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o640)
        let report = try run(root, .apply, [file])
        #expect(report.fixes.map(\.fixed) == [1] && report.problems.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "good all feelings\n")
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".postlint-fix") }.isEmpty)
    }

    @Test func aSymbolicLinkIsNeverFollowed() throws {
        let root = try workspace(), outside = try workspace()
        let target = outside.appendingPathComponent("elsewhere.txt").path
        try "good vibes only\n".write(toFile: target, atomically: true, encoding: .utf8)
        let link = root.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let report = try run(root, .apply, [link])
        #expect(report.problems.contains { $0.message.contains("symbolic link") })
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "good vibes only\n")
    }

    @Test func theDryRunDiffOfOneChangeInALargeFileIsOneHunk() throws {
        let root = try workspace()
        let file = root.appendingPathComponent("large.txt").path
        let filler = (0..<40_000).map { "line \($0) of a long calm text" }
        try (filler[..<20_000].joined(separator: "\n") + "\ngood vibes only\n" + filler[20_000...].joined(separator: "\n") + "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let report = try run(root, .dryRun, [file])
        let diff = try #require(report.fixes.first?.diff)
        #expect(diff.split(separator: "\n").count == 2 + 1 + 6 + 2)  // headers, @@, context, -/+
        #expect(diff.contains("-good vibes only") && diff.contains("+good all feelings"))
        #expect(diff.contains("@@ -19998,7 +19998,7 @@"))
    }
}
