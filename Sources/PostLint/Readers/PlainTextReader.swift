extension InputReader {
    /// Plain text: every byte is linted (the fast path of the prefilter applies), except the
    /// text of suppression directives: a plain `postlint-disable-next-line RULE` line is
    /// machinery, not prose, and its rule id read as words could join the next line into a
    /// match that starts on the directive's line, out of its reach ("…good-vibes-only" +
    /// "Good vibes" read as "only good vibes"; found through the language server's
    /// "disable for this line"). In Markdown and HTML the directive sits in a comment, which
    /// is never linted.
    static let plainText = InputReader.document(.text, "plain text, linted whole", lintsWholeText: true,
                                                detects: { _, ext in ext == "txt" }) { bytes in
        guard Suppressions.mentionsDirective(bytes) else { return ProjectedText(wholeOf: bytes) }
        var projection = ProjectedText()
        var next = 0
        for directive in Suppressions.directives(in: Document(text: String(decoding: bytes, as: UTF8.self))) where directive.offset >= next {
            projection.append(source: next..<directive.offset, of: bytes)
            projection.appendSeparator("\n\n")  // a paragraph break: nothing spans the directive
            next = directive.offset + directive.length
        }
        projection.append(source: next..<bytes.count, of: bytes)
        return projection
    }
}
