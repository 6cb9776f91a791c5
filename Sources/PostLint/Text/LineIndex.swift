/// Converts UTF-8 byte offsets of one input into 1-based lines and columns, once per input.
/// Lines end at LF; a CR before the LF belongs to the line ending, so CRLF files get the same
/// columns as LF files. Columns count Unicode scalars.
public struct LineIndex: Sendable {
    /// The byte offset where each line starts.
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The 1-based line holding `offset`.
    public func line(of offset: Int) -> Int {
        // Binary search for the last line start <= offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The 1-based (line, column) of `offset`, the column counted in Unicode scalars.
    public func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let line = line(of: offset)
        var column = 1
        var index = lineStarts[line - 1]
        while index < offset {
            // Count every byte that is not a UTF-8 continuation byte.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }

    /// The byte range of line `line` (1-based), without its line ending.
    public func lineRange(_ line: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }
}
