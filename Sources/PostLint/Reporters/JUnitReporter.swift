/// `--format junit`: JUnit XML for GitLab and Jenkins. Each finding is its own test case with a
/// unique name (`classname` = rule id, `name` = path:line:column; GitLab keeps only the first
/// of duplicates): errors and warnings fail, info findings pass with the finding in
/// `<system-out>` (advice is not a failed test; `failing` changes that). Each input without
/// findings is one passing test case.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    /// The lowest severity written as a failure.
    public var failing: Severity
    public init(failing: Severity = .warning) { self.failing = failing }

    public func render(_ report: RunReport) -> String { collected(report) }

    /// The counts in the header come first, so they are computed in a first pass; the test
    /// cases are then written in pieces (issue 17: memory holds one piece of text at a time).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        var tests = report.problems.count, failures = report.problems.count
        for linted in report.documents {
            tests += max(1, linted.findings.count)
            failures += linted.findings.filter { $0.severity >= failing }.count
        }
        PieceBuffer.pieces(to: write) { out in
            out.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="postlint" tests="\(tests)" failures="\(failures)" errors="0">
                  <testsuite name="postlint" tests="\(tests)" failures="\(failures)" errors="0" skipped="0" time="0">

                """)
            var first = true
            func add(_ testCase: String) {
                out.append(first ? testCase : "\n" + testCase)
                first = false
            }
            for linted in report.documents {
                let path = linted.document.path ?? "<stdin>"
                if linted.findings.isEmpty {
                    add("    <testcase classname=\"postlint\" name=\"\(XML.escape(path))\" file=\"\(XML.escape(path))\" time=\"0\"/>")
                }
                var seen: [String: Int] = [:]
                for finding in linted.findings {
                    var name = "\(path):\(finding.location.line):\(finding.location.column)"
                    seen[name + finding.rule, default: 0] += 1
                    if let count = seen[name + finding.rule], count > 1 { name += " (\(count))" }
                    var body = "\(finding.message)\n\(path):\(finding.location.line):\(finding.location.column)\nmatch: \(finding.match)"
                    for suggestion in finding.suggestions { body += "\nsuggestion: \(suggestion)" }
                    body += "\nsource: \(finding.source)"
                    guard finding.severity >= failing else {
                        add("""
                                <testcase classname="\(XML.escape(finding.rule))" name="\(XML.escape(name))" file="\(XML.escape(path))" time="0">
                                  <system-out>\(XML.escape("\(finding.severity.rawValue): " + body))</system-out>
                                </testcase>
                            """)
                        continue
                    }
                    add("""
                            <testcase classname="\(XML.escape(finding.rule))" name="\(XML.escape(name))" file="\(XML.escape(path))" time="0">
                              <failure type="\(finding.severity.rawValue)" message="\(XML.escape(finding.message))">\(XML.escape(body))</failure>
                            </testcase>
                        """)
                }
            }
            for problem in report.problems {
                add("""
                        <testcase classname="postlint.input" name="\(XML.escape(problem.file))" file="\(XML.escape(problem.file))" time="0">
                          <error type="input" message="\(XML.escape(problem.message))">\(XML.escape(problem.description))</error>
                        </testcase>
                    """)
            }
            out.append("""

                  </testsuite>
                </testsuites>

                """)
        }
    }
}
