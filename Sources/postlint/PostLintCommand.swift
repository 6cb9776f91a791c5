import ArgumentParser
import Foundation

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
        subcommands: [CheckCommand.self, AuditCommand.self, RulesCommand.self, EvalCommand.self, InitCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command; maps every error to the documented exit codes (argument-parser's
    /// usage errors would otherwise exit 64).
    static func main() {
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

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}
