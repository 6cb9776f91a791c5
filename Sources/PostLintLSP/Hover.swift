import Foundation
import PostLint

/// `textDocument/hover` on a finding: its rule, message, explanation, suggestions and
/// sources, in Markdown (or plain text for a client that asks for it).
enum Hover {
    static func hover(at offset: Int, in linted: DocumentFindings, encoding: PositionEncoding, markdown: Bool) -> JSONValue {
        let hits = linted.findings.filter { $0.location.offset <= offset && offset <= $0.location.offset + $0.location.length }
        guard let first = hits.first else { return .null }
        let text = hits.map { describe($0, rule: linted.rules[$0.rule], markdown: markdown) }.joined(separator: markdown ? "\n\n---\n\n" : "\n\n")
        return [
            "contents": ["kind": .string(markdown ? "markdown" : "plaintext"), "value": .string(text)],
            "range": LSPRange.json(offset: first.location.offset, length: first.location.length, in: linted.positions, encoding: encoding),
        ]
    }

    static func describe(_ finding: Finding, rule: RuleDefinition?, markdown: Bool) -> String {
        let page = DiagnosticConversion.helpURL(finding, rules: rule.map { [$0.id: $0] } ?? [:])
        let explanation = rule?.explanation.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let sources = rule?.sources ?? [finding.source]
        var parts: [String] = []
        if markdown {
            parts.append("**postlint** `\(finding.rule)` (\(finding.severity.rawValue))")
            parts.append(escape(finding.message))
            if !explanation.isEmpty { parts.append(escape(explanation)) }
            if !finding.suggestions.isEmpty {
                parts.append("**Instead:**\n" + finding.suggestions.map { "- \(escape($0))" }.joined(separator: "\n"))
            }
            parts.append("**Sources:**\n" + sources.map { "- <\($0)>" }.joined(separator: "\n"))
            parts.append("[About this rule](\(page))")
        } else {
            parts.append("postlint \(finding.rule) (\(finding.severity.rawValue))")
            parts.append(finding.message)
            if !explanation.isEmpty { parts.append(explanation) }
            if !finding.suggestions.isEmpty { parts.append("Instead:\n" + finding.suggestions.map { "- \($0)" }.joined(separator: "\n")) }
            parts.append("Sources:\n" + sources.map { "- \($0)" }.joined(separator: "\n"))
            parts.append("About this rule: \(page)")
        }
        return parts.joined(separator: "\n\n")
    }

    /// Backslash-escapes the characters Markdown would read as markup in rule prose.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
