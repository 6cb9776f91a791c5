import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func listShowsEveryRuleWithCategorySeverityAndTitle() throws {
        let result = try CLIRunner.run(["rules", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ID "))
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("toxic-positivity/good-vibes-only") })
        #expect(row.contains("toxic-positivity") && row.contains("warning") && row.contains("'Good vibes only' shuts out hard feelings"))
    }

    @Test func showGivesMessageExplanationExamplesAndSources() throws {
        let result = try CLIRunner.run(["rules", "show", "safe-messaging/committed-suicide"])
        #expect(result.status == 0)
        for part in ["message:", "examples that trigger it:", "examples that do not:", "sources:", "https://reportingonsuicide.org/",
                     "defined in Rules/safe-messaging/committed-suicide.yml:1"] {
            #expect(result.stdout.contains(part), "missing \(part)")
        }
        // The literals the prefilter looks for: declared ones, and ones phrases give
        // (a phrase's `*` is kept, so "s*icide" does not become "cide").
        let declared = try CLIRunner.run(["rules", "show", "misinformation/testimonial-as-proof"])
        #expect(declared.stdout.contains(#"prefilter literals: "anyone can", "cure your", "cure yours", "fix your""#))
        let inflected = try CLIRunner.run(["rules", "show", "safe-messaging/committed-suicide"])
        #expect(inflected.stdout.contains(#"prefilter literals: "comitted suicide", "commit suicide", "commited suicide""#))
        let phrases = try CLIRunner.run(["rules", "show", "crisis-resources/missing-resource"])
        #expect(phrases.stdout.contains(#""s*icide""#) && !phrases.stdout.contains(#""cide""#))
        let unknown = try CLIRunner.run(["rules", "show", "safe-messaging/committed-suicid"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'safe-messaging/committed-suicide'?"))
    }

    @Test func testPassesOnTheBundledPacks() throws {
        let result = try CLIRunner.run(["rules", "test"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("examples: all passed"))
    }

    @Test func testOnAUserFolderNamesTheFileAndTheFailingExample() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try """
            id: local/hope
            kind: phrases
            category: local
            severity: info
            message: found
            explanation: A rule whose good example is wrong.
            sources: [https://example.org]
            phrases: [hopeless]
            examples:
              bad: ["I feel [[hopeless]]"]
              good: ["Still hopeless today"]
            """.write(to: folder.appendingPathComponent("hope.yml"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["rules", "test", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("hope.yml:11: rule 'local/hope' example as written: expected none, found 'hopeless' at bytes 6..<14"))
        #expect(result.stderr.contains("example: Still hopeless today"))
        #expect(result.stdout.contains("1 rule, 2 examples: 3 failures in 1 rule"))
    }
}
