/// How an editor or API counts characters in a line: LSP's `positionEncoding` values
/// (`utf-16` is LSP's default and what LanguageTool's offsets count; `utf-8` is postlint's own).
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A 0-based line and character, counted in one `PositionEncoding` (an LSP `Position`).
public struct TextPosition: Sendable, Hashable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// Converts postlint's UTF-8 byte offsets into the positions servers speak (LSP line/character
/// in UTF-8, UTF-16 or UTF-32 units; LanguageTool's UTF-16 offsets) and back, for one text.
///
/// Lines end at LF, CRLF or a lone CR, as LSP defines them (a CRLF is one line ending, so a
/// CRLF document gets the same positions as an LF one). Positions past the end of a line or of
/// the text are clamped, as LSP asks of servers; an offset inside a UTF-8 sequence counts from
/// the scalar's start.
public struct TextPositions: Sendable {
    public let bytes: [UInt8]
    /// The byte offset where each line starts.
    let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line holding byte `offset`.
    public func line(ofByte offset: Int) -> Int {
        let offset = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The position of byte `offset` in `encoding`'s units.
    public func position(ofByte offset: Int, encoding: PositionEncoding) -> TextPosition {
        let offset = min(max(0, offset), bytes.count)
        let line = line(ofByte: offset)
        return TextPosition(line: line, character: units(from: lineStarts[line], to: offset, encoding))
    }

    /// The byte offset of `position` (clamped to the line's content, line ending excluded, and
    /// to the text).
    public func byteOffset(of position: TextPosition, encoding: PositionEncoding) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineStarts.count { return bytes.count }
        let end = contentEnd(ofLine: position.line)
        var index = lineStarts[position.line]
        var counted = 0
        while index < end, counted < position.character {
            let length = Self.sequenceLength(bytes[index])
            let width = Self.width(ofSequence: length, encoding)
            if counted + width > position.character { break }
            counted += width
            index = min(end, index + length)
        }
        return index
    }

    /// The offset of byte `offset` from the start of the text in UTF-16 code units
    /// (LanguageTool's `offset`; JavaScript's string index).
    public func utf16Offset(ofByte offset: Int) -> Int {
        units(from: 0, to: min(max(0, offset), bytes.count), .utf16)
    }

    /// The byte offset where line `line`'s content ends (before its line ending).
    func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line], end <= bytes.count, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// `encoding`'s units in bytes `start..<end`, counting every scalar that starts there.
    func units(from start: Int, to end: Int, _ encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return end - start }
        var count = 0
        var index = start
        while index < end {
            let length = Self.sequenceLength(bytes[index])
            count += Self.width(ofSequence: length, encoding)
            index += length
        }
        return count
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// How many `encoding` units one scalar of `length` UTF-8 bytes takes.
    static func width(ofSequence length: Int, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return length
        case .utf16: return length == 4 ? 2 : 1
        case .utf32: return 1
        }
    }
}
