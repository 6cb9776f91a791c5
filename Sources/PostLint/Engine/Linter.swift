import Foundation
import PCRE2

/// What the linter loads and how it matches.
public struct LinterConfiguration: Sendable {
    /// Load the built-in packs embedded from `Rules/`.
    public var includeBuiltinRules: Bool
    /// Extra rule files (for example from `RuleFile.files(in:)`), loaded with the built-ins.
    public var extraRuleFiles: [RuleFile]
    /// Rule ids to leave out.
    public var disabledRules: Set<String>
    /// PCRE2 limits for every match attempt.
    public var matchLimits: MatchLimits
    /// Run only the rules whose literals occur in a text (a multi-literal prefilter in front
    /// of PCRE2). Findings are the same either way; off is slower and only for checking that.
    public var prefilter: Bool = true
    /// Collect time per stage and rule into this profile (`--profile`).
    public var profile: LintProfile?
    /// The audience's region (`US`, `GB`, `AU`…): region lists count only for it and for
    /// international resources, and messages suggest its resources. Nil: every region counts.
    public var region: String?
    /// The most time the rules may take on one text (a document or a post) in all; past it the
    /// remaining rules do not run and the text gets a rule failure naming how many were left
    /// (reported and counted like a PCRE2 limit, never silently skipped). PCRE2's limits bound
    /// each match attempt; this bounds their sum on a long text dense with matches.
    public var timeBudget: Duration = .seconds(10)

    public init(includeBuiltinRules: Bool = true, extraRuleFiles: [RuleFile] = [],
                disabledRules: Set<String> = [], matchLimits: MatchLimits = .default, region: String? = nil,
                prefilter: Bool = true, profile: LintProfile? = nil) {
        self.region = region
        self.profile = profile
        self.prefilter = prefilter
        self.includeBuiltinRules = includeBuiltinRules
        self.extraRuleFiles = extraRuleFiles
        self.disabledRules = disabledRules
        self.matchLimits = matchLimits
    }
}

/// The result of linting one document: its findings, and the rules that failed on it.
public struct LintResult: Sendable {
    public var findings: [Finding]
    /// Rules that could not finish on this document (for example a PCRE2 limit); never silent.
    public var failures: [PostLintError]
}

/// Lints texts with a set of compiled rules. Thread-safe: share one `Linter` between workers.
///
///     let linter = try Linter()
///     let findings = try linter.lint(text: "Good vibes only!")
public final class Linter: Sendable {
    /// The loaded rules, sorted by id.
    public let rules: [RuleDefinition]
    let compiled: [CompiledRule]
    let matchLimits: MatchLimits
    let timeBudget: Duration
    /// Texts shorter than this are not timed: PCRE2's per-attempt limits bound them.
    static let timedTextSize = 16_384
    let prefilter: Prefilter?
    /// The prefilter's slot of each matcher with literals (after the rules' slots): where
    /// `MatcherSelection` looks up whether a matcher's literals occur in a text.
    let matcherSlots: [ObjectIdentifier: Int]
    /// Time per stage and rule, when profiling.
    public let profile: LintProfile?
    /// Whether some matcher reads de-obfuscated text (then the prefilter reads it too).
    let deobfuscates: Bool
    /// The language the rules are written for (ISO 639-1). The built-in packs are English.
    public var language: String { "en" }
    /// Scratches reused by `lint(_:)` across calls and threads.
    private let scratches: ScratchPool

    /// Loads and compiles the rules; throws `PostLintError.invalidRules` naming every bad file.
    public init(configuration: LinterConfiguration = LinterConfiguration()) throws(PostLintError) {
        let files = (configuration.includeBuiltinRules ? RuleFile.builtin : []) + configuration.extraRuleFiles
        let all = try RuleLoader.load(files, region: configuration.region)
        compiled = all.filter { !configuration.disabledRules.contains($0.definition.id) }
        rules = compiled.map(\.definition)
        matchLimits = configuration.matchLimits
        timeBudget = configuration.timeBudget
        profile = configuration.profile
        (prefilter, matcherSlots) = Linter.prefilter(for: compiled, enabled: configuration.prefilter)
        deobfuscates = Linter.deobfuscates(compiled)
        scratches = Linter.scratchPool(limits: matchLimits, prefilter: prefilter, ruleCount: prefilter?.ruleCount ?? compiled.count)
    }

