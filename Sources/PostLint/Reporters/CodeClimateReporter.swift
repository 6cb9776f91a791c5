import Foundation

/// `--format codeclimate`: the GitLab Code Quality subset of the Code Climate format, one JSON
/// array (no BOM), with a fingerprint unique to each finding.
public struct CodeClimateReporter: Reporter {
    public static let name = "codeclimate"
    public init() {}

    struct Issue: Encodable {
        struct Location: Encodable {
            struct Lines: Encodable { let begin: Int; let end: Int }
            let path: String
            let lines: Lines
        }
        let type = "issue"
        let description: String
        let check_name: String
        let fingerprint: String
        let severity: String
        let categories = ["Style"]
        let location: Location
    }

    public func render(_ report: RunReport) -> String { collected(report) }

    /// The same bytes as encoding the whole array at once, issue by issue: each issue is
    /// encoded alone and indented into its place (issue 17: memory holds one piece of text).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var count = 0
        PieceBuffer.pieces(to: write) { out in
            for linted in report.documents {
                var occurrences: [String: Int] = [:]
                let lines = LineIndex(linted.document.bytes)
                for finding in linted.findings {
                    let content = Baseline.fingerprint(of: finding, in: linted.document, lines: lines)
                    let path = Baseline.key(finding.location.path)
                    let key = "\(path)\u{0}\(content)"
                    occurrences[key, default: 0] += 1
                    let issue = Issue(
                        description: finding.message, check_name: finding.rule,
                        fingerprint: FNV1a.hex("\(key)\u{0}\(occurrences[key]!)"),
                        severity: Self.severity(finding.severity),
                        location: .init(path: path, lines: .init(begin: finding.location.line, end: finding.location.endLine)))
                    // Encoding these plain value types cannot fail.
                    let encoded = String(decoding: try! encoder.encode(issue), as: UTF8.self)
                    out.append((count == 0 ? "[\n  " : ",\n  ") + encoded.replacingOccurrences(of: "\n", with: "\n  "))
                    count += 1
                }
            }
            out.append(count == 0 ? "[\n\n]\n" : "\n]\n")
        }
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "major"
        case .warning: return "minor"
        case .info: return "info"
        }
    }
}
