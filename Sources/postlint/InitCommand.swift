import ArgumentParser
import Foundation
import PostLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .postlint.yml in the current folder.")

    @Flag(help: "Overwrite an existing .postlint.yml.") var force = false

    static let starter = """
        # postlint configuration. Reference: https://github.com/postlint/postlint#configuration
        version: 1

        # Lowest severity that fails the run (exit code 1): error, warning, info or never.
        fail-on: error

        # Whose crisis lines count, and which ones messages suggest: US, CA, GB, IE, AU, NZ, IN, DE, FR.
        # Leave it out to accept any known line.
        # region: US

        # Packs to switch off (all five are on by default).
        packs:
          misinformation: true
          toxic-positivity: true
          crisis-resources: true
          safe-messaging: true
          stigma: true

        # Single rules: off, on, or a severity (error, warning, info).
        rules:
          stigma/suffering-from: off
        #  toxic-positivity/it-is-what-it-is: warning

        # Folders of your own rules (see Rules/README.md for the format).
        # rule-folders: [.postlint/rules]

        # Which files a folder walk lints; globs as in .gitignore, relative to this file.
        include: ["**/*.md", "**/*.markdown", "**/*.txt"]
        exclude: ["node_modules/", "vendor/", "CHANGELOG.md"]

        # Stricter or looser settings for some files.
        overrides:
          - files: ["posts/**"]
            rules:
              toxic-positivity: error

        """

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