    private init(compiled: [CompiledRule], matchLimits: MatchLimits, timeBudget: Duration, profile: LintProfile?, prefilter: Bool) {
        self.compiled = compiled
        rules = compiled.map(\.definition)
        self.matchLimits = matchLimits
        self.timeBudget = timeBudget
        self.profile = profile
        (self.prefilter, matcherSlots) = Linter.prefilter(for: compiled, enabled: prefilter)
        deobfuscates = Linter.deobfuscates(compiled)
        scratches = Linter.scratchPool(limits: matchLimits, prefilter: self.prefilter,
                                       ruleCount: self.prefilter?.ruleCount ?? compiled.count)
    }

    /// The pool that makes every scratch (`makeScratch()` asks it too).
    private static func scratchPool(limits: MatchLimits, prefilter: Prefilter?, ruleCount: Int) -> ScratchPool {
        ScratchPool {
            LintScratch(match: MatchScratch(limits: limits), ruleCount: ruleCount, prefilter: prefilter?.makeScratch())
        }
    }

    /// One prefilter over the rules' literals (slots `0..<compiled.count`) and, after them, the
    /// literals of every matcher the rules use (triggers, requirements, exceptions, shared
    /// lists), so a text runs only the rules and, within them, only the matchers it may match.
    private static func prefilter(for compiled: [CompiledRule], enabled: Bool) -> (Prefilter?, [ObjectIdentifier: Int]) {
        guard enabled else { return (nil, [:]) }
        var literals = compiled.map { $0.matcher.requiredLiterals }
        var slots: [ObjectIdentifier: Int] = [:]
        for matcher in allMatchers(compiled) {
            // NOTE: a matcher with a literal of one to three letters ("i", "my", "not") is found
            // in nearly every text, and its literals would slow every scan: it always runs.
            guard let own = matcher.literals, !own.isEmpty, !own.contains(where: { $0.utf8.count < 4 }),
                  slots[ObjectIdentifier(matcher)] == nil else { continue }
            slots[ObjectIdentifier(matcher)] = literals.count
            literals.append(own)
        }
        return (Prefilter(literalsPerRule: literals), slots)
    }

    /// Every matcher the rules run, with the shared lists they reach.
    private static func allMatchers(_ compiled: [CompiledRule]) -> [TextMatcher] {
        compiled.flatMap { rule in (rule.matcher.textMatchers + rule.unless.map(\.matcher)).flatMap(\.withLists) }
    }

    /// Whether some matcher reads de-obfuscated text (then the prefilter reads it too, so that
    /// matcher's slot is right).
    private static func deobfuscates(_ compiled: [CompiledRule]) -> Bool {
        compiled.contains { $0.matcher.usesDeobfuscation } || allMatchers(compiled).contains(where: \.deobfuscate)
    }

    /// This linter without the rules in `ids`, sharing the compiled patterns (nothing is
    /// compiled again; only the prefilter is rebuilt).
    public func disabling(_ ids: Set<String>) -> Linter {
        guard !ids.isEmpty else { return self }
        return Linter(compiled: compiled.filter { !ids.contains($0.definition.id) }, matchLimits: matchLimits, timeBudget: timeBudget,
                      profile: profile, prefilter: prefilter != nil)
    }

    /// Each rule's candidate patterns as PCRE2 source, with whether they are caseless (for
    /// benchmarks against other engines: `rules export-patterns`).
    public var candidatePatterns: [(rule: String, pattern: String, caseless: Bool)] {
        compiled.flatMap { rule in
            rule.matcher.candidatePatterns.map { (rule.definition.id, $0.pattern, $0.options.contains(.caseless)) }
        }
    }

    /// The lower-cased literals the prefilter looks for before running `rule` (one must occur
    /// in a text for the rule to run); nil when the rule always runs (`rules show`).
    /// The drop-in fixes a rule declares (`fix:`), phrase → replacement, in `swap` order.
    public func declaredFixes(of rule: String) -> [(phrase: String, fix: String)] {
        compiled.first { $0.definition.id == rule }?.matcher.declaredFixes ?? []
    }

    public func prefilterLiterals(of rule: String) -> [String]? {
        compiled.first { $0.definition.id == rule }?.matcher.requiredLiterals.map { Array(Set($0)).sorted() }
    }

    /// Every distinct literal the prefilter looks for (rules' and matchers'), folded as texts
    /// are (lower case, a run of whitespace as one space), sorted (`rules export-patterns
    /// --dialect literals`, for benchmarks).
    public var prefilterLiteralSet: [String] {
        prefilter?.literals.map { String(decoding: $0, as: UTF8.self) }.sorted() ?? []
    }

