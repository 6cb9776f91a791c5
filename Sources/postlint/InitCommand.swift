import ArgumentParser
import Foundation
import PostLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .postlint.yml in the current folder.")

    @Flag(help: "Overwrite an existing .postlint.yml.") var force = false

    /// Every key of `.postlint.yml` with its default, so nothing is switched off or raised
    /// until the project decides (a test loads it and checks that every key is here).
    static let starter = """
        # postlint configuration: every key, set to its default. Change what your project needs.
        # Reference: https://github.com/postlint/postlint#configuration
        version: 1

        # Lowest severity that fails the run (exit code 1): error, warning, info or never.
        fail-on: error

        # The audience's region for crisis resources (\(RuleFile.builtinRegions.joined(separator: ", "))).
        # Unset (the default), any known crisis line counts and messages suggest international ones.
        # region: US

        # Rule packs: true runs the pack, false switches it off.
        packs:
        \(packLines)

        # Single rules by id ('postlint rules list'): off, on, or a severity (error, warning, info).
        # Example:  toxic-positivity/good-vibes-only: warning
        rules: {}

        # Folders of your own rules, relative to this file (format: Rules/README.md).
        rule-folders: []

        # Which files a folder walk lints (globs as in .gitignore, relative to this file).
        include: ["**/*.md", "**/*.markdown", "**/*.txt"]
        # Files never linted, even when named on the command line. Example: ["CHANGELOG.md", "vendor/"]
        exclude: []

        # Rule settings for some files, applied after the ones above. Example:
        #   - files: ["posts/**"]
        #     rules:
        #       toxic-positivity: error
        overrides: []

        """

    /// `name: true` for every built-in pack, sorted.
    static var packLines: String {
        let packs = Set(RuleFile.builtin.map(\.path).filter { !$0.hasPrefix("Rules/lists/") }.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count >= 3 ? String(parts[1]) : nil
        })
        return packs.sorted().map { "  \($0): true" }.joined(separator: "\n")
    }

    func run() throws {
        let path = ".postlint.yml"
        if FileManager.default.fileExists(atPath: path) && !force {
            Terminal.error("postlint: .postlint.yml already exists; use --force to overwrite it")
            throw ExitStatus.usageOrInputError
        }
        try Self.starter.write(toFile: path, atomically: true, encoding: .utf8)
        Terminal.write("wrote .postlint.yml\n")
    }
}
