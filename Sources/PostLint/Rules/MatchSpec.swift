import PCRE2

/// What to look for, as written in a rule or a shared list: phrases, patterns and the names
/// of shared lists. Compiled once into a `TextMatcher`.
struct MatchSpec {
    var phrases: [String] = []
    var patterns: [String] = []
    var lists: [String] = []
    var inflect = false
    var ignoreCase = true
    /// Literals the author declares for regex patterns (for the future prefilter).
    var literals: [String]?
    /// Where each pattern was written, for error positions: (line, column).
    var patternMarks: [(line: Int, column: Int)] = []

    static let keys: Set<String> = ["phrases", "patterns", "pattern", "lists", "inflect", "ignore-case", "literals"]

    /// Reads the match keys of `map` (the caller checks for unknown keys).
    init(_ map: YAMLMap) throws(Diagnostic) {
        phrases = try map.strings("phrases") ?? []
        patterns = (try map.strings("pattern") ?? []) + (try map.strings("patterns") ?? [])
        lists = try map.strings("lists") ?? []
        inflect = try map.bool("inflect") ?? false
        ignoreCase = try map.bool("ignore-case") ?? true
        literals = try map.strings("literals")
        for key in ["pattern", "patterns"] {
            guard let node = map.value(key) else { continue }
            if case .sequence(let sequence) = node {
                patternMarks += sequence.map { ($0.mark?.line ?? 0, $0.mark?.column ?? 0) }
            } else {
                patternMarks.append((node.mark?.line ?? 0, node.mark?.column ?? 0))
            }
        }
        for phrase in phrases where phrase.split(whitespaces: true).isEmpty {
            throw map.error(map.value("phrases"), "phrases must not be empty")
        }
    }

    init() {}

    var isEmpty: Bool { phrases.isEmpty && patterns.isEmpty && lists.isEmpty }
}

/// A compiled `MatchSpec`: finds byte ranges in a projected text.
final class TextMatcher: Sendable {
    let patterns: [CompiledPattern]
    /// Lower-cased literals of which every match contains one; nil when unknown.
    let literals: [String]?

    init(patterns: [CompiledPattern], literals: [String]?) {
        self.patterns = patterns
        self.literals = literals
    }

    /// Compiles `spec`, resolving shared lists from `lists`.
    convenience init(_ spec: MatchSpec, lists: [String: TextMatcher], file: String, node: YAMLMap) throws(Diagnostic) {
        var compiled: [CompiledPattern] = []
        var literals: [String]? = PhraseCompiler.literals(for: spec.phrases)
        let options: CompileOptions = spec.ignoreCase ? [.utf, .ucp, .matchInvalidUTF, .caseless] : .default
        if !spec.phrases.isEmpty {
            do {
                compiled.append(try CompiledPattern(PhraseCompiler.pattern(for: spec.phrases, inflect: spec.inflect), options: options))
            } catch {
                throw node.error(node.value("phrases"), "phrases do not compile: \(error)")
            }
        }
        for (index, pattern) in spec.patterns.enumerated() {
            do {
                compiled.append(try CompiledPattern(pattern, options: options))
            } catch {
                let mark: (line: Int, column: Int) = index < spec.patternMarks.count ? spec.patternMarks[index] : (node.line, node.column)
                throw Diagnostic(file: file, line: mark.line, column: mark.column,
                                 message: "invalid pattern '\(pattern)': \(error)")
            }
        }
        if !spec.patterns.isEmpty {
            if let declared = spec.literals { literals? += declared.map { $0.lowercased() } } else { literals = nil }
        }
        for name in spec.lists {
            guard let list = lists[name] else {
                var message = "unknown list '\(name)'"
                if let near = Spelling.closest(to: name, in: lists.keys) { message += "; did you mean '\(near)'?" }
                throw node.error(node.value("lists"), message)
            }
            compiled += list.patterns
            if let more = list.literals { literals? += more } else { literals = nil }
        }
        self.init(patterns: compiled, literals: literals)
    }

    /// All match ranges, sorted by start, then longest first. Results are cached per text.
    func ranges(in text: ScanText) throws -> [Range<Int>] {
        if let cached = text.cache[ObjectIdentifier(self)] { return cached }
        var found: [Range<Int>] = []
        try text.bytes.withUnsafeBufferPointer { buffer in
            for pattern in patterns {
                try pattern.forEachMatch(in: buffer, scratch: text.scratch) { match in
                    if !match.range.isEmpty { found.append(match.range) }
                    return true
                }
            }
        }
        found.sort { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
        text.cache[ObjectIdentifier(self)] = found
        return found
    }
}
