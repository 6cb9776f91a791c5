/// `--format text`: `path:line:col: severity: message [rule-id]`, the source line with the
/// match underlined, the suggestions and the source link, then a summary line.
public struct TextReporter: Reporter {
    public static let name = "text"
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ report: RunReport) -> String {
        var text = ""
        render(report, to: { text += $0 })
        return text
    }

    /// Writes the findings input by input, in pieces of about 64 KB, never the whole text.
    public func render(_ report: RunReport, to write: (String) -> Void) {
        var out = ""
        let style = Style(enabled: color)
        for linted in report.documents {
            let lines = LineIndex(linted.document.bytes)
            for finding in linted.findings {
                out += render(finding, in: linted.document, lines: lines, style: style)
            }
            if out.utf8.count >= 1 << 16 {
                write(out)
                out = ""
            }
        }
        if let posts = report.posts { out += Self.postsLine(posts) + "\n" }
        out += summaryLine(report.summary, posts: report.posts, style: style) + "\n"
        write(out)
    }

    /// Lines longer than this many bytes are shown as a window around the match.
    static let longLine = 240

    /// The bytes of the line to show: the whole line, or about 100 bytes either side of the
    /// match, cut at UTF-8 scalar boundaries.
    static func window(around match: Range<Int>, in line: Range<Int>, of bytes: [UInt8]) -> Range<Int> {
        guard line.count > longLine else { return line }
        var lower = max(line.lowerBound, match.lowerBound - 100)
        var upper = min(line.upperBound, max(match.upperBound, match.lowerBound) + 100)
        while lower > line.lowerBound && bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
        while upper < line.upperBound && bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        return lower..<upper
    }

    func render(_ finding: Finding, in document: Document, lines: LineIndex, style: Style) -> String {
        let location = finding.location
        var path = location.path ?? "<stdin>"
        if let post = location.post {
            // A post of a multi-post file: where the post is, then the position inside it.
            let place = post.line.map { "line \($0)" } ?? post.record ?? ""
            path += " (post \(post.id)\(place.isEmpty ? "" : ", \(place)"))"
        }
        var out = style.bold("\(path):\(location.line):\(location.column):") + " "
            + style.severity(finding.severity) + ": " + finding.message + " " + style.dim("[\(finding.rule)]") + "\n"
        let lineRange = lines.lineRange(location.line, in: document.bytes)
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        let matchEnd = min(location.offset + location.length, lineRange.upperBound)
        // A long line is shown as a window around the match, so a line dense with findings
        // does not print itself once per finding.
        let window = Self.window(around: location.offset..<max(location.offset, matchEnd), in: lineRange, of: document.bytes)
        let lineText = (window.lowerBound > lineRange.lowerBound ? "…" : "") + String(decoding: document.bytes[window], as: UTF8.self)
            + (window.upperBound < lineRange.upperBound ? "…" : "")
        let before = (window.lowerBound > lineRange.lowerBound ? "…" : "")
            + String(decoding: document.bytes[window.lowerBound..<location.offset], as: UTF8.self)
        let matched = String(decoding: document.bytes[location.offset..<max(location.offset, matchEnd)], as: UTF8.self)
        let indent = String(repeating: " ", count: DisplayWidth.of(before))
        let underline = "^" + String(repeating: "~", count: max(0, DisplayWidth.of(matched) - 1))
        out += style.dim(" \(gutter) | ") + lineText.replacingTabs + "\n"
        out += style.dim(" \(pad) | ") + indent + style.caret(underline, finding.severity) + "\n"
        for suggestion in finding.suggestions {
            out += " \(pad) = " + style.bold("suggestion:") + " \(suggestion)\n"
        }
        out += " \(pad) = " + style.bold("source:") + " \(finding.source)\n"
        return out
    }

    /// "1000 posts read, 998 linted, 140 flagged; skipped: 2 bad records, 12 boosts (Announce)".
    /// "1 boost (Announce)", "2 boosts (Announce)": readers name what they skip in the plural.
    public static func skippedLabel(_ count: Int, _ reason: String) -> String {
        guard count == 1 else { return "\(count) \(reason)" }
        let words = reason.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = words.first, first.count > 2, first.hasSuffix("s"), !first.hasSuffix("ss") else { return "1 \(reason)" }
        return "1 " + first.dropLast() + (words.count > 1 ? " " + words[1] : "")
    }

    public static func postsLine(_ posts: BatchSummary) -> String {
        var line = "\(posts.postsRead) post\(posts.postsRead == 1 ? "" : "s") read, \(posts.postsLinted) linted, \(posts.postsFlagged) flagged"
        var skipped = posts.skipped.sorted { $0.key < $1.key }.map { Self.skippedLabel($0.value, $0.key) }
        if posts.badRecords > 0 { skipped.insert("\(posts.badRecords) bad record\(posts.badRecords == 1 ? "" : "s") (see above)", at: 0) }
        if !skipped.isEmpty { line += "; skipped: " + skipped.joined(separator: ", ") }
        let other = posts.otherLanguages.values.reduce(0, +)
        if other > 0 {
            let languages = posts.otherLanguages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
            line += "; not linted: \(other) in another language (\(languages.joined(separator: ", ")))"
        }
        return line
    }

    func summaryLine(_ summary: RunSummary, posts: BatchSummary? = nil, style: Style) -> String {
        var inputs = summary.files == 1 ? "1 input" : "\(summary.files) inputs"
        if let posts {
            // Flagged posts are the documents of a multi-post run; other inputs are files.
            let files = summary.files - posts.postsFlagged
            inputs = "\(posts.postsLinted) post\(posts.postsLinted == 1 ? "" : "s")" + (files > 0 ? " and \(files) input\(files == 1 ? "" : "s")" : "")
        }
        var line: String
        if summary.findings == 0 {
            line = "no findings in \(inputs)"
        } else {
            var parts: [String] = []
            if summary.errors > 0 { parts.append("\(summary.errors) error\(summary.errors == 1 ? "" : "s")") }
            if summary.warnings > 0 { parts.append("\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")") }
            if summary.info > 0 { parts.append("\(summary.info) info") }
            line = "\(summary.findings) finding\(summary.findings == 1 ? "" : "s") (\(parts.joined(separator: ", "))) in \(inputs)"
        }
        if summary.problems > 0 {
            line += "; \(summary.problems) input\(summary.problems == 1 ? "" : "s") could not be linted (see above)"
        }
        return style.bold(line)
    }
}

extension String {
    /// Tabs shown as one space, so the underline lines up.
    var replacingTabs: String { replacingOccurrences(of: "\t", with: " ") }
}
