import Foundation

/// The audit as one self-contained HTML page (no network, no scripts; charts are inline SVG):
/// what share of posts need attention, which kinds, how it changed over time, the rules that
/// fire most, and the flagged posts grouped by category with the suggested rewording.
public struct HTMLAuditRenderer {
    public init() {}

    static let palette: [String: String] = [
        "crisis-resources": "#c0392b", "safe-messaging": "#8e44ad", "misinformation": "#d35400",
        "toxic-positivity": "#2874a6", "stigma": "#117a65", "suppression": "#7f8c8d",
    ]
    static let titles: [String: String] = [
        "crisis-resources": "Missing or outdated crisis resources", "safe-messaging": "Unsafe messaging about suicide",
        "misinformation": "Unverified health claims", "toxic-positivity": "Toxic positivity", "stigma": "Stigmatising language",
    ]

    func color(_ category: String) -> String { Self.palette[category] ?? "#566573" }
    func esc(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    /// `1 post`, `2 posts`.
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// The inputs as one line: the path of a single input, else the count and the folder
    /// they share ("19 inputs in Fixtures/exports/").
    static func inputsLine(_ inputs: [String]) -> String {
        guard inputs.count > 1 else { return inputs.first ?? "no inputs" }
        var common = inputs[0].split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for input in inputs.dropFirst() {
            let parts = input.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        let folder = common.joined(separator: "/")
        return "\(inputs.count) inputs" + (folder.isEmpty ? "" : " in \(folder)/")
    }

    /// Every month from the first to the last, gaps included (a month without posts is an
    /// empty column, not a missing one).
    static func continuousMonths(_ months: some Collection<String>) -> [String] {
        let sorted = months.sorted()
        guard let first = sorted.first, let last = sorted.last,
              let startYear = Int(first.prefix(4)), let startMonth = Int(first.suffix(2)),
              let endYear = Int(last.prefix(4)), let endMonth = Int(last.suffix(2)),
              (endYear - startYear) * 12 + endMonth - startMonth < 1200 else { return sorted }
        var result: [String] = [], year = startYear, month = startMonth
        while (year, month) <= (endYear, endMonth) {
            result.append(String(format: "%04d-%02d", year, month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "0%" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    public func render(_ audit: Audit) -> String {
        let summary = audit.summary
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>postlint audit</title>
            <style>
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2833;margin:0;background:#f4f6f7}
            main{max-width:1040px;margin:0 auto;padding:24px}
            h1{font-size:26px;margin:0 0 4px} h2{font-size:19px;margin:32px 0 10px} h3{font-size:16px;margin:20px 0 8px}
            .muted{color:#5d6d7e} .cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
            .card{background:#fff;border-radius:10px;padding:14px 18px;min-width:150px;box-shadow:0 1px 3px #0001}
            .card b{display:block;font-size:26px} .panel{background:#fff;border-radius:10px;padding:16px 20px;box-shadow:0 1px 3px #0001}
            table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e8e8;vertical-align:top}
            th{font-size:13px;color:#5d6d7e;font-weight:600} code{font-size:13px;background:#f2f3f4;padding:1px 4px;border-radius:4px}
            .post{background:#fff;border-left:4px solid #999;border-radius:6px;padding:10px 14px;margin:8px 0;box-shadow:0 1px 2px #0001}
            .post p{margin:4px 0} mark{background:#fdebd0;padding:0 2px;border-radius:3px} .better{color:#117a65}
            .tag{display:inline-block;font-size:12px;color:#fff;border-radius:10px;padding:1px 8px;margin-right:6px}
            .sev-error{color:#c0392b;font-weight:600} .sev-warning{color:#b9770e;font-weight:600} .sev-info{color:#2874a6;font-weight:600}
            </style></head><body><main>
            <h1>postlint audit</h1>
            <p class="muted" title="\(esc(audit.inputs.joined(separator: "\n")))">\(esc(Self.inputsLine(audit.inputs)))\(audit.redact ? " · post text redacted" : "")</p>

            """
        // Key figures.
        let skipped = summary.skipped.values.reduce(0, +)
        html += "<div class=\"cards\">"
        html += card("\(summary.postsRead)", summary.postsRead == 1 ? "post read" : "posts read")
        html += card("\(summary.postsLinted)", summary.postsLinted == 1 ? "post linted" : "posts linted")
        html += card("\(summary.postsFlagged) <span class=\"muted\" style=\"font-size:15px\">(\(percent(summary.postsFlagged, summary.postsLinted)))</span>",
                     summary.postsFlagged == 1 ? "post needs attention" : "posts need attention")
        html += card("\(summary.findings)", summary.findings == 1 ? "finding" : "findings")
        html += card("\(skipped + summary.badRecords)", "skipped" + (skipped + summary.badRecords > 0 ? ": " + skippedText(summary) : ""))
        html += "</div>\n"
        html += "<div class=\"panel\">\(shareBar(summary))</div>\n"

        html += "<h2>Which kinds of problems</h2>\n<div class=\"panel\">\(categoryChart(summary))</div>\n"
        if !summary.postsByMonth.isEmpty {
            html += "<h2>How it changed over time</h2>\n<div class=\"panel\">\(monthChart(summary))</div>\n"
        }
        html += "<h2>Rules that fire most</h2>\n<div class=\"panel\">\(rulesTable(audit))</div>\n"
        html += "<h2>Flagged posts by category</h2>\n<p class=\"muted\">Up to \(audit.examplesPerCategory) posts per category, in input order.</p>\n"
        for category in summary.byCategory.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).map(\.key) {
            let examples = audit.examplesByCategory[category] ?? []
            html += "<h3><span class=\"tag\" style=\"background:\(color(category))\">\(esc(category))</span>\(esc(Self.titles[category] ?? category)): \(count(summary.byCategory[category] ?? 0, "post"))</h3>\n"
            for example in examples { html += postCard(example) }
            let more = (summary.byCategory[category] ?? 0) - examples.count
            if more > 0 { html += "<p class=\"muted\">…and \(more) more; see the JSON Lines output for all findings.</p>\n" }
        }
        html += "<p class=\"muted\" style=\"margin-top:32px\">Generated by postlint. Findings are prompts for a person to review, not verdicts.</p>\n"
        return html + "</main></body></html>\n"
    }

    func card(_ value: String, _ label: String) -> String {
        "<div class=\"card\"><b>\(value)</b><span class=\"muted\">\(esc(label))</span></div>"
    }

    func skippedText(_ summary: BatchSummary) -> String {
        var parts = summary.skipped.sorted { $0.key < $1.key }.map { TextReporter.skippedLabel($0.value, $0.key) }
        if summary.badRecords > 0 { parts.insert("\(summary.badRecords) malformed", at: 0) }
        return parts.joined(separator: ", ")
    }

    /// One horizontal bar: flagged share of linted posts.
    func shareBar(_ summary: BatchSummary) -> String {
        let width = 960.0
        let share = summary.postsLinted == 0 ? 0 : Double(summary.postsFlagged) / Double(summary.postsLinted)
        let flagged = max(share > 0 ? 2 : 0, width * share)
        return """
            <svg viewBox="0 0 \(Int(width)) 56" width="100%" role="img" aria-label="\(percent(summary.postsFlagged, summary.postsLinted)) of posts need attention">
            <rect x="0" y="8" width="\(Int(width))" height="26" rx="6" fill="#d5dbdb"/>
            <rect x="0" y="8" width="\(Int(flagged))" height="26" rx="6" fill="#c0392b"/>
            <text x="0" y="52" font-size="13" fill="#1c2833">\(percent(summary.postsFlagged, summary.postsLinted)) of posts need attention (\(summary.postsFlagged) of \(count(summary.postsLinted, "post")))</text>
            </svg>
            """
    }

    func categoryChart(_ summary: BatchSummary) -> String {
        let rows = summary.byCategory.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        guard let top = rows.first?.value, top > 0 else { return "<p class=\"muted\">No findings.</p>" }
        let rowHeight = 34, labelWidth = 300.0, barWidth = 480.0
        var svg = "<svg viewBox=\"0 0 960 \(rows.count * rowHeight + 8)\" width=\"100%\" role=\"img\" aria-label=\"posts flagged by category\">"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let width = max(2, barWidth * Double(row.value) / Double(top))
            svg += "<text x=\"0\" y=\"\(y + 20)\" font-size=\"14\" fill=\"#1c2833\">\(esc(Self.titles[row.key] ?? row.key))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(y + 4)\" width=\"\(Int(width))\" height=\"22\" rx=\"4\" fill=\"\(color(row.key))\"/>"
            svg += "<text x=\"\(Int(labelWidth + width + 8))\" y=\"\(y + 20)\" font-size=\"13\" fill=\"#1c2833\">\(count(row.value, "post")) (\(percent(row.value, summary.postsLinted)))</text>"
        }
        return svg + "</svg>"
    }

    /// Monthly columns: the share of that month's posts that were flagged.
    func monthChart(_ summary: BatchSummary) -> String {
        let months = Self.continuousMonths(summary.postsByMonth.keys)
        let shares = months.map { month -> Double in
            let posts = summary.postsByMonth[month] ?? 0
            return posts == 0 ? 0 : Double(summary.flaggedByMonth[month] ?? 0) / Double(posts)
        }
        let top = max(0.05, shares.max() ?? 0)
        let chartHeight = 180.0, left = 40.0, width = 900.0
        let step = width / Double(max(1, months.count))
        var svg = "<svg viewBox=\"0 0 960 240\" width=\"100%\" role=\"img\" aria-label=\"share of posts flagged per month\">"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(Int(chartHeight + 10))\" x2=\"\(Int(left + width))\" y2=\"\(Int(chartHeight + 10))\" stroke=\"#aab7b8\"/>"
        svg += "<text x=\"0\" y=\"16\" font-size=\"12\" fill=\"#5d6d7e\">\(String(format: "%.0f%%", top * 100))</text>"
        let labelEvery = max(1, months.count / 12)
        for (index, month) in months.enumerated() {
            let height = chartHeight * shares[index] / top
            let x = left + Double(index) * step + step * 0.15
            svg += "<rect x=\"\(Int(x))\" y=\"\(Int(chartHeight + 10 - height))\" width=\"\(max(1, Int(step * 0.7)))\" height=\"\(Int(height))\" fill=\"#2874a6\"><title>\(month): \(summary.flaggedByMonth[month] ?? 0) of \(count(summary.postsByMonth[month] ?? 0, "post")) flagged</title></rect>"
            if index % labelEvery == 0 {
                svg += "<text x=\"\(Int(x))\" y=\"\(Int(chartHeight + 30))\" font-size=\"11\" fill=\"#5d6d7e\">\(month)</text>"
            }
        }
        svg += "<text x=\"\(Int(left))\" y=\"236\" font-size=\"12\" fill=\"#5d6d7e\">share of each month's posts that need attention</text>"
        return svg + "</svg>"
    }

    func rulesTable(_ audit: Audit) -> String {
        let rows = audit.summary.byRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(15)
        guard !rows.isEmpty else { return "<p class=\"muted\">No findings.</p>" }
        var html = "<table><tr><th>Rule</th><th>Findings</th><th>Example</th></tr>"
        for (rule, count) in rows {
            let example = audit.examplesByRule[rule]?.first
            let excerpt = example.map { audit.redact ? "post \(esc($0.post.id))" : "\(esc($0.before))<mark>\(esc($0.match))</mark>\(esc($0.after))" } ?? ""
            html += "<tr><td><code>\(esc(rule))</code></td><td>\(count)</td><td>\(excerpt)</td></tr>"
        }
        return html + "</table>"
    }

    func postCard(_ example: Audit.Example) -> String {
        var html = "<div class=\"post\" style=\"border-left-color:\(color(example.category))\">"
        if !example.match.isEmpty {
            html += "<p>\(esc(example.before))<mark>\(esc(example.match))</mark>\(esc(example.after))</p>"
        }
        html += "<p><span class=\"sev-\(example.severity.rawValue)\">\(example.severity.rawValue)</span> \(esc(example.message)) <code>\(esc(example.rule))</code></p>"
        if let suggestion = example.suggestion { html += "<p class=\"better\">Instead: \(esc(suggestion))</p>" }
        var place = "post \(example.post.id)"
        if let timestamp = example.post.timestamp { place += " · \(AuditText.iso8601(timestamp) ?? timestamp)" }
        if let line = example.post.line { place += " · \(example.path):\(line)" } else if let record = example.post.record { place += " · \(record)" }
        return html + "<p class=\"muted\" style=\"font-size:12px\">\(esc(place))</p></div>\n"
    }
}
