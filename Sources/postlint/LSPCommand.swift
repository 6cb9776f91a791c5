import ArgumentParser
import Foundation
import PostLintLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for editors (Language Server Protocol over standard input and output).",
        discussion: """
            Diagnostics as you type, quick fixes, "disable for this line" and hover \
            explanations. Each document is linted with the .postlint.yml found from its folder. \
            Standard output carries only protocol messages; logs go to standard error. Exits 0 \
            after 'shutdown' and 'exit', 1 when the input ends or 'exit' comes without 'shutdown'.
            """
    )

    @Option(name: .customLong("debounce"), help: ArgumentHelp("Milliseconds a burst of edits must pause before linting again.", valueName: "ms"))
    var debounce = 200

    @Flag(name: .customLong("stdio"), help: "Talk over standard input and output (the default and only transport; accepted because editors pass it).")
    var stdio = false

    func validate() throws {
        guard (0...10_000).contains(debounce) else { throw ValidationError("--debounce must be between 0 and 10000 milliseconds") }
    }

    func run() throws {
        var options = LanguageServer.Options()
        options.debounce = .milliseconds(debounce)
        options.version = PostLintCommand.configuration.version
        let server = LanguageServer(input: STDIN_FILENO, output: .claimingStandardOutput(), options: options)
        throw ExitCode(server.run())
    }
}
