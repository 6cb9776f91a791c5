/// Builds the lintable projection of a Markdown document, keeping exact source positions.
///
/// NOTE: hand-written because no listed package parses Markdown with source positions (Ink
/// renders HTML without them; swift-markdown is not available here). It follows CommonMark
/// for what must never be linted: front matter, fenced and indented code blocks, raw HTML
/// blocks (`script`, `pre`, `style`, `textarea`), HTML comments, link reference definitions;
/// inline code spans, autolinks, bare URLs, link and image destinations and HTML tags are left
/// out by `MarkdownInline`. Simplification: inside a list, indented lines are list content,
/// never indented code.
public enum MarkdownProjector {
    public static func project(_ bytes: [UInt8]) -> ProjectedText {
        var builder = Builder(source: bytes)
        let lines = MarkdownLines(bytes)
        var index = FrontMatter.end(of: lines, in: bytes)
        while index < lines.count {
            index = builder.consume(lines, at: index)
        }
        builder.flushParagraph()
        return builder.projection
    }

    struct Builder {
        let source: [UInt8]
        var projection = ProjectedText()
        var paragraph: [Range<Int>] = []
        /// An open code fence, and the block-quote depth it was opened at (it closes with its quote).
        var fence: (marker: UInt8, length: Int, depth: Int)?
        var rawHTMLEnd: [UInt8]?
        var inList = false

        init(source: [UInt8]) { self.source = source }

        /// Handles the line at `index`; returns the next line to handle.
        mutating func consume(_ lines: MarkdownLines, at index: Int) -> Int {
            let line = lines[index]
            let (content, depth) = MarkdownLines.stripBlockQuotes(in: source, line)
            if let open = fence {
                if depth >= open.depth {
                    if let close = MarkdownLines.fence(in: source, content),
                       close.marker == open.marker, close.length >= open.length, close.infoIsEmpty {
                        fence = nil
                    }
                    return index + 1
                }
                fence = nil  // the block quote holding the fence ended
            }
            if let end = rawHTMLEnd {
                if source[line].containsSequence(end) { rawHTMLEnd = nil }
                return index + 1
            }
            let (indent, textStart) = MarkdownLines.indentation(in: source, content)
            let text = textStart..<content.upperBound
            if text.isEmpty {
                flushParagraph()
                return index + 1
            }
            if indent >= 4 && paragraph.isEmpty && !inList { return index + 1 }  // indented code
            if let open = MarkdownLines.fence(in: source, text) {
                flushParagraph()
                fence = (open.marker, open.length, depth)
                return index + 1
            }
            if let end = MarkdownLines.rawHTMLBlockEnd(in: source, text) {
                flushParagraph()
                if !source[text].containsSequence(end) { rawHTMLEnd = end }
                return index + 1
            }
            if source[text].starts(with: Array("<!--".utf8)) {
                flushParagraph()
                var next = index
                while next < lines.count, !source[lines[next]].containsSequence(Array("-->".utf8)) { next += 1 }
                return next + 1
            }
            if !paragraph.isEmpty, MarkdownLines.isSetextUnderline(in: source, text) {
                flushParagraph()
                return index + 1
            }
            if MarkdownLines.isThematicBreak(in: source, text) {
                flushParagraph()
                return index + 1
            }
            if paragraph.isEmpty, MarkdownLines.isLinkReferenceDefinition(in: source, text) { return index + 1 }
            if let heading = MarkdownLines.atxHeadingContent(in: source, text) {
                flushParagraph()
                paragraph = [heading]
                flushParagraph()
                inList = false
                return index + 1
            }
            if let item = MarkdownLines.listItemContent(in: source, text) {
                flushParagraph()
                inList = true
                paragraph = [item]
                return index + 1
            }
            if indent == 0 && paragraph.isEmpty { inList = false }
            paragraph.append(text)
            return index + 1
        }

        /// Emits the pending paragraph (or heading, or list item) as one block.
        mutating func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            if !projection.bytes.isEmpty { projection.appendSeparator("\n\n") }
            MarkdownInline.append(lines: paragraph, of: source, to: &projection)
            paragraph = []
        }
    }
}

/// YAML (`---`) and TOML (`+++`) front matter at the very start of a document.
enum FrontMatter {
    /// The index of the first line after the front matter (0 when there is none).
    static func end(of lines: MarkdownLines, in bytes: [UInt8]) -> Int {
        guard lines.count > 1 else { return 0 }
        let first = String(decoding: bytes[lines[0]], as: UTF8.self).trimmingTrailingSpaces
        let closers: [String]
        switch first {
        case "---": closers = ["---", "..."]
        case "+++": closers = ["+++"]
        default: return 0
        }
        for index in 1..<lines.count {
            let text = String(decoding: bytes[lines[index]], as: UTF8.self).trimmingTrailingSpaces
            if closers.contains(text) { return index + 1 }
        }
        return 0  // unclosed: not front matter
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while let last = copy.last, last == " " || last == "\t" { copy.removeLast() }
        return copy
    }
}

extension ArraySlice where Element == UInt8 {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        var index = startIndex
        while index + needle.count <= endIndex {
            if self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
