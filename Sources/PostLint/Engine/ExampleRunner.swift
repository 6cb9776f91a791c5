/// Example texts mark where a finding must land with `[[` and `]]`.
public enum ExampleMarkers {
    public static let open = "[["
    public static let close = "]]"

    /// The text without markers, and the UTF-8 byte ranges the markers enclosed.
    public static func parse(_ marked: String) -> (text: String, spans: [Range<Int>]) {
        var text: [UInt8] = [], spans: [Range<Int>] = []
        let bytes = Array(marked.utf8)
        var index = 0, openAt: Int?
        while index < bytes.count {
            if bytes[index...].starts(with: Array(open.utf8)), openAt == nil {
                openAt = text.count; index += 2; continue
            }
            if bytes[index...].starts(with: Array(close.utf8)), let start = openAt {
                spans.append(start..<text.count); openAt = nil; index += 2; continue
            }
            text.append(bytes[index]); index += 1
        }
        return (String(decoding: text, as: UTF8.self), spans)
    }
}

/// A rule example that did not behave as written.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    public var rule: String
    public var file: String
    public var line: Int
    /// `as written`, `behind an emoji prefix` or `with CRLF line endings`.
    public var variant: String
    public var example: String
    public var problem: String

    public var description: String {
        "\(file):\(line): rule '\(rule)' example \(variant): \(problem)\n    example: \(example)"
    }
}

/// Runs every rule's examples (`postlint rules test`): each bad example must give findings of
/// that rule exactly at its marked spans, each good example none; and again behind an emoji
/// prefix and with CRLF line endings, where lines and columns must shift as expected.
public struct ExampleRunner {
    public let linter: Linter
    public init(linter: Linter) { self.linter = linter }

    /// Runs the examples of every rule (or only of rules defined in `onlyFiles`): the number
    /// of rules and examples run (each in all variants) and the failures.
    public func run(onlyFiles: Set<String>? = nil) -> (rules: Int, examples: Int, failures: [ExampleFailure]) {
        var failures: [ExampleFailure] = [], count = 0, rules = 0
        for rule in linter.compiled where onlyFiles?.contains(rule.definition.file) ?? true {
            rules += 1
            for example in rule.definition.examples.bad {
                count += 1
                failures += check(example, of: rule, bad: true)
            }
            for example in rule.definition.examples.good {
                count += 1
                failures += check(example, of: rule, bad: false)
            }
            failures += checkFixes(of: rule)
        }
        return (rules, count, failures)
    }

    private struct Variant: Sendable {
        let name: String
        let transform: @Sendable (String) -> String
        /// Expected (line, column) in the variant for (line, column) as written.
        let shift: @Sendable (Int, Int) -> (Int, Int)
    }

    private static let variants = [
        Variant(name: "as written", transform: { $0 }, shift: { ($0, $1) }),
        Variant(name: "behind an emoji prefix", transform: { "🌧️ " + $0 }, shift: { ($0, $0 == 1 ? $1 + 3 : $1) }),
        Variant(name: "with CRLF line endings", transform: { $0.replacingOccurrences(of: "\n", with: "\r\n") }, shift: { ($0, $1) }),
    ]

    /// Each declared fix, on the rule's bad examples: the fixed text no longer triggers the
    /// rule and still reads as the same sentences (no sentence added or cut, no doubled
    /// punctuation or spaces). A rule that declares fixes needs a bad example that one fixes.
    private func checkFixes(of rule: CompiledRule) -> [ExampleFailure] {
        guard !rule.matcher.declaredFixes.isEmpty else { return [] }
        var failures: [ExampleFailure] = [], exercised = false
        for example in rule.definition.examples.bad {
            let text = ExampleMarkers.parse(example.text).text
            func fail(_ problem: String) {
                failures.append(ExampleFailure(rule: rule.definition.id, file: rule.definition.file, line: example.line,
                                               variant: "after --fix", example: example.text, problem: problem))
            }
            let document = Document(text: text)
            let result = Fixer.apply(linter.lint(document, only: [rule]).findings, to: document)
            guard !result.fixed.isEmpty else { continue }
            exercised = true
            let fixed = String(decoding: result.bytes, as: UTF8.self)
            if !linter.lint(Document(text: fixed), only: [rule]).findings.isEmpty {
                fail("the fixed text still triggers the rule: \(fixed)")
            } else if let flaw = Self.sentenceFlaw(original: text, fixed: fixed) {
                fail("the fixed text does not read as a sentence (\(flaw)): \(fixed)")
            }
        }
        if !exercised {
            failures.append(ExampleFailure(rule: rule.definition.id, file: rule.definition.file, line: rule.definition.line,
                                           variant: "after --fix", example: "",
                                           problem: "the rule declares 'fix' but no bad example is fixed; add one that the fix applies to"))
        }
        return failures
    }

    /// Why `fixed` no longer reads as `original`'s sentences, or nil.
    static func sentenceFlaw(original: String, fixed: String) -> String? {
        let before = Sentences(Array(original.utf8)).starts.count, after = Sentences(Array(fixed.utf8)).starts.count
        if before != after { return "\(before) sentence\(before == 1 ? "" : "s") became \(after)" }
        for doubled in ["..", ".!", ".?", "!.", "?.", " .", " ,", ",,", "  "] where fixed.contains(doubled) && !original.contains(doubled) {
            return "'\(doubled)'"
        }
        return nil
    }

    private func check(_ example: RuleExample, of rule: CompiledRule, bad: Bool) -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        var baseline: [(Int, Int)] = []
        for variant in Self.variants {
            let (text, spans) = ExampleMarkers.parse(variant.transform(example.text))
            func fail(_ problem: String) {
                failures.append(ExampleFailure(rule: rule.definition.id, file: rule.definition.file, line: example.line,
                                               variant: variant.name, example: example.text, problem: problem))
            }
            let result = linter.lint(Document(text: text), only: [rule])
            if let failure = result.failures.first { fail("\(failure)"); continue }
            if bad && !linter.prefilterSelects(rule, in: Document(text: text)) {
                fail("the prefilter skips this example: its text holds none of the rule's literals \(rule.matcher.requiredLiterals ?? [])")
                continue
            }
            let found = result.findings.map { $0.location.offset..<($0.location.offset + $0.location.length) }
            let expected = bad ? spans : []
            if found != expected {
                let describe = { (ranges: [Range<Int>]) in
                    ranges.isEmpty ? "none" : ranges.map { "'\(String(decoding: Array(text.utf8)[$0], as: UTF8.self))' at bytes \($0.lowerBound)..<\($0.upperBound)" }.joined(separator: ", ")
                }
                fail("expected \(describe(expected)), found \(describe(found))")
                continue
            }
            let positions = result.findings.map { ($0.location.line, $0.location.column) }
            if variant.name == "as written" {
                baseline = positions
            } else if positions.count == baseline.count {
                for (position, original) in zip(positions, baseline) where position != variant.shift(original.0, original.1) {
                    let want = variant.shift(original.0, original.1)
                    fail("finding at \(position.0):\(position.1), expected \(want.0):\(want.1)")
                }
            }
        }
        return failures
    }
}
