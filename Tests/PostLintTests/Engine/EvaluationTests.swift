import Foundation
import PostLint
import Testing

@Suite struct EvaluationTests {
    @Test func countsTruePositivesFalsePositivesAndMissesPerCategory() throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [\"good vibes only\"]")])
        let posts = [
            LabelledPost(id: "a", text: "good vibes only", labels: ["test"]),            // TP
            LabelledPost(id: "b", text: "hello", labels: ["test"]),                       // FN
            LabelledPost(id: "c", text: "good vibes only", labels: []),                   // FP
            LabelledPost(id: "d", text: "good vibes only", labels: [], allow: ["test"]),  // allowed: not an FP
            LabelledPost(id: "e", text: "fine", labels: []),                              // TN
        ]
        let evaluation = Evaluation(posts: posts, linter: linter)
        let score = try #require(evaluation.categories.first { $0.category == "test" })
        #expect((score.posts, score.truePositives, score.falsePositives, score.falseNegatives) == (2, 1, 1, 1))
        #expect(score.precision == 0.5 && score.recall == 0.5)
        #expect(evaluation.misses.map(\.id) == ["b", "c"])
        #expect(evaluation.misses.first?.missed == ["test"])
        #expect(evaluation.misses.last?.unexpected == ["test"])
    }

    @Test func malformedLinesAreReportedWithTheirLineNumbers() {
        let data = Data("""
            {"id": "1", "text": "a", "labels": []}
            not json
            {"id": "2", "labels": []}

            {"id": "1", "text": "dup", "labels": []}
            """.utf8)
        let (posts, problems) = Evaluation.readCorpus(data, path: "c.jsonl")
        #expect(posts.map(\.id) == ["1"])
        #expect(problems.map(\.description) == [
            "c.jsonl:2:1: error: not a labelled post: invalid JSON",
            "c.jsonl:3:1: error: not a labelled post: missing key 'text'",
            "c.jsonl:5:1: error: duplicate post id '1'",
        ])
    }

    /// Every labelled post of `Fixtures/corpus/` (the first corpus, the tune files and the
    /// held-out splits).
    static func corpus() throws -> [LabelledPost] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/corpus")
        var posts: [LabelledPost] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".jsonl") {
            let url = folder.appendingPathComponent(name)
            let (read, problems) = Evaluation.readCorpus(try Data(contentsOf: url), path: url.path)
            #expect(problems.isEmpty, "\(name): \(problems)")
            posts += read
        }
        #expect(Set(posts.map(\.id)).count == posts.count, "post ids are unique across the corpus files")
        return posts
    }

    /// The built-in packs on the part of the labelled corpus they were tuned on must keep
    /// meeting the targets (precision ≥ 0.95, recall ≥ 0.90 in every category). The held-out
    /// parts are reported in docs/evaluation.md, not asserted.
    @Test func builtInPacksMeetTheTargetsOnTheTuneSplit() throws {
        let posts = try Self.corpus()
        #expect(posts.count >= 2000)
        let evaluation = Evaluation(posts: posts.filter { $0.split == "tune" }, linter: try Linter())
        for category in ["crisis-resources", "misinformation", "safe-messaging", "stigma", "toxic-positivity"] {
            let score = try #require(evaluation.categories.first { $0.category == category })
            #expect(score.precision >= 0.95, "\(category) precision \(score.precision)")
            #expect(score.recall >= 0.90, "\(category) recall \(score.recall)")
        }
    }
}

/// The literal prefilter must never change findings: it only skips rules that cannot match.
@Suite struct PrefilterEquivalenceTests {
    @Test func findingsAreIdenticalWithAndWithoutThePrefilter() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        _ = root
        var texts = try EvaluationTests.corpus().map(\.text)
        let fast = try Linter()
        let slow = try Linter(configuration: LinterConfiguration(prefilter: false))
        // Every rule's own examples too, unmarked.
        for rule in fast.rules { texts += (rule.examples.bad + rule.examples.good).map { ExampleMarkers.parse($0.text).text } }
        #expect(texts.count > 2500)
        var compared = 0
        for text in texts {
            let document = Document(text: text)
            #expect(fast.lint(document).findings == slow.lint(document).findings, "differs on: \(text)")
            compared += 1
        }
        #expect(compared == texts.count)
    }
}

@Suite struct PrefilterEdgeTests {
    @Test func multiWordLiteralsSurviveOddWhitespaceAndCase() throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [\"want to die\"]")])
        for text in ["I WANT  TO\tDIE", "want\nto die", "want\u{2028}to die", "want\u{00A0}to die", "want\u{3000}to die", "want\u{1680}to die", "want\u{85}to die"] {
            #expect(matches(try linter.lint(text: text)).count == 1, "\(text.debugDescription)")
        }
    }

    /// Requirements and exceptions have their own prefilter slots: absent, they are skipped
    /// without PCRE2; present (also only once de-obfuscated, or across odd whitespace), they
    /// still count, so findings are those of the run without the prefilter.
    @Test func requirementsAndExceptionsSkippedOnlyWhenTheirLiteralsAreAbsent() throws {
        let files = ["r.yml": ruleYAML(kind: "requires", """
            trigger:
              phrases: ["want to die"]
            require:
              phrases: ["call the helpline"]
            unless:
              - phrases: ["laughing so hard"]
                deobfuscate: true
            """, bad: "\"I [[want to die]]\"", good: "\"I want to die, call the helpline\"")]
        let fast = try makeLinter(files)
        let slow = try Linter(configuration: LinterConfiguration(
            includeBuiltinRules: false, extraRuleFiles: files.map { RuleFile(path: $0.key, contents: $0.value) }, prefilter: false))
        let cases: [(String, Int)] = [
            ("I want to die", 1),
            ("I want to die. Call  THE\nhelpline", 0),
            ("I want to die laughing so hard", 0),
            ("I want to die l4ugh1ng so hard", 0),
            ("I want to die, laughing at the helpline", 1),
        ]
        for (text, count) in cases {
            #expect(matches(try fast.lint(text: text)).count == count, "\(text.debugDescription)")
            #expect(try fast.lint(text: text) == slow.lint(text: text), "\(text.debugDescription)")
        }
        // The literals, folded; a matcher with a literal under four bytes gets no slot.
        #expect(fast.prefilterLiteralSet == ["call the helpline", "laughing so hard", "want to die"])
        let short = try makeLinter(["s.yml": ruleYAML(kind: "requires", "trigger: {phrases: [\"want to die\"]}\nrequire: {phrases: [\"988\", \"ok\"]}",
                                                      bad: "\"I [[want to die]]\"", good: "\"I want to die, 988\"")])
        #expect(short.prefilterLiteralSet == ["want to die"])
        #expect(matches(try short.lint(text: "I want to die. ok")).isEmpty)
    }
}

