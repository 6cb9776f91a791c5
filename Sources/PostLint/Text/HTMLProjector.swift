/// The text of an HTML fragment (a Mastodon post): tags and comments left out, `<br>` and the
/// ends of `<p>`, `<li>` and headings read as line breaks, `<span class="invisible">` (the
/// hidden parts of shortened links) and `<script>`/`<style>` skipped. Entities are decoded later
/// by the normaliser; positions stay in the HTML.
///
/// NOTE: hand-written because posts are small fragments of a known shape and the mapping
/// back to the HTML must be exact; no listed package parses HTML with positions.
enum HTMLProjector {
    public static func project(_ bytes: [UInt8]) -> ProjectedText {
        var projection = ProjectedText()
        var index = 0, textStart = 0
        var hiddenDepth = 0  // inside invisible spans, script or style
        var spanStack: [Bool] = []  // per open <span>: is it invisible?
        func flush(_ end: Int) {
            if hiddenDepth == 0, textStart < end { projection.append(source: textStart..<end, of: bytes) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { break }
            flush(index)
            let tag = String(decoding: bytes[(index + 1)..<close], as: UTF8.self).lowercased()
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
            let closing = tag.hasPrefix("/")
            switch name {
            case "span":
                if closing {
                    if spanStack.popLast() == true { hiddenDepth -= 1 }
                } else {
                    let invisible = tag.contains("invisible")
                    spanStack.append(invisible)
                    if invisible { hiddenDepth += 1 }
                }
            case "script", "style":
                hiddenDepth += closing ? -1 : 1
                hiddenDepth = max(0, hiddenDepth)
            case "br":
                projection.appendSeparator("\n")
            case "p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
                if closing { projection.appendSeparator("\n\n") }
            default:
                // Inline tags (a, em, strong…) separate nothing, so "<a>good</a> vibes" reads on.
                break
            }
            index = close + 1
            textStart = index
        }
        flush(bytes.count)
        return projection
    }
}
