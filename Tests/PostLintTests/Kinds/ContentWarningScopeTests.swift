import PostLint
import Testing

/// The `content-warning` scope: an exception or requirement found in the content warning a
/// platform keeps beside the post (Mastodon's spoiler text), never in the text itself.
@Suite struct ContentWarningScopeTests {
    static let rule = ruleYAML(kind: "phrases", """
        phrases: ["cut myself"]
        unless:
          - patterns: ['\\S']
            scope: content-warning
        """, bad: "\"I [[cut myself]] again\"", good: "\"I cut my hair\"")

    @Test func aContentWarningBesideThePostCancelsTheFinding() throws {
        let linter = try makeLinter(["cw.yml": Self.rule])
        let text = "I cut myself again last night"
        #expect(linter.lint(Document(text: text)).findings.count == 1)
        #expect(linter.lint(Document(text: text, contentWarning: "self-harm")).findings.isEmpty)
        #expect(linter.lint(Document(text: text, contentWarning: "")).findings.count == 1)
        // Text that merely says "content warning" is not the platform's field.
        #expect(linter.lint(Document(text: "content warning: " + text)).findings.count == 1)
    }

    @Test func aRequirementCanBeTheContentWarning() throws {
        let linter = try makeLinter(["cw.yml": ruleYAML(kind: "requires", """
            trigger: {phrases: ["cut myself"]}
            require: {phrases: ["self-harm", "sh"]}
            scope: content-warning
            """, bad: "\"I [[cut myself]] again\"", good: "\"I cut my hair\"")])
        #expect(linter.lint(Document(text: "I cut myself again", contentWarning: "sh, blood")).findings.isEmpty)
        #expect(linter.lint(Document(text: "I cut myself again", contentWarning: "politics")).findings.count == 1)
        #expect(linter.lint(Document(text: "I cut myself again. self-harm")).findings.count == 1)
    }

    @Test func mastodonSpoilerTextReachesTheRules() throws {
        let post = Post(id: "1", timestamp: nil, text: "<p>I cut myself again</p>", format: .html, contentWarning: "self-harm",
                        reference: PostReference(id: "1"))
        let linter = try makeLinter(["cw.yml": Self.rule])
        #expect(linter.lint(post.document(path: "outbox.json")).findings.isEmpty)
    }
}

@Suite struct BuiltInContentWarningTests {
    /// The built-in rule asks for a content warning only when the platform has none either.
    @Test func aMastodonSpoilerSatisfiesTheContentWarningRule() throws {
        let linter = try Linter()
        let text = "<p>he was hanging from the ceiling fan when I walked in. I can't unsee it</p>"
        func rules(_ warning: String?) -> [String] {
            let post = Post(id: "1", timestamp: nil, text: text, format: .html, contentWarning: warning, reference: PostReference(id: "1"))
            return linter.lint(post.document(path: "outbox.json")).findings.map(\.rule)
        }
        #expect(rules(nil).contains("safe-messaging/content-warning-missing"))
        #expect(!rules("suicide, death").contains("safe-messaging/content-warning-missing"))
        // The crisis-resource finding does not depend on the warning.
        #expect(rules("suicide, death").contains { $0.hasPrefix("crisis-resources/") })
    }
}
