/// One input on its way through the finding stages: a document (a file, standard input or a
/// string) or one post of a multi-post input, with its findings so far.
public struct LintItem: Sendable {
    public var document: Document
    public var findings: [Finding]
    /// The post this item is, for multi-post inputs; nil for documents.
    public var post: Post?
    /// The input's path relative to the configuration's folder (for per-glob settings).
    public var configurationPath: String

    public init(document: Document, findings: [Finding], post: Post? = nil, configurationPath: String) {
        self.document = document
        self.findings = findings
        self.post = post
        self.configurationPath = configurationPath
    }

    /// The item as reporters see it.
    public var linted: LintedDocument { LintedDocument(document: document, findings: findings) }
}
