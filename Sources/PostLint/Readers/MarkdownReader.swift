extension InputReader {
    /// Markdown: prose only (no code, front matter, URLs or HTML), lines wrap within sentences.
    static let markdown = InputReader.document(.markdown, "Markdown, prose only", lineBreakEndsSentence: false,
                                               detects: { _, ext in ["md", "markdown", "mdown", "mkd"].contains(ext) }) {
        MarkdownProjector.project($0)
    }
}
