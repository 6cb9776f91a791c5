import Foundation
import PostLint
import Testing

/// GitHub code scanning refuses a SARIF run with more than 25,000 results: past the limit the
/// most severe are kept and the log says how many were left out (issue 17).
@Suite struct SARIFLimitTests {
    @Test func pastTheLimitTheMostSevereAreKeptWithANotification() throws {
        let text = String(repeating: "good vibes only\n", count: 12) + "I want to kill myself tonight\n"
        let report = try LintRun(options: RunOptions()).lint(text: text, path: "post.txt")
        let severities = report.documents.flatMap(\.findings).map(\.severity)
        #expect(severities.filter { $0 == .warning }.count == 12 && severities.contains(.error))

        let limited = try JSONSerialization.jsonObject(with: Data(SARIFReporter(maxResults: 5).render(report).utf8)) as? [String: Any]
        let run = try #require((limited?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.contains { $0["level"] as? String == "error" }, "the error is kept")
        let notes = ((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        let note = try #require(notes.first { ($0["message"] as? [String: Any])?["text"] as? String != nil })
        #expect(((note["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("8 of 13 results were left out") == true)

        // Under the limit nothing is left out and nothing is said.
        let full = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8)) as? [String: Any]
        let fullRun = try #require((full?["runs"] as? [[String: Any]])?.first)
        #expect((fullRun["results"] as? [Any])?.count == 13)
        #expect(((fullRun["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [Any])?.isEmpty == true)
        #expect(SARIFReporter.gitHubResultLimit == 25_000)
    }
}
