/// `kind: phrases`: plain phrases the engine compiles (caseless, word boundaries, flexible
/// whitespace, apostrophes and hyphens; `inflect: true` adds -s/-ed/-ing forms).
enum PhrasesKind: RuleKind {
    static let name = "phrases"
    static let keys: Set<String> = ["phrases", "inflect", "deobfuscate"]

    static func compile(_ map: YAMLMap, lists: ListRegistry) throws(Diagnostic) -> any RuleMatcher {
        let spec = try MatchSpec(map)
        guard !spec.phrases.isEmpty else { throw map.error(nil, "a phrases rule needs 'phrases'") }
        return RangeMatcher(matcher: try TextMatcher(spec, registry: lists, file: map.file, node: map))
    }
}
