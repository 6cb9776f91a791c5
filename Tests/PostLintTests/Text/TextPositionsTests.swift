import PostLint
import Testing

@Suite("Text positions for servers (UTF-8, UTF-16, UTF-32; LF, CRLF, CR)")
struct TextPositionsTests {
    @Test("an emoji is 4 UTF-8 bytes, 2 UTF-16 units and 1 scalar")
    func emoji() {
        let text = "a😀b"
        let positions = TextPositions(text)
        let b = Array(text.utf8).firstIndex(of: UInt8(ascii: "b"))!
        #expect(b == 5)
        #expect(positions.position(ofByte: b, encoding: .utf8) == TextPosition(line: 0, character: 5))
        #expect(positions.position(ofByte: b, encoding: .utf16) == TextPosition(line: 0, character: 3))
        #expect(positions.position(ofByte: b, encoding: .utf32) == TextPosition(line: 0, character: 2))
        #expect(positions.utf16Offset(ofByte: b) == 3)
        for encoding in PositionEncoding.allCases {
            #expect(positions.byteOffset(of: positions.position(ofByte: b, encoding: encoding), encoding: encoding) == b)
        }
        // A position inside the surrogate pair falls back to the emoji's start.
        #expect(positions.byteOffset(of: TextPosition(line: 0, character: 2), encoding: .utf16) == 1)
    }

    @Test("CRLF, LF and a lone CR each end a line; combining marks count as their own scalars")
    func lineEndings() {
        let text = "one\r\ntwo\nthree\rfoe\u{301}x"
        let positions = TextPositions(text)
        #expect(positions.lineCount == 4)
        let bytes = Array(text.utf8)
        let x = bytes.lastIndex(of: UInt8(ascii: "x"))!
        #expect(positions.position(ofByte: x, encoding: .utf16) == TextPosition(line: 3, character: 4))
        #expect(positions.position(ofByte: x, encoding: .utf8) == TextPosition(line: 3, character: 5))
        let two = bytes.firstIndex(of: UInt8(ascii: "t"))!
        #expect(positions.position(ofByte: two, encoding: .utf16) == TextPosition(line: 1, character: 0))
        // Past the end of a line clamps before its line ending; past the text clamps to its end.
        #expect(positions.byteOffset(of: TextPosition(line: 0, character: 99), encoding: .utf16) == 3)
        #expect(positions.byteOffset(of: TextPosition(line: 9, character: 0), encoding: .utf16) == bytes.count)
        #expect(positions.position(ofByte: bytes.count + 5, encoding: .utf16) == TextPosition(line: 3, character: 5))
    }

    @Test("findings' byte offsets convert to the UTF-16 ranges an editor shows")
    func findingRange() throws {
        let run = try LintRun(options: RunOptions())
        let text = "🙂🙂\r\nGood vibes only!"
        let finding = try #require(run.lint(text: text).findings.first)
        let positions = TextPositions(text)
        let start = positions.position(ofByte: finding.location.offset, encoding: .utf16)
        let end = positions.position(ofByte: finding.location.offset + finding.location.length, encoding: .utf16)
        #expect(start == TextPosition(line: 1, character: 0))
        let line = text.split(separator: "\r\n")[1]
        let matched = String(line.utf16.dropFirst(start.character).prefix(end.character - start.character))!
        #expect(matched == finding.match)
    }
}
