import ArgumentParser
import Foundation
import PostLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show and test rules.",
        subcommands: [RulesList.self, RulesShow.self, RulesTest.self, RulesDocs.self, RulesExportPatterns.self]
    )
}

struct RulesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the loaded rules: id, category, severity, title.")
    @OptionGroup var rules: RuleOptions
    @Flag(help: "List only rules without usable literals, which the prefilter cannot skip (declare 'literals:' to fix).")
    var slow = false

    func run() throws {
        let linter = try rules.makeLinter()
        if slow {
            let ids = linter.rulesWithoutLiterals
            Terminal.write(ids.map { "\($0)\n" }.joined() + Terminal.count(ids.count, "rule") + " without literals\n")
            return
        }
        let idWidth = linter.rules.map(\.id.count).max() ?? 2
        let categoryWidth = max(8, linter.rules.map(\.category.count).max() ?? 8)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var out = pad("ID", idWidth) + "  " + pad("CATEGORY", categoryWidth) + "  SEVERITY  TITLE\n"
        for rule in linter.rules {
            out += pad(rule.id, idWidth) + "  " + pad(rule.category, categoryWidth) + "  " + pad(rule.severity.rawValue, 8) + "  " + rule.title + "\n"
        }
        out += Terminal.count(linter.rules.count, "rule") + "\n"
        Terminal.write(out)
    }
}

struct RulesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one rule: message, explanation, examples and sources.")
    @Argument(help: "The rule id, e.g. toxic-positivity/good-vibes-only.") var id: String
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let linter = try rules.makeLinter()
        guard let rule = linter.rules.first(where: { $0.id == id }) else {
            let near = Spelling.closestRule(to: id, in: linter.rules.map(\.id))
            Terminal.error("postlint: unknown rule '\(id)'" + (near.map { "; did you mean '\($0)'?" } ?? ""))
            throw ExitStatus.usageOrInputError
        }
        var out = "\(rule.id) (\(rule.kind), \(rule.category), \(rule.severity.rawValue))\n"
        out += "\(rule.title)\n\nmessage: \(rule.message)\n"
        if !rule.suggestions.isEmpty { out += "suggestions:\n" + rule.suggestions.map { "  - \($0)\n" }.joined() }
        let fixes = linter.declaredFixes(of: rule.id)
        out += fixes.isEmpty ? "fix: none (--fix leaves it for a person)\n"
            : "fix (--fix):\n" + fixes.map { "  \($0.phrase) → \($0.fix)\n" }.joined()
        out += "\n\(rule.explanation.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
        out += "examples that trigger it:\n" + rule.examples.bad.map { "  ✗ \($0.text)\n" }.joined()
        out += "examples that do not:\n" + rule.examples.good.map { "  ✓ \($0.text)\n" }.joined()
        out += "\nsources:\n" + rule.sources.map { "  \($0)\n" }.joined()
        let literals = linter.prefilterLiterals(of: rule.id)
        out += "prefilter literals: " + (literals.map { $0.map { "\"\($0)\"" }.joined(separator: ", ") } ?? "none (runs on every text)") + "\n"
        out += "defined in \(rule.file):\(rule.line)\n"
        Terminal.write(out)
    }
}

struct RulesTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples (as written, behind an emoji, with CRLF endings).",
        discussion: "With a folder, tests the rules in it (the built-in shared lists stay available); without, the built-in packs."
    )
    @Argument(help: ArgumentHelp("A folder of rules to test instead of the built-in packs.", valueName: "dir")) var directory: String?
    @Flag(name: .customLong("no-builtin-rules"), help: "Do not load the built-in packs and lists (test a whole rules tree, such as a checkout's Rules/, with its own lists).")
    var noBuiltinRules = false

    func run() throws {
        var options = try RuleOptions.parse([])
        if let directory { options.ruleDirectories = [directory] }
        options.noBuiltinRules = noBuiltinRules
        let linter = try options.makeLinter()
        let only = directory == nil ? nil : options.userRuleFiles
        let result = ExampleRunner(linter: linter).run(onlyFiles: only)
        for failure in result.failures { Terminal.error("\(failure)") }
        let failed = Set(result.failures.map(\.rule)).count
        let outcome = result.failures.isEmpty ? "all passed" : "\(Terminal.count(result.failures.count, "failure")) in \(Terminal.count(failed, "rule"))"
        Terminal.write("\(Terminal.count(result.rules, "rule")), \(Terminal.count(result.examples, "example")): \(outcome)\n")
        if !result.failures.isEmpty { throw ExitStatus.findings }
    }
}

struct RulesDocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write one Markdown page per built-in rule, plus an index (README.md), into a folder.",
        discussion: "The pages committed under docs/rules/ come from '\(RuleDocs.refreshCommand)'; SARIF's helpUri links to them."
    )
    @Option(help: ArgumentHelp("The folder to write (created if missing).", valueName: "dir")) var out: String
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let linter = try rules.makeLinter()
        let pages = RuleDocs.pages(for: linter)
        let root = URL(fileURLWithPath: out)
        do {
            for (path, text) in pages {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            // Pages of rules that no longer exist go, but only pages this command wrote.
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let path = walker?.nextObject() as? String {
                let url = root.appendingPathComponent(path)
                guard path.hasSuffix(".md"), pages[path] == nil,
                      let text = try? String(contentsOf: url, encoding: .utf8), text.hasPrefix(RuleDocs.generatedMarker) else { continue }
                try FileManager.default.removeItem(at: url)
            }
        } catch {
            Terminal.error("postlint: cannot write rule pages to '\(out)': \(error.localizedDescription)")
            throw ExitStatus.usageOrInputError
        }
        Terminal.write("wrote \(pages.count - 1) rule page\(pages.count == 2 ? "" : "s") and an index to \(out)\n")
    }
}

struct RulesExportPatterns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-patterns",
        abstract: "Print every rule's candidate patterns, one per line (for benchmarks with ripgrep or Hyperscan).",
        discussion: """
            pcre2: the patterns as postlint compiles them (for rg -P). portable: word-boundary \
            lookarounds rewritten as \\b, and patterns that still need lookaround or \\K left out \
            (for rg's default engine and Hyperscan). Caseless patterns start with (?i). literals: \
            the prefilter's literals as it folds them (lower case, one space for any whitespace), \
            one per line (for Vectorscan's literal mode).
            """
    )
    enum Dialect: String, ExpressibleByArgument, CaseIterable { case pcre2, portable, literals }
    @Option(help: "Pattern dialect.") var dialect: Dialect = .pcre2
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let linter = try rules.makeLinter()
        if dialect == .literals {
            Terminal.write(linter.prefilterLiteralSet.map { $0 + "\n" }.joined())
            return
        }
        var out = "", skipped = 0
        for entry in linter.candidatePatterns {
            var pattern = entry.pattern
            if dialect == .portable {
                pattern = pattern.replacingOccurrences(of: "(?<![\\p{L}\\p{N}_])", with: "\\b")
                    .replacingOccurrences(of: "(?![\\p{L}\\p{N}_])", with: "\\b")
                if ["(?<", "(?=", "(?!", "\\K"].contains(where: pattern.contains) { skipped += 1; continue }
            }
            out += (entry.caseless ? "(?i)" : "") + pattern + "\n"
        }
        Terminal.write(out)
        if skipped > 0 { Terminal.error("postlint: \(skipped) patterns need lookaround and were left out of the portable dialect") }
    }
}
