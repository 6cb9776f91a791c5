extension InputReader {
    /// HTML fragments (Mastodon posts): text without tags, block ends as line breaks. Chosen
    /// with `--input-format html` or by a reader whose posts are HTML; never guessed from a name.
    static let html = InputReader.document(.html, "HTML fragments, text only", detects: { _, _ in false }) {
        HTMLProjector.project($0)
    }
}
