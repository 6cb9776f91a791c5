import PCRE2
import Yams

/// `kind: substitution`: `swap:` maps each phrase to its preferred wording(s), reported as the
/// finding's suggestions: advice, never applied. `--fix` applies only what `fix:` declares as
/// a drop-in for the matched words: `fix: true` (the first suggestion of every phrase) or a
/// map of phrase → replacement. A fix replaces words inside a sentence, so it may not hold
/// sentence punctuation (`That sounds hard. I'm here for you.` is advice, not a fix).
enum SubstitutionKind: RuleKind {
    static let name = "substitution"
    static let keys: Set<String> = ["swap", "inflect", "fix"]

    struct Matcher: RuleMatcher {
        let swaps: [(matcher: TextMatcher, suggestions: [String], phrase: String, fix: String?)]

        var declaredFixes: [(phrase: String, fix: String)] { swaps.compactMap { swap in swap.fix.map { (swap.phrase, $0) } } }

        func hits(in text: ScanText, isExcepted: (Range<Int>) throws -> Bool) throws -> [RuleHit] {
            var candidates: [RuleHit] = []
            for swap in swaps {
                for range in try swap.matcher.ranges(in: text) {
                    candidates.append(RuleHit(range: range, suggestions: swap.suggestions, fix: swap.fix))
                }
            }
            candidates.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
            var hits: [RuleHit] = []
            var end = 0
            for hit in candidates where hit.range.lowerBound >= end {
                end = hit.range.upperBound
                if try !isExcepted(hit.range) { hits.append(hit) }
            }
            return hits
        }

        var usesDeobfuscation: Bool { swaps.contains { $0.matcher.usesDeobfuscationDeep } }
        var candidatePatterns: [CompiledPattern] { swaps.flatMap { $0.matcher.allPatterns } }
        var textMatchers: [TextMatcher] { swaps.map(\.matcher) }

        var requiredLiterals: [String]? {
            var all: [String] = []
            for swap in swaps {
                guard let literals = swap.matcher.literals else { return nil }
                all += literals
            }
            return all
        }
    }

    static func compile(_ map: YAMLMap, lists: ListRegistry) throws(Diagnostic) -> any RuleMatcher {
        guard let swapNode = map.value("swap") else { throw map.error(nil, "a substitution rule needs 'swap'") }
        let swapMap = try YAMLMap(swapNode, file: map.file, what: "'swap'")
        guard !swapMap.pairs.isEmpty else { throw map.error(swapNode, "'swap' must not be empty") }
        let inflect = try map.bool("inflect") ?? false
        let fixes = try declaredFixes(map, swapMap)
        var swaps: [(TextMatcher, [String], String, String?)] = []
        for pair in swapMap.pairs {
            let suggestions = try YAMLMap.strings(pair.value, file: map.file, key: pair.key)
            guard !suggestions.isEmpty else { throw map.error(pair.value, "'\(pair.key)' needs at least one suggestion") }
            var spec = MatchSpec()
            spec.phrases = [pair.key]
            spec.inflect = inflect
            let fix = fixes.all ? suggestions[0] : fixes.byPhrase[pair.key]
            if let fix { try checkDropIn(fix, for: pair.key, map: map, node: fixes.node ?? pair.value) }
            swaps.append((try TextMatcher(spec, registry: lists, file: map.file, node: map), suggestions, pair.key, fix))
        }
        return Matcher(swaps: swaps)
    }

    /// `fix: true` (every phrase's first suggestion) or `fix: {phrase: replacement}`.
    private static func declaredFixes(_ map: YAMLMap, _ swapMap: YAMLMap) throws(Diagnostic)
        -> (all: Bool, byPhrase: [String: String], node: Node?) {
        guard let node = map.value("fix") else { return (false, [:], nil) }
        if let all = node.bool { return (all, [:], node) }
        let fixMap = try YAMLMap(node, file: map.file, what: "'fix' (true, or a map of swap phrases to drop-in replacements)")
        var byPhrase: [String: String] = [:]
        for pair in fixMap.pairs {
            guard swapMap.has(pair.key) else {
                var message = "'fix' names '\(pair.key)', which is not a phrase of 'swap'"
                if let near = Spelling.closest(to: pair.key, in: Set(swapMap.pairs.map(\.key))) { message += "; did you mean '\(near)'?" }
                throw fixMap.error(pair.keyNode, message)
            }
            guard let replacement = pair.value.scalarString, !replacement.isEmpty else {
                throw fixMap.error(pair.value, "the fix for '\(pair.key)' must be a non-empty string")
            }
            byPhrase[pair.key] = replacement
        }
        return (false, byPhrase, node)
    }

    /// A fix goes where the matched words were, inside a sentence: no sentence punctuation,
    /// so it can never leave "They tell you to That sounds hard.. Please do not."
    private static func checkDropIn(_ fix: String, for phrase: String, map: YAMLMap, node: Node) throws(Diagnostic) {
        if let mark = fix.first(where: { ".!?;:…\n".contains($0) }) {
            throw map.error(node, "the fix for '\(phrase)' ('\(fix)') holds '\(mark)': a fix replaces words inside a sentence, so it must be a phrase; keep whole sentences in 'swap' as advice")
        }
    }
}
