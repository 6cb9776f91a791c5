/// `--format checkstyle`: Checkstyle XML (for cs2pr, reviewdog `-f=checkstyle`, Jenkins
/// warnings-ng): one `<file>` per input, one `<error>` per finding with the rule id as `source`.
public struct CheckstyleReporter: Reporter {
    public static let name = "checkstyle"
    public init() {}

    public func render(_ report: RunReport) -> String { collected(report) }

    /// In pieces, input by input (issue 17: memory holds one piece of text, not the report's).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        PieceBuffer.pieces(to: write) { render(report, into: &$0) }
    }

    private func render(_ report: RunReport, into buffer: inout PieceBuffer) {
        buffer.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
        for linted in report.documents {
            var out = ""
            out += "  <file name=\"\(XML.escape(linted.document.path ?? "<stdin>"))\">\n"
            for finding in linted.findings {
                out += "    <error line=\"\(finding.location.line)\" column=\"\(finding.location.column)\" severity=\"\(finding.severity.rawValue)\" "
                out += "message=\"\(XML.escape(finding.message))\" source=\"\(XML.escape(finding.rule))\"/>\n"
            }
            out += "  </file>\n"
            buffer.append(out)
        }
        for problem in report.problems {
            var out = ""
            out += "  <file name=\"\(XML.escape(problem.file))\">\n"
            out += "    <error \(problem.line > 0 ? "line=\"\(problem.line)\" column=\"\(max(1, problem.column))\" " : "")severity=\"error\" message=\"\(XML.escape(problem.message))\" source=\"postlint.input\"/>\n"
            out += "  </file>\n"
            buffer.append(out)
        }
        buffer.append("</checkstyle>\n")
    }
}
