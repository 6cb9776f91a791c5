/// How far from a match a related match may be (for `unless` and `requires`).
enum Scope: Sendable, Equatable {
    /// The related match must contain the match (quotation: `"good vibes only" is a bad motto`).
    case enclosing
    /// Anywhere in the same sentence.
    case sentence
    /// Within this many words before or after.
    case words(Int)
    /// Ending within this many words before the match (negation: "don't stop taking…").
    case before(Int)
    /// Starting within this many words after the match ("killing myself laughing").
    case after(Int)
    /// Anywhere in the same post.
    case post
    /// In the content warning the platform keeps with the post (Mastodon's spoiler text), not
    /// in its text; never related when the post has none.
    case contentWarning

    static let names = ["enclosing", "sentence", "post", "content-warning"]

    /// Reads `scope:` (and `words:`) from `map`, defaulting to `fallback`.
    static func read(_ map: YAMLMap, default fallback: Scope) throws(Diagnostic) -> Scope {
        let given = ["scope", "words", "before", "after"].filter { map.has($0) }
        if given.count > 1 {
            throw map.error(map.keyNode(given[1]), "give only one of 'scope', 'words', 'before' or 'after'")
        }
        if let words = try map.int("words", minimum: 0) { return .words(words) }
        if let words = try map.int("before", minimum: 0) { return .before(words) }
        if let words = try map.int("after", minimum: 0) { return .after(words) }
        guard let name = try map.string("scope") else { return fallback }
        switch name {
        case "enclosing": return .enclosing
        case "sentence": return .sentence
        case "post": return .post
        case "content-warning": return .contentWarning
        default:
            throw map.error(map.value("scope"), "unknown scope '\(name)'; expected one of \(names.joined(separator: ", ")), or a 'words', 'before' or 'after' count")
        }
    }

    /// Whether `other` lies within this scope of `match`.
    func relates(_ other: Range<Int>, to match: Range<Int>, in text: ScanText) -> Bool {
        switch self {
        case .enclosing:
            return other.lowerBound <= match.lowerBound && other.upperBound >= match.upperBound
        case .sentence:
            let sentence = text.sentences.sentence(containing: match.lowerBound)
            return other.overlaps(sentence)
        case .words(let limit):
            return Sentences.wordsBetween(other, match, in: text.bytes, limit: limit) <= limit
        case .before(let limit):
            return other.upperBound <= match.lowerBound && Sentences.wordsBetween(other, match, in: text.bytes, limit: limit) <= limit
        case .after(let limit):
            return other.lowerBound >= match.upperBound && Sentences.wordsBetween(other, match, in: text.bytes, limit: limit) <= limit
        case .post:
            return true
        case .contentWarning:
            return false  // handled by `UnlessClause`: the exception is looked for in another text
        }
    }
}

/// An exception on a rule: a match is cancelled when the clause's matcher finds something
/// within its scope (negation, debunking, quotation).
struct UnlessClause: Sendable {
    let matcher: TextMatcher
    let scope: Scope

    static let keys: Set<String> = MatchSpec.keys.union(["scope", "words", "before", "after"])

    func cancels(_ match: Range<Int>, in text: ScanText) throws -> Bool {
        if scope == .contentWarning {
            guard let warning = text.contentWarning else { return false }
            return try !matcher.ranges(in: warning).isEmpty
        }
        return try matcher.ranges(in: text).contains { other in
            // The exception must be something else than the match itself, unless it encloses it.
            (scope == .enclosing || other != match) && scope.relates(other, to: match, in: text)
        }
    }
}
