import PostLint

/// The body `POST /v1/check` answers with: the document `check --format json` writes
/// (`findings`, `problems`, `summary`, `version`, keys sorted), compact, with each finding
/// written by the JSON reporter's own `FindingJSON`, so the findings are the same bytes.
enum CheckResponse {
    static func body(_ report: RunReport) -> [UInt8] {
        // `findings` is computed (gathered and sorted): once.
        let findings = report.findings
        var out: [UInt8] = []
        out.reserveCapacity(256 + findings.count * 512)
        out += #"{"findings":["#.utf8
        for (index, finding) in findings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            FindingJSON.appendFinding(finding, to: &out)
        }
        out += #"],"problems":["#.utf8
        for (index, problem) in report.problems.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            // As `JSONReporter.Problem`: line and column only when known.
            out += #"{"#.utf8
            if problem.line > 0 { out += #""column":\#(problem.column),"#.utf8 }
            if problem.line > 0 { out += #""line":\#(problem.line),"#.utf8 }
            out += #""message":"#.utf8
            FindingJSON.appendString(problem.message, to: &out)
            out += #","path":"#.utf8
            FindingJSON.appendString(problem.file, to: &out)
            out += #"}"#.utf8
        }
        let summary = report.summary
        out += #"],"summary":{"errors":\#(summary.errors),"files":\#(summary.files),"findings":\#(summary.findings),"#.utf8
        out += #""info":\#(summary.info),"problems":\#(summary.problems),"warnings":\#(summary.warnings)},"version":1}"#.utf8
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
