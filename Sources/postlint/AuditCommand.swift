import ArgumentParser
import Foundation
import PostLint

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit exported posts: what share needs attention, which kinds, over time, with examples.",
        discussion: """
            Reads JSON Lines, CSV/TSV, JSON arrays and platform exports (X archive, Mastodon \
            outbox, Facebook, Instagram, Threads, Reddit); folders are searched for them. \
            Prints a summary; --html writes a self-contained report.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Export files or folders.", valueName: "export")) var paths: [String]
    @Option(help: ArgumentHelp("Write the report as one self-contained HTML file.", valueName: "file")) var html: String?
    @Option(help: "Output format of the summary.") var format: OutputFormat = .text
    @Option(name: .customLong("input-format"), help: ArgumentHelp("Read every input as this multi-post format.", valueName: "format"))
    var inputFormat: PostFormatArgument?
    @Option(name: .customLong("examples"), help: ArgumentHelp("Flagged posts shown per category.", valueName: "n")) var examples = 25
    @OptionGroup var settings: ConfigurationOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var postOptions: PostInputOptions

    func run() throws {
        var options = RunOptions()
        settings.apply(to: &options)
        rules.apply(to: &options)
        postOptions.apply(to: &options)
        options.inputFormat = inputFormat?.format
        let run: LintRun
        do throws(RunSetupError) { run = try LintRun(options: options) } catch {
            for line in error.lines { Terminal.error(line) }
            throw ExitStatus.usageOrInputError
        }
        let collected = RunInputs.collect(paths, policy: .postsOnly, options: options, configuration: run.configuration)
        var audit = Audit(examplesPerCategory: examples, redact: postOptions.redact)
        audit.inputs = collected.inputs.compactMap { if case .posts(let input) = $0 { return input.displayPath } else { return nil } }
        let sink = AuditSink(audit)
        let report = run.run(collected.inputs, problems: collected.problems, sinks: [ProblemPrinter(), ProgressSink(), sink],
                             keepDocuments: false)
        audit = sink.audit
        for problem in report.problems { Terminal.error("postlint: \(problem)") }
        if let html {
            do {
                try HTMLAuditRenderer().render(audit).write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                Terminal.error("postlint: cannot write '\(html)': \(error.localizedDescription)")
                throw ExitStatus.usageOrInputError
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.write(String(decoding: try encoder.encode(audit), as: UTF8.self) + "\n")
        case .text:
            Terminal.write(AuditTextRenderer(htmlPath: html).render(audit))
        }
        if let profile = run.linter.profile { Terminal.error(profile.render()) }
        // An audit reports; it fails only when inputs could not be read.
        if !report.problems.isEmpty { throw ExitStatus.usageOrInputError }
    }
}

/// `--input-format` for audit: a multi-post format.
struct PostFormatArgument: ExpressibleByArgument {
    let format: InputFormat
    init?(argument: String) {
        guard let format = InputFormat(rawValue: argument), format.yieldsPosts else { return nil }
        self.format = format
    }
    static var allValueStrings: [String] { InputFormat.allCases.filter(\.yieldsPosts).map(\.rawValue) }
}
