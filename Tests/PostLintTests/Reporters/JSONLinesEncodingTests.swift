import Foundation
@testable import PostLint
import Testing

/// `--format jsonl` writes finding lines by hand; they must be exactly what `JSONEncoder`
/// (sorted keys, slashes unescaped) writes for the same finding.
@Suite struct JSONLinesEncodingTests {
    struct Line: Encodable {
        let finding: Finding
        let type = "finding"
    }

    func encoderLine(_ finding: Finding) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Line(finding: finding)), as: UTF8.self) + "\n"
    }

    @Test func everyFindingOfTheCorpusIsWrittenAsJSONEncoderWritesIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let corpus = try Data(contentsOf: root.appendingPathComponent("Fixtures/corpus/labelled.jsonl"))
        let linter = try Linter()
        let writer = JSONLinesWriter()
        var compared = 0
        for (index, post) in Evaluation.readCorpus(corpus, path: "labelled.jsonl").posts.enumerated() {
            for var finding in try linter.lint(text: post.text) {
                finding.location.path = index % 2 == 0 ? "posts/a b.jsonl" : nil
                finding.location.post = index % 3 == 0 ? PostReference(id: "\(index)", timestamp: "2025-01-01T00:00:00Z", line: index) : nil
                #expect(writer.line(for: finding) == (try encoderLine(finding)))
                compared += 1
            }
        }
        #expect(compared > 200)
    }

    @Test func awkwardTextAndEveryOptionalField() throws {
        var ascii = ""
        for value in 0..<0x80 { ascii.unicodeScalars.append(Unicode.Scalar(value)!) }
        let strange = ascii + "\u{2028}\u{2029}é😀\u{FEFF}\u{200D}"
        var reference = PostReference(id: strange, timestamp: strange, line: 3, row: 4, record: "tweets.js[41]")
        reference.contentWarning = strange
        reference.fields = [strange: strange, "author": "ann", "b": "", "A": "{\"x\":1}"]
        let finding = Finding(rule: "p/r", category: strange, severity: .warning, message: strange, match: strange,
                              suggestions: [strange, "", "/"], source: "https://example.org/a/b",
                              location: Location(path: "C:\\dir/\"x\".md", line: 1, column: 2, endLine: 3, endColumn: 4,
                                                 offset: 5, length: -6, post: reference),
                              fix: strange)
        for redact in [false, true] {
            let writer = JSONLinesWriter(redact: redact)
            let expected = try encoderLine(redact ? Redaction.redact(finding) : finding)
            #expect(writer.line(for: finding) == expected)
        }
        var bare = finding
        bare.fix = nil
        bare.suggestions = []
        bare.location.path = nil
        bare.location.post = PostReference(id: "x")
        #expect(JSONLinesWriter().line(for: bare) == (try encoderLine(bare)))
        bare.location.post?.fields = [:]
        #expect(JSONLinesWriter().line(for: bare) == (try encoderLine(bare)))
    }
}
