/// The lines of a Markdown document (byte ranges without the line ending) and the
/// line-level tests the block scanner needs.
struct MarkdownLines {
    private let ranges: [Range<Int>]

    init(_ bytes: [UInt8]) {
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            let end = offset > start && bytes[offset - 1] == UInt8(ascii: "\r") ? offset - 1 : offset
            ranges.append(start..<end)
            start = offset + 1
        }
        if start < bytes.count {
            let end = bytes.last == UInt8(ascii: "\r") ? bytes.count - 1 : bytes.count
            ranges.append(start..<end)
        }
        self.ranges = ranges
    }

    var count: Int { ranges.count }
    subscript(index: Int) -> Range<Int> { ranges[index] }

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Width of leading whitespace (tabs to the next multiple of 4) and where the text starts.
    static func indentation(in bytes: [UInt8], _ range: Range<Int>) -> (width: Int, start: Int) {
        var width = 0, index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == space { width += 1 } else if bytes[index] == tab { width += 4 - width % 4 } else { break }
            index += 1
        }
        return (width, index)
    }

    /// The line without its `>` block-quote markers (each with up to 3 spaces before and one
    /// after), and how many there were.
    static func stripBlockQuotes(in bytes: [UInt8], _ range: Range<Int>) -> (content: Range<Int>, depth: Int) {
        var current = range, depth = 0
        while true {
            let (width, start) = indentation(in: bytes, current)
            guard width < 4, start < current.upperBound, bytes[start] == UInt8(ascii: ">") else { return (current, depth) }
            depth += 1
            var next = start + 1
            if next < current.upperBound, bytes[next] == space || bytes[next] == tab { next += 1 }
            current = next..<current.upperBound
        }
    }

    /// A code fence opening or closing: 3+ backticks or tildes (backtick info may not hold a backtick).
    static func fence(in bytes: [UInt8], _ range: Range<Int>) -> (marker: UInt8, length: Int, infoIsEmpty: Bool)? {
        let (width, start) = indentation(in: bytes, range)
        guard width < 4, start < range.upperBound else { return nil }
        let marker = bytes[start]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        var end = start
        while end < range.upperBound, bytes[end] == marker { end += 1 }
        guard end - start >= 3 else { return nil }
        let info = bytes[end..<range.upperBound]
        if marker == UInt8(ascii: "`"), info.contains(marker) { return nil }
        let infoIsEmpty = info.allSatisfy { $0 == space || $0 == tab }
        return (marker, end - start, infoIsEmpty)
    }

    /// For `<script`, `<pre`, `<style`, `<textarea` blocks: the closing tag that ends them.
    static func rawHTMLBlockEnd(in bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        let text = String(decoding: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 10)], as: UTF8.self).lowercased()
        for tag in ["script", "pre", "style", "textarea"] where text.hasPrefix("<" + tag) {
            let after = text.dropFirst(tag.count + 1).first
            if after == nil || after == ">" || after == " " || after == "\t" { return Array("</\(tag)>".utf8) }
        }
        return nil
    }

    static func isThematicBreak(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let chars = bytes[range].filter { $0 != space && $0 != tab }
        guard chars.count >= 3, let first = chars.first, "*-_".utf8.contains(first) else { return false }
        return chars.allSatisfy { $0 == first }
    }

    static func isSetextUnderline(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var slice = bytes[range]
        while let last = slice.last, last == space || last == tab { slice = slice.dropLast() }
        guard let first = slice.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return false }
        return slice.allSatisfy { $0 == first }
    }

    /// `[label]: destination`.
    static func isLinkReferenceDefinition(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.lowerBound < range.upperBound, bytes[range.lowerBound] == UInt8(ascii: "[") else { return false }
        var index = range.lowerBound + 1
        while index + 1 < range.upperBound {
            if bytes[index] == UInt8(ascii: "]") { return bytes[index + 1] == UInt8(ascii: ":") && index > range.lowerBound + 1 }
            if bytes[index] == UInt8(ascii: "[") { return false }
            index += 1
        }
        return false
    }

    /// The text of an ATX heading (`# Title ##`), without its markers.
    static func atxHeadingContent(in bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var index = range.lowerBound
        while index < range.upperBound, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - range.lowerBound
        guard (1...6).contains(level) else { return nil }
        guard index == range.upperBound || bytes[index] == space || bytes[index] == tab else { return nil }
        while index < range.upperBound, bytes[index] == space || bytes[index] == tab { index += 1 }
        var end = range.upperBound
        while end > index, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        // An optional closing sequence of #s, preceded by a space.
        var hashes = end
        while hashes > index, bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes < end, hashes == index || bytes[hashes - 1] == space || bytes[hashes - 1] == tab {
            end = hashes
            while end > index, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        }
        return index..<end
    }

    /// The content of a list item line (`- x`, `* x`, `+ x`, `1. x`, `1) x`), marker removed.
    static func listItemContent(in bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var index = range.lowerBound
        guard index < range.upperBound else { return nil }
        if "-*+".utf8.contains(bytes[index]) {
            index += 1
        } else {
            let digits = index
            while index < range.upperBound, bytes[index] >= 0x30, bytes[index] <= 0x39, index - digits < 9 { index += 1 }
            guard index > digits, index < range.upperBound, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return nil }
            index += 1
        }
        guard index == range.upperBound || bytes[index] == space || bytes[index] == tab else { return nil }
        while index < range.upperBound, bytes[index] == space || bytes[index] == tab { index += 1 }
        // A task-list box is not prose.
        if index + 3 <= range.upperBound, bytes[index] == UInt8(ascii: "["), bytes[index + 2] == UInt8(ascii: "]"),
           " xX".utf8.contains(bytes[index + 1]) {
            index += 3
            while index < range.upperBound, bytes[index] == space { index += 1 }
        }
        return index..<range.upperBound
    }
}
