extension InputReader {
    /// Plain text: every byte is linted; the fast path of the prefilter applies.
    static let plainText = InputReader.document(.text, "plain text, linted whole", lintsWholeText: true,
                                                detects: { _, ext in ext == "txt" }) { ProjectedText(wholeOf: $0) }
}
