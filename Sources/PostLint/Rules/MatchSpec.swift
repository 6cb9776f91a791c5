import PCRE2

/// What to look for, as written in a rule or a shared list: phrases, patterns and the names
/// of shared lists. Compiled once into a `TextMatcher`.
struct MatchSpec {
    var phrases: [String] = []
    var patterns: [String] = []
    var lists: [String] = []
    var inflect = false
    var ignoreCase = true
    /// Match on the text with digits and symbols read as letters (`su1c1de`).
    var deobfuscate = false
    /// Literals the author declares for regex patterns (for the future prefilter).
    var literals: [String]?
    /// Where each pattern was written, for error positions: (line, column).
    var patternMarks: [(line: Int, column: Int)] = []

    static let keys: Set<String> = ["phrases", "patterns", "pattern", "lists", "inflect", "ignore-case", "literals", "deobfuscate"]

    /// Reads the match keys of `map` (the caller checks for unknown keys).
    init(_ map: YAMLMap) throws(Diagnostic) {
        phrases = try map.strings("phrases") ?? []
        patterns = (try map.strings("pattern") ?? []) + (try map.strings("patterns") ?? [])
        lists = try map.strings("lists") ?? []
        inflect = try map.bool("inflect") ?? false
        ignoreCase = try map.bool("ignore-case") ?? true
        deobfuscate = try map.bool("deobfuscate") ?? false
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

/// A compiled `MatchSpec`: finds byte ranges in a projected text. Shared lists stay separate
/// matchers, so each is run once per text whatever the number of rules using it.
final class TextMatcher: Sendable {
    let patterns: [CompiledPattern]
    let lists: [TextMatcher]
    let deobfuscate: Bool
    /// Lower-cased literals of which every match contains one; nil when unknown.
    let literals: [String]?

    init(patterns: [CompiledPattern], lists: [TextMatcher] = [], deobfuscate: Bool = false, literals: [String]?) {
        self.patterns = patterns
        self.lists = lists
        self.deobfuscate = deobfuscate
        self.literals = literals
    }

    /// Compiles `spec`, resolving shared lists from `registry`.
    convenience init(_ spec: MatchSpec, registry: ListRegistry, file: String, node: YAMLMap) throws(Diagnostic) {
        var compiled: [CompiledPattern] = []
        let phrases = try TextMatcher.phrases(spec.phrases, slots: registry.slots, node: node)
        var literals: [String]? = []
        for phrase in phrases {
            let found = PhraseCompiler.literals(for: phrase, inflect: spec.inflect)
            if found == nil, phrase.hasSlots {
                // NOTE: a phrase the prefilter cannot look for would be skipped on every text.
                throw node.error(in: node.scalarNode(phrase.text, under: ["phrases", "swap"]), offset: 0,
                                 "phrase '\(phrase.text)' needs a word or a required slot whose forms all hold a letter, so the prefilter can find it")
            }
            literals? += found ?? []
        }
        let options: CompileOptions = spec.ignoreCase ? [.utf, .ucp, .matchInvalidUTF, .caseless] : .default
        if !spec.phrases.isEmpty {
            do {
                compiled.append(try CompiledPattern(PhraseCompiler.pattern(for: phrases, inflect: spec.inflect), options: options))
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
        var lists: [TextMatcher] = []
        for name in spec.lists {
            guard let members = registry.resolve(name) else {
                var message = "unknown list '\(name)'"
                if let near = Spelling.closest(to: name, in: registry.names) { message += "; did you mean '\(near)'?" }
                throw node.error(node.value("lists"), message)
            }
            for member in members {
                lists.append(member)
                if let more = member.literals { literals? += more } else { literals = nil }
            }
        }
        self.init(patterns: compiled, lists: lists, deobfuscate: spec.deobfuscate, literals: literals)
    }

    /// `texts` split into words and slots; an unknown slot is an error at its column.
    private static func phrases(_ texts: [String], slots: SlotRegistry, node: YAMLMap) throws(Diagnostic) -> [SlotPhrase] {
        var result: [SlotPhrase] = []
        for text in texts {
            do throws(SlotPhrase.Problem) {
                result.append(try SlotPhrase(text, slots: slots))
            } catch {
                throw node.error(in: node.scalarNode(text, under: ["phrases", "swap"]), offset: error.offset, error.message)
            }
        }
        return result
    }

    /// All match ranges, sorted by start, then longest first. Results are cached per text.
    func ranges(in text: ScanText) throws -> [Range<Int>] {
        try ranges(in: text, deobfuscated: deobfuscate)
    }

    private func ranges(in text: ScanText, deobfuscated: Bool) throws -> [Range<Int>] {
        let key = ScanText.CacheKey(matcher: ObjectIdentifier(self), deobfuscated: deobfuscated)
        if let cached = text.cache[key] { return cached }
        // None of this matcher's literals occur in the text: it cannot match (the prefilter said so).
        if let selection = text.matcherSelection, !selection.mayMatch(self) { return [] }
        var found: [Range<Int>] = []
        let bytes = deobfuscated ? text.deobfuscatedBytes : text.bytes
        try bytes.withUnsafeBufferPointer { buffer in
            for pattern in patterns {
                try pattern.forEachMatch(in: buffer, scratch: text.scratch) { match in
                    if !match.range.isEmpty { found.append(match.range) }
                    return true
                }
            }
        }
        for list in lists { found += try list.ranges(in: text, deobfuscated: deobfuscated || list.deobfuscate) }
        found.sort { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
        text.cache[key] = found
        return found
    }
}

/// The shared lists of a rule set. A name resolves to the list of that name and to every
/// member of its family (`crisis-resources` → `crisis-resources/us`, `crisis-resources/gb`…);
/// with a region chosen, only members for that region, for no region, or `INTL` count.
struct ListRegistry {
    struct Entry {
        let matcher: TextMatcher
        let region: String?
        let suggest: String?
    }

    private(set) var entries: [String: Entry] = [:]
    let region: String?
    /// The phrase slots (`{subject}`, `{reflexive}`…) every matcher may use.
    let slots: SlotRegistry

    init(region: String?, slots: SlotRegistry = SlotRegistry()) {
        self.region = region?.uppercased()
        self.slots = slots
    }

    mutating func add(_ name: String, _ entry: Entry) { entries[name] = entry }

    var names: [String] { Array(entries.keys) }
    var regions: Set<String> { Set(entries.values.compactMap(\.region)) }


    private func family(_ name: String) -> [(String, Entry)] {
        entries.filter { $0.key == name || $0.key.hasPrefix(name + "/") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func resolve(_ name: String) -> [TextMatcher]? {
        let members = family(name)
        guard !members.isEmpty else { return nil }
        return members.filter { counts($0.1) }.map(\.1.matcher)
    }

    private func counts(_ entry: Entry) -> Bool {
        guard let region, let own = entry.region else { return true }
        return own == region || own == "INTL"
    }

    /// What to suggest for a family: the chosen region's `suggest`, else the `INTL` one's.
    func suggestion(for name: String) -> String? {
        let members = family(name).map(\.1)
        if let region, let local = members.first(where: { $0.region == region })?.suggest { return local }
        return members.first { $0.region == "INTL" }?.suggest ?? members.compactMap(\.suggest).first
    }
}
