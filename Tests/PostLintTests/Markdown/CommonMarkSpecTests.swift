import Foundation
import PostLint
import Testing

/// Runs the CommonMark spec's examples for code blocks, code spans, autolinks and raw HTML
/// (Fixtures/commonmark/spec-examples.spec) through the Markdown projection: words that the
/// spec renders only as code must never reach the rules, and prose words must.
@Suite struct CommonMarkSpecTests {
    struct Example: CustomStringConvertible {
        let number: Int
        let section: String
        let markdown: String
        let html: String
        var description: String { "example \(number) (\(section))" }
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/commonmark/spec-examples.spec")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var examples: [Example] = []
        for block in text.components(separatedBy: "%%%\n") {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let header = lines.firstIndex(where: { $0.hasPrefix("example ") }),
                  let dot = lines[header...].firstIndex(of: ".") else { continue }
            let title = lines[header].dropFirst("example ".count)
            let number = Int(title.prefix { $0.isNumber }) ?? 0
            let section = String(title.drop { $0 != "(" }.dropFirst().dropLast())
            let markdown = lines[(header + 1)..<dot].joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
            let html = lines[(dot + 1)...].joined(separator: "\n").replacingOccurrences(of: "→", with: "\t")
            examples.append(Example(number: number, section: section, markdown: markdown, html: html))
        }
        return examples
    }()

    static func words(_ text: String) -> Set<String> {
        Set(text.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() })
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// (words rendered as code or autolink, words rendered as prose) from the spec's HTML.
    static func split(_ example: Example) -> (code: Set<String>, prose: Set<String>) {
        var html = example.html
        var code = Set<String>()
        // Autolinks are never linted: their anchors count as code (elsewhere, anchors whose
        // text is a URL are autolinks too).
        let codeish = example.section == "Autolinks" ? #"<code>[\s\S]*?</code>|<a [^>]*>[\s\S]*?</a>"#
            : #"<code[^>]*>[\s\S]*?</code>|<a href="[^"]*">[A-Za-z][A-Za-z0-9+.-]*:[^<]*</a>"#
        while let range = html.range(of: codeish, options: .regularExpression) {
            code.formUnion(words(decodeEntities(String(html[range]).replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression))))
            html.replaceSubrange(range, with: " ")
        }
        let prose = decodeEntities(html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression))
        return (code, words(prose))
    }

    static func projectedWords(_ markdown: String) -> Set<String> {
        words(String(decoding: MarkdownProjector.project(Array(markdown.utf8)).bytes, as: UTF8.self))
    }

    @Test func fixtureHoldsTheSpecExamples() {
        #expect(Self.examples.count == 103)
    }

    @Test(arguments: examples)
    func codeIsNeverLinted(_ example: Example) {
        let (code, prose) = Self.split(example)
        let leaked = code.subtracting(prose).intersection(Self.projectedWords(example.markdown))
        #expect(leaked.isEmpty, "\(example): code words reached the rules: \(leaked.sorted())\n\(example.markdown)")
    }

    @Test(arguments: examples.filter { ["Indented code blocks", "Fenced code blocks", "Code spans"].contains($0.section) })
    func proseIsLinted(_ example: Example) {
        let (_, prose) = Self.split(example)
        let missing = prose.subtracting(Self.projectedWords(example.markdown))
        #expect(missing.isEmpty, "\(example): prose words not linted: \(missing.sorted())\n\(example.markdown)")
    }
}
