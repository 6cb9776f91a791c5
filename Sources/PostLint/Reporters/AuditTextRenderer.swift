import Foundation

/// `postlint audit`'s text summary: counts, categories, top rules with an example, months.
public struct AuditTextRenderer {
    /// Where the HTML report was written, to name it at the end.
    public var htmlPath: String?

    public init(htmlPath: String? = nil) { self.htmlPath = htmlPath }

    public func render(_ audit: Audit) -> String {
        let summary = audit.summary
        func share(_ part: Int, _ whole: Int) -> String { whole == 0 ? "0.0%" : String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var out = "postlint audit of \(audit.inputs.count) input\(audit.inputs.count == 1 ? "" : "s")\n"
        out += TextReporter.postsLine(summary) + "\n"
        out += "\(summary.postsFlagged) of \(summary.postsLinted) post\(summary.postsLinted == 1 ? "" : "s") need\(summary.postsLinted == 1 && summary.postsFlagged == 1 ? "s" : "") attention (\(share(summary.postsFlagged, summary.postsLinted))), \(summary.findings) finding\(summary.findings == 1 ? "" : "s")\n"
        if !summary.byCategory.isEmpty {
            out += "\nby category (posts):\n"
            for (category, count) in summary.byCategory.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "  \(pad(category, 20))\(count) (\(share(count, summary.postsLinted)))\n"
            }
            out += "\ntop rules (findings):\n"
            for (rule, count) in summary.byRule.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(10) {
                var line = "  \(pad(rule, 52))\(count)"
                if let example = audit.examplesByRule[rule]?.first {
                    line += audit.redact ? "  e.g. post \(example.post.id)" : "  e.g. \"\(example.match)\" (post \(example.post.id))"
                }
                out += line + "\n"
            }
        }
        if !summary.postsByMonth.isEmpty {
            out += "\nby month (flagged / posts):\n"
            for month in summary.postsByMonth.keys.sorted() {
                let posts = summary.postsByMonth[month] ?? 0, flagged = summary.flaggedByMonth[month] ?? 0
                out += "  \(month)  \(flagged) / \(posts) (\(share(flagged, posts)))\n"
            }
        }
        if let htmlPath { out += "\nHTML report: \(htmlPath)\n" }
        return out
    }
}