    /// Rule ids whose literals are unknown, so the prefilter cannot skip them (`rules list --slow`).
    public var rulesWithoutLiterals: [String] {
        compiled.filter { $0.matcher.requiredLiterals == nil }.map(\.definition.id)
    }

    /// Lints one text; throws if a rule fails on it.
    public func lint(text: String, format: InputFormat = .text) throws(PostLintError) -> [Finding] {
        let result = lint(Document(text: text, format: format))
        if let failure = result.failures.first { throw failure }
        return result.findings
    }

    /// Lints one document. Findings are in report order. Safe from many threads at once: each
    /// call borrows a scratch from a pool kept by the linter.
    public func lint(_ document: Document) -> LintResult {
        scratches.withScratch { lint(document, scratch: $0) }
    }

    /// Lints one document with a caller's scratch (one per worker thread, reused across
    /// documents; never shared between threads).
    public func lint(_ document: Document, scratch: LintScratch) -> LintResult {
        var selected: [Bool]?
        if prefilter != nil, document.format.reader.lintsWholeText {
            // Fast path: normalise into a reused buffer and run the prefilter; most posts stop here.
            guard let selection = quickSelection(document.bytes, scratch: scratch) else {
                profile?.addTextSkippedByAllRules()
                return LintResult(findings: [], failures: [])
            }
            selected = selection
        }
        return lint(document, only: nil, scratch: scratch, selected: selected)
    }

    /// A scratch with this linter's match limits, for `lint(_:scratch:)`.
    public func makeScratch() -> LintScratch {
        scratches.make()
    }

    /// The rules the prefilter lets run on a plain text, or nil when there are none; the text is
    /// normalised without building its offset map.
    private func quickSelection(_ bytes: [UInt8], scratch: LintScratch) -> [Bool]? {
        guard let prefilter else { return nil }
        var started = profile == nil ? nil : ContinuousClock.now
        Normalizer.normalizedBytes(of: bytes[...], into: &scratch.normalized)
        if let start = started {
            let now = ContinuousClock.now
            profile?.add(.normalise, now - start)
            started = now
        }
        scratch.selected.withUnsafeMutableBufferPointer { selected in
            prefilter.alwaysRun.withUnsafeBufferPointer { alwaysRun in
                _ = selected.initialize(from: alwaysRun)  // Bool is trivial: a plain copy
            }
        }
        var obfuscated = false
        mark(scratch.normalized, scratch: scratch, obfuscated: &obfuscated)
        if deobfuscates, obfuscated {
            Normalizer.foldObfuscation(scratch.normalized, into: &scratch.deobfuscated)
            mark(scratch.deobfuscated, scratch: scratch, obfuscated: nil)
        }
        if let started { profile?.add(.prefilter, ContinuousClock.now - started) }
        // Only the rules' slots decide whether the text goes on (matchers' slots come after).
        let rules = compiled.count
        let any = scratch.selected.withUnsafeBufferPointer { selected in selected[0..<rules].contains(true) }
        return any ? scratch.selected : nil
    }

    /// Marks in `scratch.selected` the slots whose literals occur in `text`.
    private func mark(_ text: [UInt8], scratch: LintScratch, obfuscated: UnsafeMutablePointer<Bool>?) {
        text.withUnsafeBufferPointer { text in
            if let prefilter, let prefilterScratch = scratch.prefilter {
                prefilter.mark(text, scratch: prefilterScratch, in: &scratch.selected, obfuscated: obfuscated)
            }
        }
    }

    /// The normalised projection of a document and the text rules scan.
    func scanText(for document: Document, scratch: MatchScratch? = nil) -> (ProjectedText, ScanText) {
        let reader = document.format.reader
        let projection = Normalizer.normalize(reader.project?(document.bytes) ?? ProjectedText(wholeOf: document.bytes))
        let text = ScanText(bytes: projection.bytes, scratch: scratch ?? MatchScratch(limits: matchLimits),
                            newlineEndsSentence: reader.lineBreakEndsSentence, contentWarning: document.contentWarning)
        return (projection, text)
    }

    /// Whether the prefilter lets `rule` run on `document` (for checking declared literals).
    func prefilterSelects(_ rule: CompiledRule, in document: Document) -> Bool {
        let (_, text) = scanText(for: document)
        let filter = Prefilter(literalsPerRule: [rule.matcher.requiredLiterals])
        var texts = [text.bytes]
        if rule.matcher.usesDeobfuscation { texts.append(text.deobfuscatedBytes) }
        return filter.candidates(texts, scratch: filter.makeScratch())[0]
    }

