import ArgumentParser
import Foundation
import PostLint

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint drafts, text files and Markdown files.",
        discussion: """
            With '-' or no path and text piped in, lints standard input. Directories are walked \
            for .md, .markdown and .txt files.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }
    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: ArgumentHelp("Files or folders to lint; '-' for standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1.")
    var failOn: FailOn = .error

    @Option(name: .customLong("input-format"), help: ArgumentHelp("Read every input as this format instead of guessing from the extension.", valueName: "text|markdown"))
    var inputFormat: String?

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip paths matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    @Option(help: "Colour in text output: auto (only on a terminal), always or never. NO_COLOR always turns it off.")
    var color: ColorMode = .auto

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format '\(inputFormat)'; expected text or markdown")
        }
        if paths.isEmpty && Terminal.stdinIsTerminal {
            throw ValidationError("no input: give files or folders, or pipe a draft in with '-'")
        }
    }

    func run() throws {
        let linter = try rules.makeLinter()
        let forced = inputFormat.flatMap(InputFormat.init(rawValue:))
        var problems: [Diagnostic] = []
        var documents: [Document] = []

        let wantsStdin = paths.isEmpty || paths.contains("-")
        if wantsStdin {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            do {
                documents.append(try Document(data: data, format: forced ?? .text, path: "<stdin>"))
            } catch {
                problems.append(diagnostic(error))
            }
        }
        let collected = InputCollector(excludes: excludes).collect(paths.filter { $0 != "-" })
        problems += collected.problems
        for path in collected.files {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(file: path, message: "cannot read file"))
                continue
            }
            do {
                documents.append(try Document(data: data, format: forced ?? InputFormat.forPath(path), path: path))
            } catch {
                problems.append(diagnostic(error))
            }
        }

        var linted: [LintedDocument] = []
        for document in documents {
            let result = linter.lint(document)
            linted.append(LintedDocument(document: document, findings: result.findings))
            problems += result.failures.map { Diagnostic(file: document.path ?? "<stdin>", message: "\($0)") }
        }
        let report = RunReport(documents: linted, problems: problems)
        for problem in problems { Terminal.error("postlint: \(problem)") }
        switch format {
        case .text: Terminal.write(TextReporter(color: useColor).render(report))
        case .json: Terminal.write(JSONReporter().render(report))
        }
        if !problems.isEmpty { throw ExitStatus.usageOrInputError }
        if let threshold = Severity(rawValue: failOn.rawValue), report.findings.contains(where: { $0.severity >= threshold }) {
            throw ExitStatus.findings
        }
    }

    private var useColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        switch color {
        case .always: return true
        case .never: return false
        case .auto: return Terminal.stdoutIsTerminal
        }
    }

    private func diagnostic(_ error: Error) -> Diagnostic {
        if case .unreadableInput(let diagnostic) = error as? PostLintError { return diagnostic }
        return Diagnostic(file: "<input>", message: "\(error)")
    }
}
