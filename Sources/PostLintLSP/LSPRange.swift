import PostLint

/// LSP `Position` and `Range` objects to and from postlint's UTF-8 byte offsets, in the
/// negotiated `positionEncoding` (through `TextPositions`).
enum LSPRange {
    /// `{"line": l, "character": c}`, or nil when either is missing or not an integer.
    static func position(_ value: JSONValue?) -> TextPosition? {
        guard let line = value?["line"]?.int, let character = value?["character"]?.int else { return nil }
        return TextPosition(line: line, character: character)
    }

    static func json(_ position: TextPosition) -> JSONValue {
        ["line": .int(position.line), "character": .int(position.character)]
    }

    /// The byte range of an LSP range (start and end in order; positions clamped to the text).
    static func bytes(of range: JSONValue?, in positions: TextPositions, encoding: PositionEncoding) -> Range<Int>? {
        guard let start = position(range?["start"]), let end = position(range?["end"]) else { return nil }
        let lower = positions.byteOffset(of: start, encoding: encoding)
        let upper = positions.byteOffset(of: end, encoding: encoding)
        return min(lower, upper)..<max(lower, upper)
    }

    /// The LSP range of bytes `offset..<offset+length`.
    static func json(offset: Int, length: Int, in positions: TextPositions, encoding: PositionEncoding) -> JSONValue {
        ["start": json(positions.position(ofByte: offset, encoding: encoding)),
         "end": json(positions.position(ofByte: offset + length, encoding: encoding))]
    }
}
