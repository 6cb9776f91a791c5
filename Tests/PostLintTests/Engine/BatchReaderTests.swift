import Foundation
import PostLint
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
}
