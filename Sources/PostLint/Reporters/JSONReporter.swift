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
        let output = Output(
            findings: report.findings,
            problems: report.problems.map {
                Problem(path: $0.file, line: $0.line > 0 ? $0.line : nil, column: $0.line > 0 ? $0.column : nil, message: $0.message)
            },
            summary: report.summary, posts: report.posts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let data = try! encoder.encode(output)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
