import PCRE2

/// `kind: substitution`: `swap:` maps each phrase to its preferred wording(s), reported as the
/// finding's suggestions (and, later, as fixes).
enum SubstitutionKind: RuleKind {
    static let name = "substitution"
    static let keys: Set<String> = ["swap", "inflect"]

    struct Matcher: RuleMatcher {
        let swaps: [(matcher: TextMatcher, suggestions: [String])]

        func hits(in text: ScanText, isExcepted: (Range<Int>) throws -> Bool) throws -> [RuleHit] {
            var candidates: [RuleHit] = []
            for swap in swaps {
                for range in try swap.matcher.ranges(in: text) {
                    candidates.append(RuleHit(range: range, suggestions: swap.suggestions, fix: swap.suggestions.first))
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
        var swaps: [(TextMatcher, [String])] = []
        for pair in swapMap.pairs {
            let suggestions = try YAMLMap.strings(pair.value, file: map.file, key: pair.key)
            guard !suggestions.isEmpty else { throw map.error(pair.value, "'\(pair.key)' needs at least one suggestion") }
            var spec = MatchSpec()
            spec.phrases = [pair.key]
            spec.inflect = inflect
            swaps.append((try TextMatcher(spec, registry: lists, file: map.file, node: map), suggestions))
        }
        return Matcher(swaps: swaps)
    }
}
