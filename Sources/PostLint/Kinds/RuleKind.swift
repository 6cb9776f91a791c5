import PCRE2

/// A match a rule reports, in projected-text bytes, with per-match suggestions if the kind
/// has them (substitution).
struct RuleHit {
    var range: Range<Int>
    var suggestions: [String]?
    /// The replacement `--fix` may apply (substitution rules only).
    var fix: String?
}

/// What a rule's kind compiles to. Kinds know nothing of files, lines or reporters.
protocol RuleMatcher: Sendable {
    /// Matches in `text` that survive the rule's exceptions (`isExcepted`).
    func hits(in text: ScanText, isExcepted: (Range<Int>) throws -> Bool) throws -> [RuleHit]
    /// Lower-cased literals of which every hit contains one, or nil when the kind cannot say
    /// (a multi-literal prefilter can skip a rule whose literals are all absent).
    var requiredLiterals: [String]? { get }
    /// Whether any matcher reads the de-obfuscated text.
    var usesDeobfuscation: Bool { get }
    /// The patterns that find this rule's candidate matches (a requires rule's trigger), for
    /// `rules export-patterns`.
    var candidatePatterns: [CompiledPattern] { get }
    /// The drop-in fixes the rule declares (`fix:`), phrase → replacement.
    var declaredFixes: [(phrase: String, fix: String)] { get }
    /// The matchers `hits` asks for ranges (not their shared lists): the linter gives each
    /// one a prefilter slot, so a matcher whose literals are all absent from a text is not run.
    var textMatchers: [TextMatcher] { get }
}

extension RuleMatcher {
    /// The drop-in fixes a rule declares (phrase → replacement); none by default.
    var declaredFixes: [(phrase: String, fix: String)] { [] }
}

extension TextMatcher {
    var usesDeobfuscationDeep: Bool { deobfuscate || lists.contains { $0.usesDeobfuscationDeep } }
    var allPatterns: [CompiledPattern] { patterns + lists.flatMap(\.allPatterns) }
    /// This matcher and every shared list it reaches, depth first.
    var withLists: [TextMatcher] { [self] + lists.flatMap(\.withLists) }
}

/// A rule kind: a name, the keys it adds to a rule file, and how to compile them.
protocol RuleKind {
    static var name: String { get }
    static var keys: Set<String> { get }
    static func compile(_ map: YAMLMap, lists: ListRegistry) throws(Diagnostic) -> any RuleMatcher
}

/// Every kind, registered once. A new kind is one file and one line here.
enum RuleKinds {
    // SAFETY: a constant list of metatypes, never mutated; the kinds themselves hold no state.
    nonisolated(unsafe) static let all: [any RuleKind.Type] = [
        PatternKind.self,
        PhrasesKind.self,
        SubstitutionKind.self,
        RequiresKind.self,
    ]

    static func named(_ name: String) -> (any RuleKind.Type)? { all.first { $0.name == name } }
}

/// Shared by kinds whose hits are simply the matcher's ranges.
struct RangeMatcher: RuleMatcher {
    let matcher: TextMatcher

    func hits(in text: ScanText, isExcepted: (Range<Int>) throws -> Bool) throws -> [RuleHit] {
        var hits: [RuleHit] = []
        var end = 0
        for range in try matcher.ranges(in: text) where range.lowerBound >= end {
            // Overlapping matches of several patterns report once, at the first and longest.
            end = range.upperBound
            if try !isExcepted(range) { hits.append(RuleHit(range: range)) }
        }
        return hits
    }

    var requiredLiterals: [String]? { matcher.literals }
    var usesDeobfuscation: Bool { matcher.usesDeobfuscationDeep }
    var candidatePatterns: [CompiledPattern] { matcher.allPatterns }
    var textMatchers: [TextMatcher] { [matcher] }
}
