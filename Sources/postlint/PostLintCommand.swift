import ArgumentParser
import Foundation
import PostLint

@main
struct PostLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postlint",
        abstract: "Lint posts about mental health: unverified claims, toxic positivity, missing crisis resources.",
        discussion: """
            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on;
            2 usage, configuration, rule or input error.
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, AuditCommand.self, RulesCommand.self, EvalCommand.self, InitCommand.self, LSPCommand.self, ServeCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command; maps every error to the documented exit codes (argument-parser's
    /// usage errors would otherwise exit 64).
    static func main() {
        if let message = misspeltCommand(Array(CommandLine.arguments.dropFirst())) {
            Terminal.error("postlint: \(message)")
            Foundation.exit(ExitStatus.usageOrInputError.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.usageOrInputError.rawValue)
        }
    }
}

extension PostLintCommand {
    /// "Did you mean" for a misspelt subcommand (`postlint chek`, `postlint rules shwo`).
    /// `check` is the default subcommand, so a word that is not a command would otherwise be
    /// linted as a missing path; a word that names an existing file or folder is a path.
    static func misspeltCommand(_ arguments: [String]) -> String? {
        func names(_ commands: [any ParsableCommand.Type]) -> [String] {
            commands.compactMap { $0.configuration.commandName } + ["help"]
        }
        func check(_ word: String?, among candidates: [String], under parent: String) -> String? {
            guard let word, !word.hasPrefix("-"), word != "-", !candidates.contains(word),
                  !FileManager.default.fileExists(atPath: word),
                  let near = Spelling.closest(to: word, in: candidates) else { return nil }
            return "unknown command '\(parent)\(word)'; did you mean '\(parent)\(near)'?"
        }
        let top = names(configuration.subcommands)
        if let message = check(arguments.first, among: top, under: "") { return message }
        if arguments.first == RulesCommand.configuration.commandName {
            return check(arguments.dropFirst().first, among: names(RulesCommand.configuration.subcommands), under: "rules ")
        }
        return nil
    }
}

/// The documented exit codes.
enum ExitStatus {
    static let findings = ExitCode(1)
    static let usageOrInputError = ExitCode(2)
}

enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// `1 rule`, `2 rules`.
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}
