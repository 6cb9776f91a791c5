import Foundation

/// `--format jsonl`: one finding per line, written as posts are linted, then a final
/// `{"type": "summary", …}` line. With `redact`, no post text leaves: the `match` and
/// `suggestions` are dropped and the message names only the rule.
struct JSONLinesWriter {
    let encoder: JSONEncoder
    public let redact: Bool

    public init(redact: Bool = false) {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.redact = redact
    }

    /// The line for one finding, with its newline.
    public func line(for finding: Finding) -> String {
        var bytes: [UInt8] = []
        FindingJSON.appendLine(redact ? Redaction.redact(finding) : finding, to: &bytes)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    struct SummaryLine: Encodable {
        let type = "summary"
        let summary: BatchSummary
    }

    public func summaryLine(_ summary: BatchSummary) -> String {
        String(decoding: (try? encoder.encode(SummaryLine(summary: summary))) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// The streaming `jsonl` sink: each input's final findings as they leave the stages,
/// flushed after every batch of posts, and the summary line at the end.
public final class JSONLinesSink: LintSink {
    public static let name = "jsonl"
    let output: ReportOutput
    let redact: Bool
    private var bytes: [UInt8] = []

    public init(output: ReportOutput, redact: Bool = false) {
        self.output = output
        self.redact = redact
    }

    public func receive(_ item: LintItem) {
        guard !item.findings.isEmpty else { return }
        for finding in item.findings {
            FindingJSON.appendLine(redact ? Redaction.redact(finding) : finding, to: &bytes)
            bytes.append(0x0A)
        }
        output.write(bytes: bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public func progress(postsRead: Int) { output.flush() }

    public func finish(_ report: RunReport) {
        output.write(JSONLinesWriter(redact: redact).summaryLine(report.posts ?? BatchSummary()))
        output.close()
    }
}

/// `--redact`: outputs keep post ids, rule ids, positions and the rules' suggestions, never
/// post text (the matched text, and messages that quote it).
public enum Redaction {
    public static func redact(_ finding: Finding) -> Finding {
        var copy = finding
        copy.match = ""
        copy.fix = nil
        copy.message = "[\(finding.rule)] finding (text redacted)"
        return copy
    }
}
