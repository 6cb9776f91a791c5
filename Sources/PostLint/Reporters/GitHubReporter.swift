/// `--format github`: GitHub Actions workflow commands, one annotation per finding:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Data is escaped as
/// the Actions toolkit does (`%`, CR, LF; and `:` and `,` in properties). GitHub shows only 10
/// annotations of each level per step, so `stepSummary` gives a table for `$GITHUB_STEP_SUMMARY`.
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public init() {}

    public func render(_ report: RunReport) -> String { collected(report) }

    /// One annotation after another, in pieces (issue 17).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        PieceBuffer.pieces(to: write) { render(report, into: &$0) }
    }

    private func render(_ report: RunReport, into out: inout PieceBuffer) {
        for finding in report.findings {
            let location = finding.location
            var properties = ["file=\(Self.escapeProperty(location.path ?? "<stdin>"))", "line=\(location.line)"]
            // The toolkit forbids columns on annotations that span lines.
            if location.line == location.endLine {
                properties += ["col=\(location.column)", "endColumn=\(location.endColumn)"]
            }
            properties += ["endLine=\(location.endLine)", "title=\(Self.escapeProperty("postlint \(finding.rule)"))"]
            var message = finding.message
            if let suggestion = finding.suggestions.first { message += "\nSuggestion: \(suggestion)" }
            message += "\nSource: \(finding.source)"
            out.append("::\(Self.command(finding.severity)) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n")
        }
        for problem in report.problems {
            var properties = ["file=\(Self.escapeProperty(problem.file))"]
            if problem.line > 0 { properties += ["line=\(problem.line)", "col=\(max(1, problem.column))"] }
            properties.append("title=\(Self.escapeProperty("postlint could not lint this input"))")
            out.append("::error \(properties.joined(separator: ","))::\(Self.escapeData(problem.message))\n")
        }
    }

    /// A Markdown summary: counts by severity and a table of every finding.
    public func stepSummary(_ report: RunReport) -> String {
        let summary = report.summary
        var out = "## postlint\n\n"
        out += "\(summary.findings) finding\(summary.findings == 1 ? "" : "s") in \(summary.files) input\(summary.files == 1 ? "" : "s"): "
        out += "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.info) info"
        if summary.problems > 0 { out += "; \(summary.problems) input\(summary.problems == 1 ? "" : "s") could not be linted" }
        out += "\n\n"
        guard !report.findings.isEmpty else { return out }
        out += "| Location | Severity | Rule | Message | Suggestion |\n| --- | --- | --- | --- | --- |\n"
        for finding in report.findings {
            let cells = ["`\(finding.location.path ?? "<stdin>"):\(finding.location.line):\(finding.location.column)`",
                         finding.severity.rawValue, "`\(finding.rule)`", finding.message, finding.suggestions.first ?? ""]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// Escaping of a command's message (`actions/toolkit` `escapeData`).
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a property value (`actions/toolkit` `escapeProperty`).
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