    /// Lints with every rule (through the prefilter), or with `only` these rules (no prefilter;
    /// for running one rule's examples).
    /// `selected`: the prefilter's choice when the caller already made it.
    func lint(_ document: Document, only subset: [CompiledRule]?, scratch: LintScratch? = nil,
              selected preselected: [Bool]? = nil) -> LintResult {
        let rules = subset ?? compiled
        let started = profile == nil ? nil : ContinuousClock.now
        let (projection, text) = scanText(for: document, scratch: scratch?.match)
        if let started { profile?.add(.normalise, ContinuousClock.now - started) }
        let locator = FindingLocator(document: document, projection: projection)
        var findings: [Finding] = []
        var failures: [PostLintError] = []
        var selected = preselected
        if let prefilter, subset == nil, selected == nil {
            let started = profile == nil ? nil : ContinuousClock.now
            var texts = [text.bytes]
            if deobfuscates { texts.append(text.deobfuscatedBytes) }
            selected = prefilter.candidates(texts, scratch: scratch?.prefilter ?? prefilter.makeScratch())
            if let started { profile?.add(.prefilter, ContinuousClock.now - started) }
        }
        if subset == nil, let selected { text.matcherSelection = MatcherSelection(slots: matcherSlots, selected: selected) }
        let deadline = text.bytes.count >= Self.timedTextSize ? ContinuousClock.now + timeBudget : nil
        for (index, rule) in rules.enumerated() {
            if let deadline, ContinuousClock.now > deadline {
                let left = rules.indices[index...].filter { selected?[$0] ?? true }.count
                let where_ = document.path.map { " in \($0)" } ?? ""
                failures.append(.ruleFailed(rule: rule.definition.id,
                                            message: "the rules' time budget of \(timeBudget) per text ran out; \(left) of \(rules.count) rules did not run\(where_)"))
                break
            }
            guard selected?[index] ?? true else {
                profile?.addRule(rule.definition.id, nil)
                continue
            }
            do {
                let started = profile == nil ? nil : ContinuousClock.now
                let hits = try rule.matcher.hits(in: text) { range in
                    try rule.unless.contains { try $0.cancels(range, in: text) }
                }
                if let started {
                    let elapsed = ContinuousClock.now - started
                    profile?.addRule(rule.definition.id, elapsed)
                    profile?.add(.confirm, elapsed)
                }
                findings += hits.map { locator.finding(for: $0, rule: rule.definition) }
            } catch {
                let where_ = document.path.map { " in \($0)" } ?? ""
                failures.append(.ruleFailed(rule: rule.definition.id, message: "\(error)\(where_)"))
            }
        }
        return LintResult(findings: findings.sorted(by: Finding.reportOrder), failures: failures)
    }
}

/// Turns rule hits (projected bytes) into findings (input bytes, lines, columns, text).
struct FindingLocator {
    let document: Document
    let projection: ProjectedText
    let lines: LineIndex

    init(document: Document, projection: ProjectedText) {
        self.document = document
        self.projection = projection
        self.lines = LineIndex(document.bytes)
    }

    /// The message with each `{match}` replaced (on UTF-8 bytes: it runs for every finding, and
    /// Foundation's `replacingOccurrences` was a twentieth of a batch run).
    static func fill(_ template: String, match: String) -> String {
        let bytes = Array(template.utf8)
        guard bytes.contains(placeholder[0]) else { return template }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + match.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == placeholder[0], bytes[index...].starts(with: placeholder) {
                out.append(contentsOf: match.utf8)
                index += placeholder.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let placeholder = Array("{match}".utf8)

    func finding(for hit: RuleHit, rule: RuleDefinition) -> Finding {
        let range = projection.sourceRange(for: hit.range)
        let start = lines.position(of: range.lowerBound, in: document.bytes)
        let end = lines.position(of: range.upperBound, in: document.bytes)
        let match = String(decoding: document.bytes[range], as: UTF8.self)
        return Finding(
            rule: rule.id, category: rule.category, severity: rule.severity,
            message: FindingLocator.fill(rule.message, match: match),
            match: match, suggestions: hit.suggestions ?? rule.suggestions, source: rule.sources[0],
            location: Location(path: document.path, line: start.line, column: start.column,
                               endLine: end.line, endColumn: end.column,
                               offset: range.lowerBound, length: range.count),
            fix: hit.fix)
    }
}
