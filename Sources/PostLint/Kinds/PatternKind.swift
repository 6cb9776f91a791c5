/// `kind: pattern`: one or more PCRE2 regexes (`pattern:` or `patterns:`), caseless unless
/// `ignore-case: false`. `literals:` may declare the words every match contains.
enum PatternKind: RuleKind {
    static let name = "pattern"
    static let keys: Set<String> = ["pattern", "patterns", "ignore-case", "literals", "deobfuscate"]

    static func compile(_ map: YAMLMap, lists: ListRegistry) throws(Diagnostic) -> any RuleMatcher {
        let spec = try MatchSpec(map)
        guard !spec.patterns.isEmpty else { throw map.error(nil, "a pattern rule needs 'pattern' or 'patterns'") }
        return RangeMatcher(matcher: try TextMatcher(spec, registry: lists, file: map.file, node: map))
    }
}
