import Foundation
@testable import PostLint
import Testing

@Suite struct BatchReaderTests {
    @Test func mojibakeIsRepairedOnlyWhenItDecodes() {
        #expect(Mojibake.repair("adiÃ³s ð\u{9F}\u{98}\u{8C}") == "adiós 😌")
        #expect(Mojibake.repair("café") == "café")  // é alone is not valid UTF-8 as a byte
        #expect(Mojibake.repair("plain") == "plain")
        #expect(Mojibake.repair("emoji 😌 stays") == "emoji 😌 stays")
    }

    @Test(arguments: [
        ("2025-01-03T09:00:00Z", "2025-01"), ("2023-01-15 12:34:56 UTC", "2023-01"), ("1736000000", "2025-01"),
        ("Tue Jan 21 00:21:51 +0000 2025", "2025-01"), ("yesterday", nil),
    ])
    func monthsOfExportTimestamps(timestamp: String, month: String?) {
        #expect(Timestamps.month(of: timestamp) == month)
    }

    @Test func htmlPostsAreLintedWithPositionsInTheHTML() throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [\"good vibes only\", \"example\"]")])
        let html = "<p>Good <em>vibes</em> only</p><p><a href=\"x\"><span class=\"invisible\">https://</span>example.org</a></p>"
        let findings = linter.lint(Document(text: html, format: .html)).findings
        #expect(findings.map(\.match) == ["Good <em>vibes</em> only", "example"])
        #expect(findings.first?.location.column == 4)
    }

    @Test func batchesKeepInputOrder() throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [vibes]")])
        let posts = (0..<50).map { Post(id: "\($0)", timestamp: nil, text: $0 % 3 == 0 ? "vibes" : "calm", reference: PostReference(id: "\($0)")) }
        let results = BatchLinter(linter: linter, jobs: 4, batchSize: 7).lint(posts, path: "x")
        #expect(results.map(\.post.id) == posts.map(\.id))
        #expect(results.filter { !$0.findings.isEmpty }.map(\.post.id) == posts.filter { $0.text == "vibes" }.map(\.id))
        #expect(results.first?.findings.first?.location.post?.id == "0")
    }

    /// `run` streams: results for flagged posts only, every post counted (flagged posts and
    /// findings are counted by `LintRun`, after its stages), bad records and progress in input
    /// order, whatever the number of jobs and the batch size.
    @Test(arguments: [(1, 4096), (2, 3), (4, 1)])
    func runCountsEveryPostAndReportsFlaggedOnesInOrder(jobs: Int, batchSize: Int) throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [vibes]")])
        var lines: [String] = []
        for index in 0..<40 {
            let month = index % 2 == 0 ? "2025-01" : "2025-02"
            lines.append(index == 17 ? "{broken" : #"{"id": "\#(index)", "created_at": "\#(month)-03T00:00:00Z", "text": "\#(index % 5 == 0 ? "good vibes" : "calm day")"}"#)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try ReaderRegistry.open(path: url.path, format: .jsonl, fields: FieldSelection())
        var summary = BatchSummary()
        var flagged: [String] = [], bad: [Int] = [], progress: [Int] = []
        BatchLinter(linter: linter, jobs: jobs, batchSize: batchSize).run(&reader, path: "posts.jsonl", summary: &summary,
            onResult: { flagged.append($0.post.id) }, onBad: { bad.append($0.line) }, onProgress: { progress.append($0) })
        #expect(flagged == ["0", "5", "10", "15", "20", "25", "30", "35"])
        #expect(bad == [18])
        #expect(summary.postsRead == 39 && summary.postsLinted == 39 && summary.badRecords == 1)
        #expect(summary.postsByMonth == ["2025-01": 20, "2025-02": 19])
        #expect(progress.last == 39 && progress == progress.sorted())
    }
}
