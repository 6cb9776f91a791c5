import Foundation

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule
/// is described (short and full description, markdown help), `ruleId`s are the stable rule
/// ids, URIs are the paths as given (run postlint from the repository root for
/// repository-relative URIs), each result has `partialFingerprints`, and columns are stated
/// as Unicode code points. GitHub code scanning refuses a run with more than 25,000 results,
/// so past `maxResults` the most severe are kept (errors, then warnings, then info, each in
/// report order) and a notification in the log says how many were left out.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    /// GitHub code scanning's limit of results per run.
    public static let gitHubResultLimit = 25_000
    public var toolVersion: String
    public var maxResults: Int

    public init(toolVersion: String = "0.1.0", maxResults: Int = SARIFReporter.gitHubResultLimit) {
        self.toolVersion = toolVersion
        self.maxResults = maxResults
    }

    public func render(_ report: RunReport) -> String {
        var text = ""
        render(report, to: { text += $0 })
        return text
    }

    /// Each result is serialised as soon as it is built and only its text is kept; the log
    /// is serialised with no results and they are indented into their place, so memory holds
    /// the output's text once, not a tree of every result as well (issue 17).
    public func render(_ report: RunReport, to write: (String) -> Void) {
        var rules = report.rules
        let described = Set(rules.map(\.id))
        // Findings about suppressions come from rules that are not in any pack.
        for id in Set(report.findings.map(\.rule)).subtracting(described).sorted() {
            rules.append(RuleDefinition(id: id, kind: "builtin", category: "suppression", severity: .warning,
                                        title: "Suppression comment problem", message: id, suggestions: [],
                                        explanation: "Reported for postlint-disable comments that suppress nothing, name unknown rules or give no reason.",
                                        sources: [Suppressions.documentation], examples: RuleExamples(bad: [], good: []), file: "", line: 0))
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var results: [(severity: Severity, text: String)] = []
        for linted in report.documents {
            var occurrences: [String: Int] = [:]
            let lines = LineIndex(linted.document.bytes)
            for finding in linted.findings {
                let hash = Baseline.fingerprint(of: finding, in: linted.document, lines: lines)
                occurrences[hash, default: 0] += 1
                var region: [String: Any] = [
                    "startLine": finding.location.line, "startColumn": finding.location.column,
                    "endLine": finding.location.endLine, "endColumn": finding.location.endColumn,
                    "byteOffset": finding.location.offset, "byteLength": finding.location.length,
                ]
                region["snippet"] = ["text": finding.match]
                var result: [String: Any] = [
                    "ruleId": finding.rule,
                    "level": Self.level(finding.severity),
                    "message": ["text": finding.message + (finding.suggestions.first.map { " (suggestion: \($0))" } ?? "")],
                    "locations": [["physicalLocation": [
                        "artifactLocation": ["uri": Self.uri(finding.location.path), "uriBaseId": "%SRCROOT%"],
                        "region": region,
                    ]]],
                    "partialFingerprints": [
                        "primaryLocationLineHash": "\(hash):\(occurrences[hash]!)",
                        "postlintFingerprint/v1": hash,
                    ],
                ]
                if let index = ruleIndex[finding.rule] { result["ruleIndex"] = index }
                if let fix = finding.fix {
                    result["fixes"] = [[
                        "description": ["text": "Replace with '\(fix)'"],
                        "artifactChanges": [[
                            "artifactLocation": ["uri": Self.uri(finding.location.path), "uriBaseId": "%SRCROOT%"],
                            "replacements": [[
                                "deletedRegion": ["startLine": finding.location.line, "startColumn": finding.location.column,
                                                  "endLine": finding.location.endLine, "endColumn": finding.location.endColumn],
                                "insertedContent": ["text": fix],
                            ]],
                        ]],
                    ]]
                }
                results.append((finding.severity, Self.serialise(result)))
            }
        }
        var notifications: [[String: Any]] = []
        if results.count > maxResults {
            let order: [Severity: Int] = [.error: 0, .warning: 1, .info: 2]
            let kept = results.enumerated().sorted { (order[$0.element.severity]!, $0.offset) < (order[$1.element.severity]!, $1.offset) }
                .prefix(maxResults).sorted { $0.offset < $1.offset }.map(\.element)
            notifications.append(["level": "warning", "message": ["text":
                "\(results.count - maxResults) of \(results.count) results were left out: GitHub code scanning accepts at most \(maxResults) per run, so the most severe are kept; lint fewer files per run, raise --fail-on, or use --format jsonl for every finding"]])
            results = kept
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "postlint",
                    "version": toolVersion,
                    "informationUri": "https://github.com/postlint/postlint",
                    "rules": rules.map(Self.descriptor),
                ]],
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": ["%SRCROOT%": ["uri": "./"]],
                "results": [] as [Any],
                "invocations": [[
                    "executionSuccessful": report.problems.isEmpty,
                    "toolExecutionNotifications": report.problems.map { problem -> [String: Any] in
                        var location: [String: Any] = ["artifactLocation": ["uri": Self.uri(problem.file)]]
                        if problem.line > 0 { location["region"] = ["startLine": problem.line, "startColumn": max(1, problem.column)] }
                        return ["level": "error", "message": ["text": problem.message], "locations": [["physicalLocation": location]]]
                    } + notifications,
                ]],
            ]],
        ]
        let envelope = Self.serialise(log)
        let marker = "\"results\" : [\n\n      ]"
        guard !results.isEmpty, let slot = envelope.range(of: marker) else {
            write(envelope + "\n")
            return
        }
        write(String(envelope[..<slot.lowerBound]) + "\"results\" : [\n")
        var piece = ""
        for (index, result) in results.enumerated() {
            // Four levels deeper than at the top: JSON strings hold no raw line breaks.
            piece += "        " + result.text.replacingOccurrences(of: "\n", with: "\n        ")
                .replacingOccurrences(of: "\n        \n", with: "\n\n")  // an empty array's blank line stays blank
            piece += index + 1 < results.count ? ",\n" : "\n"
            if (index + 1) % 512 == 0 {
                write(piece)
                piece = ""
            }
        }
        write(piece + "      ]" + envelope[slot.upperBound...] + "\n")
    }

    static func serialise(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func uri(_ path: String?) -> String {
        guard let path else { return "stdin" }
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? trimmed
    }

    static func descriptor(_ rule: RuleDefinition) -> [String: Any] {
        var help = "**\(rule.title)**\n\n\(rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        if !rule.suggestions.isEmpty { help += "\nInstead: " + rule.suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "\n" }
        help += "\nSources:\n" + rule.sources.map { "- <\($0)>\n" }.joined()
        var descriptor: [String: Any] = [
            "id": rule.id,
            "name": rule.id.split(separator: "/").last.map { $0.split(separator: "-").map { $0.capitalized }.joined() } ?? rule.id,
            "shortDescription": ["text": String(rule.title.prefix(1024))],
            "fullDescription": ["text": rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines)],
            "help": ["text": help.replacingOccurrences(of: "**", with: ""), "markdown": help],
            "defaultConfiguration": ["level": level(rule.severity)],
            "properties": ["tags": [rule.category, "mental-health"], "precision": "high",
                           "problem.severity": rule.severity == .info ? "recommendation" : rule.severity.rawValue],
        ]
        // A built-in rule's own page (docs/rules/, generated by `rules docs`), which lists its
        // sources as `help` does; a user's rule has no page there, so its first source.
        descriptor["helpUri"] = RuleDocs.hasPage(rule) ? RuleDocs.pageURL(of: rule.id) : (rule.sources.first ?? RuleDocs.publishedBase)
        return descriptor
    }
}
