import Foundation
import PostLint

/// The findings of one version of an open document, with what turning them into LSP shapes
/// needs: the text's positions, the rules by id and the document's format.
struct DocumentFindings {
    var version: Int
    var findings: [Finding]
    var positions: TextPositions
    var rules: [String: RuleDefinition]
    var format: InputFormat
    /// Lint failures to log (a rule that failed on this text); the other findings still count.
    var problems: [String]
}

/// Where an open document lives on disk and how it is read.
enum DocumentLocation {
    /// The file path of a `file:` URI (percent-decoded), nil for `untitled:` and other schemes.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    /// The `file:` URI of a path.
    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }

    /// Markdown, HTML or plain text: by the editor's language id, else by the file's extension.
    static func format(languageId: String, path: String?) -> InputFormat {
        switch languageId.lowercased() {
        case "markdown", "mdx", "quarto", "rmd": return .markdown
        case "html": return .html
        case "plaintext", "text", "txt": return .text
        default: return path.map(InputFormat.forPath) ?? .text
        }
    }
}

extension LintRun {
    /// Lints an open document as `check PATH` would (configuration, per-glob settings,
    /// suppressions). A document the configuration's `exclude` skips gets no findings, as
    /// `check` skips an excluded file named on its command line.
    func findings(of document: OpenDocument) -> DocumentFindings {
        let path = DocumentLocation.path(ofURI: document.uri)
        let format = DocumentLocation.format(languageId: document.languageId, path: path)
        let excluded = path.map { configuration.excludes(configuration.relativePath($0)) } ?? false
        let report = excluded ? RunReport(documents: [], problems: [], rules: linter.rules)
            : lint(text: document.text, path: path, format: format)
        return DocumentFindings(
            version: document.version, findings: report.findings, positions: TextPositions(document.text),
            rules: Dictionary(linter.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            format: format, problems: report.problems.map(\.description))
    }
}
