/// Inline Markdown within one block: keeps prose and link or image text, leaves out code
/// spans, autolinks, bare URLs, link destinations and titles, HTML tags and comments,
/// emphasis markers and escaping backslashes. Positions stay exact: kept bytes are appended
/// to the projection as source ranges.
enum MarkdownInline {
    private enum Fate: UInt8 { case keep, drop, hide }  // hide: leave out, and separate words by a space

    static func append(lines: [Range<Int>], of source: [UInt8], to projection: inout ProjectedText) {
        // The block as one virtual string: its lines joined by "\n" (offset -1: not in source).
        var text: [UInt8] = [], origin: [Int] = []
        for (number, line) in lines.enumerated() {
            if number > 0 { text.append(0x0A); origin.append(-1) }
            text += source[line]
            origin += Array(line)
        }
        var fate = [Fate](repeating: .keep, count: text.count)
        scan(text, &fate)
        emit(text, origin, fate, source, &projection)
    }

    private static func emit(_ text: [UInt8], _ origin: [Int], _ fate: [Fate], _ source: [UInt8], _ projection: inout ProjectedText) {
        var runStart: Int?, runEnd = 0
        func flush() {
            if let start = runStart { projection.append(source: start..<runEnd, of: source) }
            runStart = nil
        }
        for index in text.indices {
            switch fate[index] {
            case .keep where origin[index] >= 0:
                if runStart == nil || origin[index] != runEnd { flush(); runStart = origin[index] }
                runEnd = origin[index] + 1
            case .keep:
                flush()
                projection.appendSeparator("\n")
            case .hide:
                if index == 0 || fate[index - 1] != .hide { flush(); projection.appendSeparator(" ") }
            case .drop:
                continue
            }
        }
        flush()
    }

    private static func scan(_ text: [UInt8], _ fate: inout [Fate]) {
        var index = 0
        let count = text.count
        func mark(_ range: Range<Int>, _ value: Fate) { for i in range where i < count { fate[i] = value } }
        while index < count {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < count, isASCIIPunctuation(text[index + 1]) { fate[index] = .drop; index += 2 } else { index += 1 }
            case UInt8(ascii: "`"):
                var run = index
                while run < count, text[run] == byte { run += 1 }
                let length = run - index
                if let close = closingBackticks(text, from: run, length: length) {
                    mark(index..<(close + length), .hide)
                    index = close + length
                } else {
                    index = run  // literal backticks
                }
            case UInt8(ascii: "<"):
                if let end = autolinkOrTagEnd(text, from: index) { mark(index..<end, .hide); index = end } else { index += 1 }
            case UInt8(ascii: "!") where index + 1 < count && text[index + 1] == UInt8(ascii: "["):
                fate[index] = .drop
                index += 1
            case UInt8(ascii: "["):
                fate[index] = .drop
                index += 1
            case UInt8(ascii: "]"):
                fate[index] = .drop
                index = skipLinkTail(text, after: index, &fate)
            case UInt8(ascii: "*"), UInt8(ascii: "~"):
                fate[index] = .drop
                index += 1
            case UInt8(ascii: "_"):
                // Intraword underscores (snake_case) are text; others are emphasis.
                let before = index > 0 && isAlphanumeric(text[index - 1])
                let after = index + 1 < count && isAlphanumeric(text[index + 1])
                if !(before && after) { fate[index] = .drop }
                index += 1
            case UInt8(ascii: "h"), UInt8(ascii: "w"):
                if let end = bareURLEnd(text, from: index) { mark(index..<end, .hide); index = end } else { index += 1 }
            default:
                index += 1
            }
        }
    }

    /// Start of the next run of exactly `length` backticks.
    private static func closingBackticks(_ text: [UInt8], from start: Int, length: Int) -> Int? {
        var index = start
        while index < text.count {
            if text[index] == UInt8(ascii: "`") {
                var run = index
                while run < text.count, text[run] == UInt8(ascii: "`") { run += 1 }
                if run - index == length { return index }
                index = run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The end of an autolink (`<https://…>`, `<a@b.c>`), an HTML tag or an HTML comment at `start`.
    private static func autolinkOrTagEnd(_ text: [UInt8], from start: Int) -> Int? {
        guard start + 1 < text.count else { return nil }
        let next = text[start + 1]
        if text[start...].starts(with: Array("<!--".utf8)) {
            var index = start + 4
            while index + 2 < text.count {
                if text[index] == UInt8(ascii: "-"), text[index + 1] == UInt8(ascii: "-"), text[index + 2] == UInt8(ascii: ">") { return index + 3 }
                index += 1
            }
            return text.count
        }
        guard isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "!") else { return nil }
        var index = start + 1
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    /// After a `]`: a link destination `(…)`, or a reference `[…]`, is left out.
    private static func skipLinkTail(_ text: [UInt8], after close: Int, _ fate: inout [Fate]) -> Int {
        let start = close + 1
        guard start < text.count else { return start }
        if text[start] == UInt8(ascii: "(") {
            var depth = 0, index = start
            while index < text.count {
                if text[index] == UInt8(ascii: "(") { depth += 1 }
                if text[index] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                index += 1
            }
            guard index < text.count else { return start }
            for i in start...index { fate[i] = .drop }
            return index + 1
        }
        if text[start] == UInt8(ascii: "[") {
            var index = start + 1
            while index < text.count, text[index] != UInt8(ascii: "]") { index += 1 }
            guard index < text.count else { return start }
            for i in start...index { fate[i] = .drop }
            return index + 1
        }
        return start
    }

    /// The end of a bare URL (`http://…`, `https://…`, `www.…`) at `start`.
    private static func bareURLEnd(_ text: [UInt8], from start: Int) -> Int? {
        if start > 0, isAlphanumeric(text[start - 1]) { return nil }
        let rest = text[start...]
        guard rest.starts(with: Array("http://".utf8)) || rest.starts(with: Array("https://".utf8))
            || rest.starts(with: Array("www.".utf8)) else { return nil }
        var end = start
        while end < text.count, !isURLTerminator(text[end]) { end += 1 }
        // Trailing punctuation belongs to the sentence, not the URL.
        while end > start, ".,;:!?'\")".utf8.contains(text[end - 1]) { end -= 1 }
        return end
    }

    private static func isURLTerminator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "<")
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 }
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
