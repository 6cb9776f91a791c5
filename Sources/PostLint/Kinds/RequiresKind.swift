import PCRE2

/// `kind: requires`: when the `trigger` matches, the `require` matcher must match too, within
/// `scope` (default: the whole post). Reported once per post, at the first trigger that no
/// `unless` cancels. Typically uses shared lists (`lists: [crisis-resources]`).
enum RequiresKind: RuleKind {
    static let name = "requires"
    static let keys: Set<String> = ["trigger", "require", "scope", "words", "before", "after"]

    struct Matcher: RuleMatcher {
        let trigger: TextMatcher
        let requirement: TextMatcher
        let scope: Scope

        func hits(in text: ScanText, isExcepted: (Range<Int>) throws -> Bool) throws -> [RuleHit] {
            let triggers = try trigger.ranges(in: text)
            guard !triggers.isEmpty else { return [] }
            if scope == .contentWarning {
                // The requirement is looked for in the platform's content warning, not the text.
                if let warning = text.contentWarning, try !requirement.ranges(in: warning).isEmpty { return [] }
                return triggers.first { (try? isExcepted($0)) == false }.map { [RuleHit(range: $0)] } ?? []
            }
            let satisfied = try requirement.ranges(in: text)
            for range in triggers where try !isExcepted(range) {
                if satisfied.contains(where: { scope.relates($0, to: range, in: text) }) {
                    if scope == .post { return [] }
                    continue
                }
                return [RuleHit(range: range)]
            }
            return []
        }

        var requiredLiterals: [String]? { trigger.literals }
        var usesDeobfuscation: Bool { trigger.usesDeobfuscationDeep }
        var candidatePatterns: [CompiledPattern] { trigger.allPatterns }
        var textMatchers: [TextMatcher] { [trigger, requirement] }
    }

    static func compile(_ map: YAMLMap, lists: ListRegistry) throws(Diagnostic) -> any RuleMatcher {
        func matcher(_ key: String) throws(Diagnostic) -> TextMatcher {
            guard let sub = try map.map(key, what: "'\(key)'") else {
                throw map.error(nil, "a requires rule needs '\(key)'")
            }
            try sub.rejectUnknownKeys(allowed: MatchSpec.keys, in: "'\(key)'")
            let spec = try MatchSpec(sub)
            guard !spec.isEmpty else { throw sub.error(nil, "'\(key)' needs phrases, patterns or lists") }
            return try TextMatcher(spec, registry: lists, file: map.file, node: sub)
        }
        return Matcher(trigger: try matcher("trigger"), requirement: try matcher("require"),
                       scope: try Scope.read(map, default: .post))
    }
}
