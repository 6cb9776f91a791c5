import Foundation
import Testing

@Suite struct AuditTests {
    static let exports = CLIRunner.repository.appendingPathComponent("Fixtures/exports")

    @Test func auditSummarisesExportsAndWritesASelfContainedReport() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let html = folder.appendingPathComponent("report.html").path
        let result = try CLIRunner.run(["audit", "same/posts.jsonl", "mastodon", "x-archive", "--html", html], in: Self.exports)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("postlint audit of 3 inputs"))  // note-tweet.js completes tweets.js
        #expect(result.stdout.contains("skipped: 1 boost (Announce), 1 post without text (media only), 1 retweet (someone else's text)"))
        #expect(result.stdout.contains("by category (posts):"))
        #expect(result.stdout.contains("by month (flagged / posts):"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(page.contains("need attention"))
        #expect(page.contains("<mark>Good vibes only</mark>"))
        // Self-contained: no scripts, no external stylesheets, images or fonts.
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
        #expect(!page.contains("src="))
    }

    @Test func redactedAuditShowsNoPostText() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let html = folder.appendingPathComponent("report.html").path
        let result = try CLIRunner.run(["audit", "--redact", "same/posts.jsonl", "--html", html, "--format", "json"], in: Self.exports)
        #expect(result.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        for text in ["Good vibes only", "magnesium", "committed suicide"] {
            #expect(!page.contains(text))
            #expect(!result.stdout.contains(text))
        }
        #expect(page.contains("p3"))
    }

    @Test func badRecordsMakeTheAuditExitTwoUnlessAccepted() throws {
        #expect(try CLIRunner.run(["audit", "broken"], in: Self.exports).status == 2)
        #expect(try CLIRunner.run(["audit", "--skip-bad-records", "broken"], in: Self.exports).status == 0)
        let unknown = try CLIRunner.run(["audit", "make_fixtures.py"], in: Self.exports)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("not a known export format"))
    }
}
