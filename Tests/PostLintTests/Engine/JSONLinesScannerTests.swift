import Foundation
import PostLint
import Testing

/// JSON Lines are read with a field scanner that falls back to `JSONSerialization` when unsure.
/// Reading the same records whole (nested one level, so dotted field paths force
/// `JSONSerialization`) must give the same posts and the same bad records.
@Suite struct JSONLinesScannerTests {
    static let lines: [String] = [
        #"{"id": "1", "created_at": "2025-01-02T03:04:05Z", "text": "hello"}"#,
        #"{"text": "a\"b\\c\/d\n\t\u00e9\ud83d\ude00 \u2028 end", "id": 5}"#,
        #"{"text": "raw é 😀 ﬁ", "id": -42, "created_at": 1700000000}"#,
        #"{"id": 1700000000000000077, "text": "nineteen digits"}"#,
        #"{"id": 12345678901234567890, "text": "too big for Int64"}"#,
        #"{"id": 1.5, "text": "fraction"}"#,
        #"{"id": 1e3, "text": "exponent"}"#,
        #"{"id": -0, "text": "minus zero"}"#,
        #"{"id": true, "text": "bool id"}"#,
        #"{"id": null, "text": "null id"}"#,
        #"{"text": null}"#,
        #"{"text": true}"#,
        #"{"text": 7}"#,
        #"{"text": {"nested": "object"}}"#,
        #"{"text": ["array"]}"#,
        #"{"text": "first", "text": "second"}"#,
        #"{"other": {"deep": [1, 2.5e-3, {"x": null}], "s": "\u0041\""}, "text": "after nesting", "id": "n"}"#,
        #"  {  "text"  :  "spaces"  ,  "id"  :  "s"  }  "#,
        #"{"te\u0078t": "escaped key"}"#,
        #"{}"#,
        #"{"id": "no text"}"#,
        #"{"text": "trailing comma",}"#,
        #"{"text": "garbage after"} x"#,
        "{\"text\": \"raw control \u{01} char\"}",
        #"{"text": "lone surrogate \ud800"}"#,
        #"{"text": "low surrogate \udc00 alone"}"#,
        #"{"text": "nul \u0000 inside"}"#,
        #"{"text": "bad escape \x"}"#,
        #"{"text": "unterminated}"#,
        #"{"text": 01}"#,
        #"{"text": -}"#,
        #"["text", "array"]"#,
        #""just a string""#,
        #"{"text": "deep", "x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
    ]

    enum Read: Equatable {
        case post(text: String, id: String, timestamp: String?)
        case bad
        case other
    }

    func read(_ lines: [String], fields: FieldSelection) throws -> [Read] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try ReaderRegistry.open(path: url.path, format: .jsonl, fields: fields)
        var out: [Read] = []
        while var event = reader.next() {
            if case .pending(let record) = event { event = record.decoded() }
            switch event {
            case .post(let post): out.append(.post(text: post.text, id: post.id, timestamp: post.timestamp))
            case .bad: out.append(.bad)
            default: out.append(.other)
            }
        }
        return out
    }

    @Test func scannedFieldsEqualWholeDecoding() throws {
        let fast = try read(Self.lines, fields: FieldSelection(text: "text", id: "id", timestamp: "created_at"))
        let whole = try read(Self.lines.map { "{\"d\": \($0)}" }, fields: FieldSelection(text: "d.text", id: "d.id", timestamp: "d.created_at"))
        #expect(fast.count == Self.lines.count)
        for (index, line) in Self.lines.enumerated() {
            // A wrapped line that is not an object, or fails, is bad either way.
            #expect(fast[index] == whole[index], "differs on: \(line)")
        }
        // And a few answers spelled out.
        #expect(fast[0] == .post(text: "hello", id: "1", timestamp: "2025-01-02T03:04:05Z"))
        #expect(fast[1] == .post(text: "a\"b\\c/d\n\té😀 \u{2028} end", id: "5", timestamp: nil))
        #expect(fast[2] == .post(text: "raw é 😀 ﬁ", id: "-42", timestamp: "1700000000"))
        #expect(fast[3] == .post(text: "nineteen digits", id: "1700000000000000077", timestamp: nil))
        #expect(fast[10] == .bad)
        // (A trailing comma is accepted by JSONSerialization, so by the scanner's fallback too.)
        #expect(fast[22] == .bad, "\(fast[22])"); #expect(fast[23] == .bad, "\(fast[23])")
    }

    @Test func usualFieldNamesAreFoundTheSameWay() throws {
        let lines = [
            #"{"body": "from body", "post_id": "p1", "timestamp": "2024-05-06"}"#,
            #"{"full_text": "long", "text": "short", "id_str": "9"}"#,
            #"{"content": null, "body": "b"}"#,
            #"{"caption": "c", "uuid": 77, "time": "2023-01-01T00:00:00Z"}"#,
        ]
        let posts = try read(lines, fields: FieldSelection())
        #expect(posts == [
            .post(text: "from body", id: "p1", timestamp: "2024-05-06"),
            .post(text: "short", id: "9", timestamp: nil),
            .post(text: "b", id: "line-3", timestamp: nil),
            .post(text: "c", id: "77", timestamp: "2023-01-01T00:00:00Z"),
        ])
    }
}
