import ArgumentParser
import Foundation
import PostLint

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint drafts, text files and Markdown files.",
        discussion: """
            With '-' or no path and text piped in, lints standard input. Folders are walked \
            for .md, .markdown and .txt files. Settings come from .postlint.yml (found by \
            walking up from the working folder) or --config; flags win over the file.
            """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, info, never }
    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: ArgumentHelp("Files or folders to lint; '-' for standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output format, optionally with a file: text, json, jsonl, sarif, github, junit, checkstyle, codeclimate, rdjsonl (e.g. --format sarif:out.sarif). Repeatable.",
        valueName: "name[:path]"))
    var formats: [OutputTarget] = []

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1 (default: the configuration's, else error).")
    var failOn: FailOn?

    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "Read every input as this format instead of guessing from the name: text, markdown, html, or a multi-post format: jsonl, json, csv, tsv, x-archive, mastodon, facebook, instagram, threads, reddit.",
        valueName: "format"))
    var inputFormat: String?

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Skip paths matching this glob (repeatable).", valueName: "glob"))
    var excludes: [String] = []

    @Option(help: "Colour in text output: auto (only on a terminal), always or never. NO_COLOR always turns it off.")
    var color: ColorMode = .auto

    @Option(help: ArgumentHelp("Use this configuration file instead of looking for .postlint.yml.", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .postlint.yml files.")
    var noConfig = false

    @Option(help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings in this baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .customLong("require-reason"), help: "Make a suppression comment without a reason ('-- why') an error.")
    var requireReason = false

    @Flag(help: "Apply substitution suggestions to the files in place (never inside code or front matter).")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print a unified diff instead of changing files.")
    var dryRun = false

    @Option(name: .customLong("diff-base"), help: ArgumentHelp("Report only findings on lines changed since this git revision.", valueName: "ref"))
    var diffBase: String?

    @OptionGroup var rules: RuleOptions
    @OptionGroup var postOptions: PostInputOptions

    func validate() throws {
        if let inputFormat, InputFormat(rawValue: inputFormat) == nil && PostFormat(rawValue: inputFormat) == nil {
            let known = InputFormat.allCases.map(\.rawValue) + PostFormat.allCases.map(\.rawValue)
            throw ValidationError("unknown input format '\(inputFormat)'; expected one of \(known.joined(separator: ", "))")
        }
        if paths.isEmpty && Terminal.stdinIsTerminal {
            throw ValidationError("no input: give files or folders, or pipe a draft in with '-'")
        }
        if formats.filter({ $0.path == nil }).count > 1 {
            throw ValidationError("only one --format can write to standard output; give the others a file (e.g. --format sarif:out.sarif)")
        }
        if dryRun && !fix { throw ValidationError("--dry-run only works with --fix") }
        if config != nil && noConfig { throw ValidationError("give either --config or --no-config") }
        if baseline != nil && writeBaseline != nil { throw ValidationError("give either --baseline or --write-baseline") }
    }

    func run() throws {
        let settings = try loadConfiguration()
        let linter = try makeLinter(settings)
        var problems: [Diagnostic] = []
        var postFiles: [PostInput] = []
        let documents = readInputs(settings, problems: &problems, postFiles: &postFiles)
        defer { PostInput.cleanUp(postFiles) }
        var streams = try StreamingOutputs(formats: formats, redact: postOptions.redact)

        var baselineFilter = try loadBaseline()
        let known = Set(linter.rules.map(\.id))
        var linted: [LintedDocument] = []
        for document in documents {
            let result = linter.lint(document)
            problems += result.failures.map { Diagnostic(file: document.path ?? "<stdin>", message: "\($0)") }
            let configured = Self.configured(result.findings, settings, relativePath: settings.relativePath(document.path ?? ""))
            let suppressed = Suppressions.apply(configured, in: document, knownRules: known, requireReason: requireReason)
            linted.append(LintedDocument(document: document, findings: (suppressed.kept + suppressed.directiveFindings).sorted(by: Finding.reportOrder)))
        }
        var toRecord = linted  // for --write-baseline: before the baseline and --diff-base filter
        if baselineFilter != nil { linted = linted.map { baselineFilter!.apply($0) } }
        if let diffBase {
            do {
                let changed = try ChangedLines.since(diffBase)
                linted = linted.map { LintedDocument(document: $0.document, findings: $0.findings.filter(changed.contains)) }
            } catch {
                Terminal.error("postlint: \(error)")
                throw ExitStatus.usageOrInputError
            }
        }
        if fix { linted = try applyFixes(linted, problems: &problems) }
        // Findings of single-document inputs go to JSON Lines outputs once final.
        streams.write(linted.flatMap(\.findings))

        var postSummary: BatchSummary?
        if !postFiles.isEmpty {
            var summary = BatchSummary()
            let flagged = lintPosts(postFiles, linter: linter, settings: settings, summary: &summary, streams: &streams,
                                    baseline: &baselineFilter, keep: streams.needsCollectedFindings || writeBaseline != nil)
            linted += flagged.reported
            toRecord += flagged.recorded
            postSummary = summary
            if summary.badRecords > 0 && !postOptions.skipBadRecords {
                problems.append(Diagnostic(file: postFiles.map(\.displayPath).joined(separator: ", "),
                                           message: "\(summary.badRecords) malformed record\(summary.badRecords == 1 ? " was" : "s were") reported and skipped (use --skip-bad-records to accept)"))
            }
        }
        if let writeBaseline {
            try write(Baseline(documents: toRecord).encoded(), to: writeBaseline)
            let count = toRecord.reduce(0) { $0 + $1.findings.count }
            Terminal.error("postlint: wrote \(count) finding\(count == 1 ? "" : "s") to baseline '\(writeBaseline)'")
        }

        var report = RunReport(documents: linted, problems: problems, rules: linter.rules)
        report.posts = postSummary
        if postOptions.redact { report = Self.redacted(report) }
        for problem in problems { Terminal.error("postlint: \(problem)") }
        streams.finish(postSummary)
        if let profile = linter.profile {
            try profile.measure(.report) { try writeReports(report) }
            Terminal.error(profile.render())
        } else {
            try writeReports(report)
        }
        if !problems.isEmpty { throw ExitStatus.usageOrInputError }
        let threshold = failOn?.rawValue ?? settings.failOn ?? "error"
        if let severity = Severity(rawValue: threshold), report.findings.contains(where: { $0.severity >= severity }) {
            throw ExitStatus.findings
        }
    }

    // MARK: - Steps

    /// Findings at the severities the configuration gives them for `path`; rules it switches
    /// off there are dropped.
    /// `relativePath`: the input's path relative to the configuration (`Configuration.relativePath`).
    static func configured(_ findings: [Finding], _ settings: Configuration, relativePath relative: String) -> [Finding] {
        guard !findings.isEmpty else { return [] }
        return findings.compactMap { finding in
            guard let severity = settings.severity(of: finding.rule, defaultSeverity: finding.severity, path: relative) else { return nil }
            var copy = finding
            copy.severity = severity
            return copy
        }
    }

    private func loadBaseline() throws -> BaselineFilter? {
        guard let baseline else { return nil }
        do {
            return BaselineFilter(try Baseline.load(path: baseline))
        } catch {
            Terminal.error("postlint: \(error)")
            throw ExitStatus.usageOrInputError
        }
    }

    private func loadConfiguration() throws -> Configuration {
        if noConfig { return Configuration() }
        guard let path = config ?? Configuration.discover(from: FileManager.default.currentDirectoryPath) else { return Configuration() }
        do {
            return try Configuration.load(path: path)
        } catch {
            Terminal.error("\(error)")
            Terminal.error("postlint: the configuration could not be read; nothing was linted")
            throw ExitStatus.usageOrInputError
        }
    }

    private func makeLinter(_ settings: Configuration) throws -> Linter {
        var options = rules
        let workingDirectory = FileManager.default.currentDirectoryPath + "/"
        options.ruleDirectories = settings.ruleFolders.map { folder in
            let path = folder.hasPrefix("/") ? folder : (settings.baseDirectory as NSString).appendingPathComponent(folder)
            // Shown in messages: relative to the working folder when it lies below it.
            return path.hasPrefix(workingDirectory) ? String(path.dropFirst(workingDirectory.count)) : path
        } + rules.ruleDirectories
        if options.region == nil { options.region = settings.region }
        let all = try options.makeLinter()
        do {
            try settings.validate(against: all.rules)
        } catch {
            Terminal.error("\(error)")
            Terminal.error("postlint: the configuration names rules that do not exist; nothing was linted")
            throw ExitStatus.usageOrInputError
        }
        let disabled = settings.disabledEverywhere(all.rules)
        return disabled.isEmpty ? all : try options.makeLinter(disabling: disabled)
    }

    private func readInputs(_ settings: Configuration, problems: inout [Diagnostic],
                            postFiles: inout [PostInput]) -> [Document] {
        let forced = inputFormat.flatMap(InputFormat.init(rawValue:))
        let forcedPosts = inputFormat.flatMap(PostFormat.init(rawValue:))
        var documents: [Document] = []
        if (paths.isEmpty || paths.contains("-")), let forcedPosts {
            postFiles.append(PostInput(path: "/dev/stdin", displayPath: "<stdin>", format: forcedPosts))
        } else if paths.isEmpty || paths.contains("-") {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            do throws(PostLintError) {
                documents.append(try Document(data: data, format: forced ?? .text, path: "<stdin>"))
            } catch {
                problems.append(error.diagnostic(file: "<stdin>"))
            }
        }
        let explicit = Set(paths)
        let collected = InputCollector(excludes: excludes).collect(paths.filter { $0 != "-" })
        problems += collected.problems
        for path in collected.files where explicit.contains(path) || settings.includes(settings.relativePath(path)) {
            if forced == nil, ArchiveInputs.isArchive(path) {
                do throws(PostLintError) { postFiles += try ArchiveInputs.expand(path) } catch { problems.append(error.diagnostic(file: path)) }
                continue
            }
            if forced == nil, let format = forcedPosts ?? PostFormat.detect(path: path) {
                postFiles.append(PostInput(path: path, displayPath: path, format: format))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(file: path, message: "cannot read file"))
                continue
            }
            do throws(PostLintError) {
                documents.append(try Document(data: data, format: forced ?? InputFormat.forPath(path), path: path))
            } catch {
                problems.append(error.diagnostic(file: path))
            }
        }
        return documents
    }

    /// Lints multi-post files in parallel batches; streams findings (after the baseline) to
    /// JSON Lines outputs, and returns the flagged posts for the other reporters (`reported`)
    /// and for `--write-baseline` (`recorded`, before the baseline) when `keep` is set.
    private func lintPosts(_ files: [PostInput], linter: Linter, settings: Configuration, summary: inout BatchSummary,
                           streams: inout StreamingOutputs, baseline: inout BaselineFilter?,
                           keep: Bool) -> (reported: [LintedDocument], recorded: [LintedDocument]) {
        let batch = BatchLinter(linter: linter, jobs: postOptions.jobs)
        var reported: [LintedDocument] = [], recorded: [LintedDocument] = []
        var progress = ProgressLine()
        for file in files {
            var reader: any PostReader
            do {
                reader = try PostFiles.reader(file, fields: postOptions.fields(for: file.format))
            } catch {
                Terminal.error("postlint: \(error)")
                summary.badRecords += 1
                continue
            }
            // Once per file, not per post (it resolves the path on disk).
            let relative = settings.relativePath(file.displayPath)
            batch.run(&reader, path: file.displayPath, summary: &summary, onResult: { result in
                let findings = Self.configured(result.findings, settings, relativePath: relative)
                guard !findings.isEmpty else { return }
                let document = Document(text: result.post.text, format: result.post.markup == .html ? .html : .text, path: file.displayPath)
                let found = LintedDocument(document: document, findings: findings)
                let kept = baseline == nil ? found : baseline!.apply(found)
                if let profile = linter.profile { profile.measure(.report) { streams.write(kept.findings) } } else { streams.write(kept.findings) }
                if keep {
                    recorded.append(found)
                    if !kept.findings.isEmpty { reported.append(kept) }
                }
            }, onBad: { diagnostic in
                Terminal.error("postlint: \(diagnostic)")
            }, onProgress: { progress.update($0) })
        }
        progress.finish()
        return (reported, recorded)
    }

    static func redacted(_ report: RunReport) -> RunReport {
        var copy = report
        copy.documents = report.documents.map { linted in
            LintedDocument(document: Document(text: "", format: .text, path: linted.document.path), findings: linted.findings.map(Redaction.redact))
        }
        return copy
    }

    private func applyFixes(_ linted: [LintedDocument], problems: inout [Diagnostic]) throws -> [LintedDocument] {
        var remaining: [LintedDocument] = []
        var fixedCount = 0, files = 0
        for item in linted {
            let result = Fixer.apply(item.findings, to: item.document)
            guard !result.fixed.isEmpty, let path = item.document.path, path != "<stdin>" else {
                remaining.append(item)
                continue
            }
            let fixedSet = Set(result.fixed)
            fixedCount += result.fixed.count
            files += 1
            if dryRun {
                Terminal.write(UnifiedDiff.make(old: String(decoding: item.document.bytes, as: UTF8.self),
                                                new: String(decoding: result.bytes, as: UTF8.self), path: path))
                remaining.append(item)
            } else {
                do {
                    try Data(result.bytes).write(to: URL(fileURLWithPath: path))
                } catch {
                    problems.append(Diagnostic(file: path, message: "cannot write fixes: \(error.localizedDescription)"))
                    remaining.append(item)
                    continue
                }
                remaining.append(LintedDocument(document: item.document, findings: item.findings.filter { !fixedSet.contains($0) }))
            }
        }
        Terminal.error("postlint: \(dryRun ? "would fix" : "fixed") \(fixedCount) finding\(fixedCount == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        return remaining
    }

    private func writeReports(_ report: RunReport) throws {
        let targets = formats.isEmpty ? [OutputTarget(argument: "text")!] : formats
        for target in targets where target.name != "jsonl" {
            let output = target.reporter(color: useColor).render(report)
            if let path = target.path {
                try write(Data(output.utf8), to: path)
            } else if !(fix && dryRun && formats.isEmpty) {
                // With --fix --dry-run, standard output holds only the diff unless a format is asked for.
                Terminal.write(output)
            }
            if target.name == "github", let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                appendStepSummary(GitHubReporter().stepSummary(report), to: summary)
            }
        }
    }

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
