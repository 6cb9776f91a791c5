import ArgumentParser
import Foundation
import PostLint

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint drafts, text files and Markdown files.",
        discussion: """
            With no path, lints the current folder (the configuration's include and exclude \
            apply); '-' reads standard input (name it with --stdin-filename). Folders are \
            walked for .md, .markdown and .txt files; the configuration's exclude also skips \
            files named on the command line. Settings come from .postlint.yml (found by \
            walking up from the working folder) or --config; flags win over the file.
            """
    )

    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: ArgumentHelp("Files or folders to lint (default: the current folder); '-' for standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp(
        "The file name standard input stands for: picks its format and per-glob settings, and names it in reports.", valueName: "name"))
    var stdinFilename: String?

    @Flag(name: .shortAndLong, help: "Report errors only (warnings and info are dropped).")
    var quiet = false

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp("Exit 1 when there are more than this many warnings.", valueName: "n"))
    var maxWarnings: Int?

    @Flag(name: .shortAndLong, help: "Say what was skipped, for example files named on the command line that 'exclude' leaves out.")
    var verbose = false

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output format, optionally with a file (e.g. --format sarif:out.sarif); repeatable. One of: \(ReporterRegistry.help).",
        valueName: "name[:path]"))
    var formats: [OutputTarget] = []

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1 (default: the configuration's, else error).")
    var failOn: Threshold?

    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "Read every input as this format instead of guessing from the name. One of: \(ReaderRegistry.help).",
        valueName: "format"))
    var inputFormat: String?

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip paths matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    @Option(help: "Colour in text output: auto (only on a terminal), always or never. NO_COLOR always turns it off.")
    var color: ColorMode = .auto

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings in this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .customLong("require-reason"), help: "Make a suppression comment without a reason ('-- why') an error.")
    var requireReason = false

    @Flag(help: "Apply the fixes rules declare as drop-ins, in place (never inside code or front matter); with '-', write the fixed text to standard output.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print a unified diff instead of changing files.")
    var dryRun = false

    @Option(name: .customLong("diff-base"), help: ArgumentHelp("Report only findings on lines changed since this git revision.", valueName: "ref"))
    var diffBase: String?

    @OptionGroup var settings: ConfigurationOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var postOptions: PostInputOptions

    func validate() throws {
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil {
            throw ValidationError("unknown input format '\(inputFormat)'; expected one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if stdinFilename != nil && !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input; add '-' to read it")
        }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
        if formats.filter({ $0.path == nil }).count > 1 {
            throw ValidationError("only one --format can write to standard output; give the others a file (e.g. --format sarif:out.sarif)")
        }
        if dryRun && !fix { throw ValidationError("--dry-run only works with --fix") }
        if fix && !dryRun && paths.contains("-") && formats.contains(where: { $0.path == nil }) {
            throw ValidationError("with --fix and '-', standard output carries the fixed text; give the format a file (e.g. --format json:report.json)")
        }
        if settings.baseline != nil && writeBaseline != nil { throw ValidationError("give either --baseline or --write-baseline") }
    }

    func run() throws {
        let run: LintRun
        do throws(RunSetupError) { run = try LintRun(options: runOptions) } catch {
            for line in error.lines { Terminal.error(line) }
            throw ExitStatus.usageOrInputError
        }
        let targets = formats.isEmpty ? [OutputTarget(argument: "text")!] : formats
        // `--fix -`: standard output is the fixed text; findings left go to standard error.
        let fixesStandardInput = fix && !dryRun && paths.contains("-")
        var sinks: [any LintSink] = [ProblemPrinter(), ProgressSink()]
        if fix && dryRun { sinks.append(DiffPrinter()) }
        if fixesStandardInput { sinks.append(FixedTextPrinter()) }
        if targets.contains(where: { $0.entry.streams }) { sinks.append(StreamSummaryPrinter()) }
        // With --fix --dry-run, standard output holds only the diff unless a format is asked for.
        for target in targets where !(fix && dryRun && formats.isEmpty) {
            if fixesStandardInput && target.path == nil && formats.isEmpty {
                sinks.append(try target.makeSink(color: false, redact: postOptions.redact, toStandardError: true))
                continue
            }
            sinks.append(try target.makeSink(color: useColor, redact: postOptions.redact))
        }
        let keep = targets.contains { !$0.entry.streams } || writeBaseline != nil
        let report = run.run(paths: paths, sinks: sinks, keepDocuments: keep)

        for problem in report.problems { Terminal.error("postlint: \(problem)") }
        if verbose { for note in report.notes { Terminal.error("postlint: \(note)") } }
        if fix {
            let fixed = report.fixes.reduce(0) { $0 + $1.fixed }, files = report.fixes.filter { $0.fixed > 0 }.count
            Terminal.error("postlint: \(dryRun ? "would fix" : "fixed") \(fixed) finding\(fixed == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        }
        if let writeBaseline {
            try write(Baseline(documents: report.recorded).encoded(), to: writeBaseline)
            let count = report.recorded.reduce(0) { $0 + $1.findings.count }
            Terminal.error("postlint: wrote \(count) finding\(count == 1 ? "" : "s") to baseline '\(writeBaseline)'")
        }
        if targets.contains(where: { $0.name == GitHubReporter.name }),
           let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            appendStepSummary(GitHubReporter().stepSummary(report), to: summary)
        }
        if let profile = run.linter.profile { Terminal.error(profile.render()) }
        switch report.status(failingAt: run.threshold, maxWarnings: maxWarnings) {
        case .clean: return
        case .findings: throw ExitStatus.findings
        case .problems: throw ExitStatus.usageOrInputError
        }
    }

    /// The flags as run options.
    var runOptions: RunOptions {
        var options = RunOptions()
        settings.apply(to: &options)
        rules.apply(to: &options)
        postOptions.apply(to: &options)
        options.inputFormat = inputFormat.flatMap(InputFormat.init(rawValue:))
        options.excludes = excludes
        options.stdinFilename = stdinFilename
        options.quiet = quiet
        options.maxWarnings = maxWarnings
        options.recordBaseline = writeBaseline != nil
        options.requireReason = requireReason
        options.fix = fix ? (dryRun ? .dryRun : .apply) : nil
        options.diffBase = diffBase
        options.failOn = failOn
        return options
    }

    // MARK: - Outputs

    private func appendStepSummary(_ text: String, to path: String) {
        // A failure to create it shows as the open below failing.
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            Terminal.error("postlint: cannot write the step summary to '\(path)'")
            return
        }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try? handle.close()
    }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("postlint: cannot write '\(path)': \(error.localizedDescription)")
            throw ExitStatus.usageOrInputError
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
}
