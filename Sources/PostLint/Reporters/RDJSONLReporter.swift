import Foundation

/// `--format rdjsonl`: reviewdog's Diagnostic format, one JSON object per line. Columns are
/// 1-based UTF-8 byte counts and `end` is exclusive, as reviewdog expects; substitution fixes
/// are offered as suggestions.
public struct RDJSONLReporter: Reporter {
    public static let name = "rdjsonl"
    public init() {}

    struct Position: Encodable { let line: Int; let column: Int }
    struct Range: Encodable { let start: Position; let end: Position }
    struct Location: Encodable { let path: String; let range: Range }
    struct Source: Encodable { let name: String; let url: String }
    struct Code: Encodable { let value: String; let url: String }
    struct Suggestion: Encodable { let range: Range; let text: String }
    struct Diagnostic: Encodable {
        let message: String
        let location: Location
        let severity: String
        let source: Source
        let code: Code
        let suggestions: [Suggestion]?
    }

    public func render(_ report: RunReport) -> String { collected(report) }

    /// One diagnostic a line, in pieces (issue 17).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        PieceBuffer.pieces(to: write) { render(report, into: &$0) }
    }

    private func render(_ report: RunReport, into out: inout PieceBuffer) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for linted in report.documents {
            let lines = LineIndex(linted.document.bytes)
            for finding in linted.findings {
                let start = finding.location.offset, end = finding.location.offset + finding.location.length
                let range = Range(
                    start: Position(line: finding.location.line, column: start - lines.lineStarts[finding.location.line - 1] + 1),
                    end: Position(line: finding.location.endLine, column: end - lines.lineStarts[finding.location.endLine - 1] + 1))
                let diagnostic = Diagnostic(
                    message: finding.message,
                    location: Location(path: Baseline.key(finding.location.path), range: range),
                    severity: finding.severity.rawValue.uppercased(),
                    source: Source(name: "postlint", url: "https://github.com/postlint/postlint"),
                    code: Code(value: finding.rule, url: finding.source),
                    suggestions: finding.fix.map { [Suggestion(range: range, text: $0)] })
                if let data = try? encoder.encode(diagnostic) { out.append(String(decoding: data, as: UTF8.self) + "\n") }
            }
        }
    }
}
