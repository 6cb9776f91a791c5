import Foundation

/// `--format json`: one document, `{"version": 1, "findings": [...], "problems": [...],
/// "summary": {...}}`, with sorted keys so output is byte-for-byte deterministic.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public init() {}

    struct Output: Encodable {
        let version = 1
        let findings: [Finding]
        let problems: [Problem]
        let summary: RunSummary
        let posts: BatchSummary?
    }

    struct Problem: Encodable {
        let path: String
        let line: Int?
        let column: Int?
        let message: String
    }

    public func render(_ report: RunReport) -> String {
        var text = ""
        render(report, to: { text += $0 })
        return text
    }

    /// Writes the same bytes as encoding the whole `Output` at once, but finding by finding
    /// (in pieces of `piece` findings): the envelope is encoded with no findings and each
    /// finding is encoded alone and indented into its place, so memory holds one piece of
    /// text, not an encoded tree and a copy of the whole report (issue 17: 1.2M posts took
    /// 4.5 GB).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        let findings = report.findings
        let output = Output(
            findings: [],
            problems: report.problems.map {
                Problem(path: $0.file, line: $0.line > 0 ? $0.line : nil, column: $0.line > 0 ? $0.column : nil, message: $0.message)
            },
            summary: report.summary, posts: report.posts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let envelope = String(decoding: try! encoder.encode(output), as: UTF8.self)
        let marker = "\"findings\" : [\n\n  ]"
        guard !findings.isEmpty, let slot = envelope.range(of: marker) else {
            write(envelope + "\n")
            return
        }
        var piece = String(envelope[..<slot.lowerBound]) + "\"findings\" : [\n"
        let pieceSize = 512
        for (index, finding) in findings.enumerated() {
            let encoded = String(decoding: try! encoder.encode(finding), as: UTF8.self)
            // Two levels deeper than at the top: JSON strings hold no raw line breaks.
            piece += "    " + encoded.replacingOccurrences(of: "\n", with: "\n    ")
                .replacingOccurrences(of: "\n    \n", with: "\n\n")  // an empty array's blank line stays blank
            piece += index + 1 < findings.count ? ",\n" : "\n"
            if (index + 1) % pieceSize == 0 {
                write(piece)
                piece = ""
            }
        }
        write(piece + "  ]" + envelope[slot.upperBound...] + "\n")
    }
}
