import Foundation
import Hummingbird
import PostLint

// LanguageTool's HTTP API, the shape many writing tools speak (LTeX, browser add-ons, editors
// that let the user set a LanguageTool server URL), so they can show postlint's findings.
//
// Field names checked against LanguageTool's public API description (its Swagger page at
// languagetool.org/http-api/swagger-ui, "POST /check" and "GET /languages"), as mirrored by
// the JSON schemas and client types found with the tool library's search on 2026-12-02:
// the check request is a form (`application/x-www-form-urlencoded`) with `text` or `data`
// (annotated text: `{"annotation": [{"text"}, {"markup", "interpretAs"}]}`) and `language`
// (`en-US`, `auto`, …); the response is `{software: {name, version, buildDate, apiVersion,
// status}, language: {name, code, detectedLanguage: {name, code}}, matches: [{message,
// shortMessage, offset, length, replacements: [{value}], context: {text, offset, length},
// sentence, type: {typeName}, rule: {id, description, issueType, urls: [{value}], category:
// {id, name}}}]}`, offsets and lengths in UTF-16 code units (Java's `String` indices);
// `/languages` answers `[{name, code, longCode}]`. Fields postlint has no use for (premium
// hints, `contextForSureMatch`, dictionaries) are left out; clients ignore missing ones.

/// The form fields of `POST /v2/check` that postlint reads; the others LanguageTool defines
/// (`motherTongue`, `enabledRules`, `level`, …) are accepted and ignored.
struct LanguageToolRequest: Decodable {
    var text: String?
    var data: String?
    var language: String?

    /// The region a language tag names (`en-GB` → `GB`), when it is one postlint has crisis
    /// lines for; `auto`, `en` and unknown regions: every region counts.
    var region: String? {
        guard let language, let dash = language.firstIndex(of: "-") else { return nil }
        let code = language[language.index(after: dash)...].prefix { $0 != "-" }.uppercased()
        return LanguageToolAPI.regions.contains(code) ? code : nil
    }
}

enum LanguageToolAPI {
    /// The regions with crisis lines, each an English variant in `/v2/languages`.
    static let regions = RuleFile.builtinRegions.filter { $0 != "INTL" }

    /// `GET /v2/languages`: English, and English for each region postlint knows.
    static func languages() -> [UInt8] {
        var out: [UInt8] = Array(#"[{"code":"en","longCode":"en","name":"English"}"#.utf8)
        for region in regions {
            out += #",{"code":"en","longCode":"en-\#(region)","name":"English (\#(region))"}"#.utf8
        }
        out += "]\n".utf8
        return out
    }

    /// The check response for `report`, the findings of `annotated.text`.
    static func response(_ report: RunReport, annotated: AnnotatedText, language: String?) -> [UInt8] {
        let rules = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [UInt8] = []
        let code = language ?? "auto"
        let name = code == "auto" || code == "en" ? "English" : "English (\(code.split(separator: "-").dropFirst().joined(separator: "-")))"
        out += #"{"language":{"code":"#.utf8
        FindingJSON.appendString(code == "auto" ? "en" : code, to: &out)
        out += #","detectedLanguage":{"code":"en","confidence":1.0,"name":"English"},"name":"#.utf8
        FindingJSON.appendString(name, to: &out)
        out += #"},"matches":["#.utf8
        for (index, finding) in report.findings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendMatch(finding, rule: rules[finding.rule], annotated: annotated, to: &out)
        }
        out += #"],"software":{"apiVersion":1,"buildDate":"","name":"postlint","status":"","version":"#.utf8
        FindingJSON.appendString(ServerInfo.version, to: &out)
        out += "}}\n".utf8
        return out
    }

    private static func appendMatch(_ finding: Finding, rule: RuleDefinition?, annotated: AnnotatedText, to out: inout [UInt8]) {
        let start = finding.location.offset, end = finding.location.offset + finding.location.length
        let offset = annotated.originalOffset(ofByte: start, isEnd: false)
        let length = annotated.originalOffset(ofByte: end, isEnd: true) - offset
        let bytes = annotated.positions.bytes
        let context = Context(bytes, start: start, end: end)
        out += #"{"context":{"length":\#(context.length),"offset":\#(context.offset),"text":"#.utf8
        FindingJSON.appendString(context.text, to: &out)
        out += #"},"length":\#(length),"message":"#.utf8
        FindingJSON.appendString(finding.message, to: &out)
        out += #","offset":\#(offset),"replacements":["#.utf8
        for (index, suggestion) in finding.suggestions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"value":"#.utf8
            FindingJSON.appendString(suggestion, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"rule":{"category":{"id":"#.utf8
        FindingJSON.appendString(finding.category.uppercased().replacingOccurrences(of: "-", with: "_"), to: &out)
        out += #","name":"#.utf8
        FindingJSON.appendString(categoryName(finding.category), to: &out)
        out += #"},"description":"#.utf8
        FindingJSON.appendString(rule?.title ?? finding.message, to: &out)
        out += #","id":"#.utf8
        FindingJSON.appendString(finding.rule, to: &out)
        // LanguageTool's issue types are a fixed list (misspelling, grammar, style, …); these
        // are matters of style and wording, not grammar.
        out += #","issueType":"style","urls":[{"value":"#.utf8
        FindingJSON.appendString(finding.source, to: &out)
        out += #"}]},"sentence":"#.utf8
        FindingJSON.appendString(sentence(bytes, start: start, end: end), to: &out)
        out += #","shortMessage":"","type":{"typeName":"Other"}}"#.utf8
    }

    /// `toxic-positivity` → `Toxic positivity`.
    static func categoryName(_ category: String) -> String {
        let words = category.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Up to 40 scalars either side of the match, line breaks shown as spaces, with the
    /// match's place in it in UTF-16 units (as LanguageTool's `context`).
    struct Context {
        var text: String, offset: Int, length: Int

        init(_ bytes: [UInt8], start: Int, end: Int) {
            func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
            var from = start, scalars = 0
            while from > 0, scalars < 40 { from -= 1; if isLead(bytes[from]) { scalars += 1 } }
            var to = end
            scalars = 0
            while to < bytes.count, scalars < 40 { to += 1; if to == bytes.count || isLead(bytes[to]) { scalars += 1 } }
            func piece(_ range: Range<Int>) -> String {
                String(decoding: bytes[range].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
            }
            let before = piece(from..<start), match = piece(start..<end)
            text = before + match + piece(end..<to)
            offset = before.utf16.count
            length = match.utf16.count
        }
    }

    /// The sentence holding the match: from after the last `.`, `!`, `?` or line break before
    /// it to the next one after it, trimmed.
    static func sentence(_ bytes: [UInt8], start: Int, end: Int) -> String {
        let stops: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, 0x0D]
        var from = start
        while from > 0, !stops.contains(bytes[from - 1]) { from -= 1 }
        var to = end
        while to < bytes.count, !stops.contains(bytes[to]) { to += 1 }
        if to < bytes.count, bytes[to] != 0x0A, bytes[to] != 0x0D { to += 1 }
        return String(decoding: bytes[from..<max(from, to)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
