import ArgumentParser
import Foundation
import PostLint

/// Options shared by every command that loads rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder (or file) of extra rules, loaded with the built-in packs.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Do not load the built-in rule packs.")
    var noBuiltinRules = false

    @Flag(help: "Print where the time went (per stage and per rule) on standard error at the end.")
    var profile = false

    @Flag(name: .customLong("no-prefilter"), help: "Run every rule's regexes on every text (slower; for checking the literal prefilter).")
    var noPrefilter = false

    @Option(help: ArgumentHelp("The audience's region (\(RuleFile.builtinRegions.filter { $0 != "INTL" }.joined(separator: ", "))): only its crisis lines and international directories count, and messages suggest its lines.", valueName: "code"))
    var region: String?

    /// The linter, or exit 2 with every rule-file problem on stderr.
    func makeLinter(disabling disabled: Set<String> = []) throws -> Linter {
        do {
            var extra: [RuleFile] = []
            for directory in ruleDirectories {
                extra += try RuleFile.files(in: URL(fileURLWithPath: directory))
            }
            return try Linter(configuration: LinterConfiguration(
                includeBuiltinRules: !noBuiltinRules, extraRuleFiles: extra, disabledRules: disabled, region: region,
                prefilter: !noPrefilter, profile: profile ? LintProfile() : nil))
        } catch {
            Terminal.error("\(error)")
            Terminal.error("postlint: rules could not be loaded; nothing was linted")
            throw ExitStatus.usageOrInputError
        }
    }

    func apply(to options: inout RunOptions) {
        options.ruleFolders = ruleDirectories
        options.includeBuiltinRules = !noBuiltinRules
        options.prefilter = !noPrefilter
        options.profile = profile ? LintProfile() : nil
        options.region = region
    }

    /// The files given with `--rules`, to tell user rules from built-in ones.
    var userRuleFiles: Set<String> {
        Set(ruleDirectories.flatMap { (try? RuleFile.files(in: URL(fileURLWithPath: $0)))?.map(\.path) ?? [] })
    }
}
