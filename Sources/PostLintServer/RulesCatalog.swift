import PostLint

/// `GET /v1/rules`: the rules the server lints with (id, category, severity, title, message,
/// explanation, suggestions, sources), the categories and the regions a request may name; the
/// page reads it once for explanations and the region picker.
enum RulesCatalog {
    static func body(_ rules: [RuleDefinition]) -> [UInt8] {
        var out: [UInt8] = Array(#"{"categories":["#.utf8)
        let categories = Array(Set(rules.map(\.category))).sorted()
        for (index, category) in categories.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"id":"#.utf8
            FindingJSON.appendString(category, to: &out)
            out += #","name":"#.utf8
            FindingJSON.appendString(LanguageToolAPI.categoryName(category), to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"regions":["#.utf8
        for (index, region) in LanguageToolAPI.regions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            FindingJSON.appendString(region, to: &out)
        }
        out += #"],"rules":["#.utf8
        for (index, rule) in rules.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"category":"#.utf8
            FindingJSON.appendString(rule.category, to: &out)
            out += #","explanation":"#.utf8
            FindingJSON.appendString(rule.explanation, to: &out)
            out += #","id":"#.utf8
            FindingJSON.appendString(rule.id, to: &out)
            out += #","message":"#.utf8
            FindingJSON.appendString(rule.message, to: &out)
            out += #","severity":"#.utf8
            FindingJSON.appendString(rule.severity.rawValue, to: &out)
            out += #","sources":["#.utf8
            for (position, source) in rule.sources.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                FindingJSON.appendString(source, to: &out)
            }
            out += #"],"suggestions":["#.utf8
            for (position, suggestion) in rule.suggestions.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                FindingJSON.appendString(suggestion, to: &out)
            }
            out += #"],"title":"#.utf8
            FindingJSON.appendString(rule.title, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += "]}\n".utf8
        return out
    }
}

/// The server's name and version in responses (`software` of the LanguageTool shape, the
/// `Server` header).
public enum ServerInfo {
    /// Kept equal to `postlint --version` (a test compares them).
    public static let version = "0.1.0"
}
