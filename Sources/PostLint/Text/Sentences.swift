/// Sentence and word boundaries in a projected text, for rule scopes (`unless`, `requires`).
///
/// NOTE: hand-written because no listed package segments sentences on raw UTF-8 offsets; the
/// rule is simple on purpose: a sentence ends after `.`, `!`, `?` or `…` followed by
/// whitespace (not after a common abbreviation such as "e.g." or "Dr."), at a blank line, and
/// in posts (not in Markdown paragraphs, which wrap) at a line break.
struct Sentences: Sendable {
    /// Start offsets of each sentence, ascending; the first is 0.
    let starts: [Int]
    let length: Int

    static let abbreviations: Set<String> = ["e.g", "i.e", "eg", "ie", "dr", "mr", "mrs", "ms", "vs", "etc", "st", "jr", "sr",
                                             "prof", "no", "al", "approx", "cf", "fig"]

    init(_ bytes: [UInt8], newlineEndsSentence: Bool = false) {
        var starts = [0]
        var index = 0
        let count = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while index < count {
            let byte = bytes[index]
            var terminatorEnd: Int?
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                terminatorEnd = index + 1
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
                terminatorEnd = index + 3  // "…"
            } else if byte == 0x0A && newlineEndsSentence {
                starts.append(index + 1)
                index += 1
                continue
            } else if byte == 0x0A {
                // A blank line (LF, optional spaces or CR, LF) ends a sentence.
                var next = index + 1
                while next < count, bytes[next] == 0x20 || bytes[next] == 0x0D || bytes[next] == 0x09 { next += 1 }
                if next < count, bytes[next] == 0x0A { starts.append(next + 1); index = next + 1; continue }
            }
            if var end = terminatorEnd, !(byte == UInt8(ascii: ".") && Sentences.followsAbbreviation(bytes, at: index)) {
                // Closing quotes and brackets stay with their sentence.
                while end < count, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")")].contains(bytes[end]) { end += 1 }
                if end >= count || isSpace(bytes[end]) {
                    if end < count { starts.append(end) }
                    index = end
                    continue
                }
            }
            index += 1
        }
        self.starts = starts
        self.length = count
    }

    /// Whether the `.` at `dot` ends a common abbreviation ("e.g.", "Dr.", "et al.").
    static func followsAbbreviation(_ bytes: [UInt8], at dot: Int) -> Bool {
        var start = dot
        while start > 0, (bytes[start - 1] | 0x20) >= 0x61 && (bytes[start - 1] | 0x20) <= 0x7A || bytes[start - 1] == UInt8(ascii: ".") {
            start -= 1
        }
        guard start < dot else { return false }
        let word = String(decoding: bytes[start..<dot], as: UTF8.self).lowercased()
        return abbreviations.contains(word)
    }

    /// The sentence (projected byte range) holding `offset`.
    func sentence(containing offset: Int) -> Range<Int> {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let end = low + 1 < starts.count ? starts[low + 1] : length
        return starts[low]..<end
    }

    /// The number of words strictly between two ranges (0 when they touch or overlap).
    /// Stops counting past `limit` (then returns `limit + 1`): an exception's scope asks "at
    /// most N words away?" for every candidate in a text, and counting a long gap in full made
    /// long documents quadratic (issue 17: 400 KB took 14 s in one rule).
    static func wordsBetween(_ a: Range<Int>, _ b: Range<Int>, in bytes: [UInt8], limit: Int = .max) -> Int {
        let gap = a.upperBound <= b.lowerBound ? a.upperBound..<b.lowerBound
            : b.upperBound <= a.lowerBound ? b.upperBound..<a.lowerBound : 0..<0
        var words = 0, inWord = false
        for index in gap {
            let byte = bytes[index]
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || byte == UInt8(ascii: "'")
            if isWordByte && !inWord {
                words += 1
                if words > limit { return words }
            }
            inWord = isWordByte
        }
        return words
    }
}
