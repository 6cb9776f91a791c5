import Foundation

/// One lint pipeline for every front end: built once from run options (configuration found
/// and read, rule folders and region resolved, rules compiled once, baseline and changed lines
/// loaded), then any number of runs send inputs through the rules and the finding stages into
/// sinks. Counts and the exit status come from what left the last stage, so the CLI's
/// reporters, `audit`, the library and the servers cannot disagree.
///
///     let run = try LintRun(options: RunOptions())
///     let report = run.lint(text: "Good vibes only!")
///     print(report.findings.map(\.rule))
public final class LintRun {
    public let options: RunOptions
    public let configuration: Configuration
    /// The rules after the configuration switched some off (compiled once).
    public let linter: Linter
    /// The failing threshold: `options.failOn`, else the configuration's, else `error`.
    public let threshold: Threshold
    let baseline: Baseline?
    let changedLines: ChangedLines?

    public init(options: RunOptions) throws(RunSetupError) {
        self.options = options
        configuration = try Self.loadConfiguration(options.configuration)
        linter = try Self.makeLinter(options, configuration)
        threshold = options.failOn ?? configuration.failOn.flatMap(Threshold.init(rawValue:)) ?? .error
        if let path = options.baselinePath {
            do throws(PostLintError) { baseline = try Baseline.load(path: path) } catch { throw RunSetupError(["postlint: \(error)"]) }
        } else {
            baseline = nil
        }
        if let revision = options.diffBase {
            do throws(PostLintError) { changedLines = try ChangedLines.since(revision) } catch { throw RunSetupError(["postlint: \(error)"]) }
        } else {
            changedLines = nil
        }
    }

    // MARK: - Runs

    /// Lints one text exactly as `check` would report it (configuration, suppressions,
    /// baseline applied). `path` picks per-glob settings and, without `format`, the format.
    public func lint(text: String, path: String? = nil, format: InputFormat? = nil) -> RunReport {
        let document = Document(text: text, format: format ?? path.map(InputFormat.forPath) ?? .text, path: path ?? "<stdin>")
        return run([.document(document)], sinks: [], keepDocuments: true)
    }

    /// Collects `paths` (see `RunInputs`) and runs them.
    public func run(paths: [String], policy: RunInputs.Policy = .documentsAndPosts, sinks: [any LintSink],
                    keepDocuments: Bool = true) -> RunReport {
        let collected = RunInputs.collectWithNotes(paths, policy: policy, options: options, configuration: configuration)
        var report = run(collected.inputs, problems: collected.problems, sinks: sinks, keepDocuments: keepDocuments)
        report.notes = collected.notes
        return report
    }

    /// Sends `inputs` through the rules and stages into `sinks`, in input order (documents,
    /// then multi-post files). `keepDocuments`: keep linted documents and flagged posts in the
    /// report (collecting reporters need them; a streaming-only run does not).
    public func run(_ inputs: [RunInput], problems: [Diagnostic] = [], sinks: [any LintSink], keepDocuments: Bool) -> RunReport {
        var report = RunReport(documents: [], problems: problems, rules: linter.rules)
        var stages = makeStages()
        for sink in sinks { sink.start(inputs) }
        for case .document(let document) in inputs {
            let result = linter.lint(document)
            report.problems += result.failures.map { Diagnostic(file: document.path ?? "<stdin>", message: "\($0)") }
            var item = LintItem(document: document, findings: result.findings,
                                configurationPath: configuration.relativePath(document.path ?? ""))
            for index in stages.indices { stages[index].process(&item, into: &report) }
            deliver(item, to: sinks, report: &report, keep: keepDocuments)
        }
        let postInputs = inputs.compactMap { if case .posts(let input) = $0 { return input } else { return nil } }
        if !postInputs.isEmpty {
            report.posts = lintPosts(postInputs, stages: &stages, sinks: sinks, report: &report, keep: keepDocuments)
        }
        report.summary.problems = report.problems.count
        for sink in sinks { sink.finish(report) }
        return report
    }

    // MARK: - Steps

    private func deliver(_ item: LintItem, to sinks: [any LintSink], report: inout RunReport, keep: Bool) {
        report.summary.count(item.findings)
        if let profile = linter.profile {
            profile.measure(.report) { for sink in sinks { sink.receive(item) } }
        } else {
            for sink in sinks { sink.receive(item) }
        }
        if keep { report.documents.append(item.linted) }
    }

    private func lintPosts(_ files: [PostInput], stages: inout [any FindingStage], sinks: [any LintSink],
                           report: inout RunReport, keep: Bool) -> BatchSummary {
        let batch = BatchLinter(linter: linter, jobs: options.jobs, allLanguages: options.allLanguages)
        // `read` is counted by the batch linter while `found` takes what leaves the stages;
        // they are merged at the end (the batch linter holds `read` while it calls back).
        var summary = BatchSummary(), found = BatchSummary()
        for file in files {
            var reader: any PostReader
            do throws(PostLintError) {
                reader = try ReaderRegistry.open(file, fields: options.fields(for: file.format))
            } catch {
                report.problems.append(error.diagnostic(file: file.displayPath))
                continue
            }
            // Once per file, not per post (it resolves the path on disk).
            let relative = configuration.relativePath(file.displayPath)
            let recordsBefore = Self.records(in: summary)
            batch.run(&reader, path: file.displayPath, summary: &summary, onResult: { result in
                if !result.failures.isEmpty { found.ruleFailures += 1 }
                for failure in result.failures {
                    let problem = Diagnostic(file: file.displayPath, message: "post \(result.post.id): \(failure)")
                    for sink in sinks { sink.problem(problem) }
                }
                var item = LintItem(document: result.post.document(path: file.displayPath),
                                    findings: result.findings, post: result.post, configurationPath: relative)
                for index in stages.indices where stages[index].appliesToPosts { stages[index].process(&item, into: &report) }
                found.addFindings(of: item)
                guard !item.findings.isEmpty else { return }
                deliver(item, to: sinks, report: &report, keep: keep)
            }, onBad: { diagnostic in
                for sink in sinks { sink.problem(diagnostic) }
            }, onProgress: { read in
                for sink in sinks { sink.progress(postsRead: read) }
            })
            // A file that yields no record at all is not a clean result: its layout changed, it
            // is another format under a known name, or it is empty. Standard input may be empty
            // (a streaming filter's empty partition).
            if Self.records(in: summary) == recordsBefore && !file.isStandardInput {
                report.problems.append(Diagnostic(file: file.displayPath, message:
                    "no posts found (read as \(file.format.reader.summary)): the file is empty or its layout changed; if it is another format, choose it with --input-format"))
            }
        }
        summary.merge(found)
        let failed = summary.badRecords + summary.ruleFailures
        if failed > 0 && !options.skipBadRecords {
            var parts: [String] = []
            if summary.badRecords > 0 { parts.append("\(summary.badRecords) malformed record\(summary.badRecords == 1 ? "" : "s") reported and skipped") }
            if summary.ruleFailures > 0 { parts.append("rules failed on \(summary.ruleFailures) post\(summary.ruleFailures == 1 ? "" : "s") (reported)") }
            report.problems.append(Diagnostic(file: files.map(\.displayPath).joined(separator: ", "),
                                              message: parts.joined(separator: "; ") + " (use --skip-bad-records to accept)"))
        }
        return summary
    }

    /// Every record a reader produced: posts read, skipped by nature, malformed.
    private static func records(in summary: BatchSummary) -> Int {
        summary.postsRead + summary.skipped.values.reduce(0, +) + summary.badRecords
    }

    /// The stages in their fixed order (a new stage is one line here).
    private func makeStages() -> [any FindingStage] {
        var stages: [any FindingStage] = [
            SeverityStage(configuration: configuration),
            SuppressionStage(knownRules: Set(linter.rules.map(\.id)), requireReason: options.requireReason),
        ]
        if options.recordBaseline { stages.append(BaselineRecordStage()) }
        if let baseline { stages.append(BaselineStage(filter: BaselineFilter(baseline))) }
        if let changedLines { stages.append(DiffBaseStage(changed: changedLines)) }
        if options.quiet { stages.append(QuietStage()) }
        if let fix = options.fix { stages.append(FixStage(dryRun: fix == .dryRun, standardInputPath: RunInputs.standardInputPath(options))) }
        return stages
    }

    // MARK: - Setup

    private static func loadConfiguration(_ source: RunOptions.ConfigurationSource) throws(RunSetupError) -> Configuration {
        let path: String
        switch source {
        case .none: return Configuration()
        case .loaded(let configuration): return configuration
        case .file(let file): path = file
        case .discover(let directory):
            guard let found = Configuration.discover(from: directory) else { return Configuration() }
            path = found
        }
        do throws(PostLintError) {
            return try Configuration.load(path: path)
        } catch {
            throw RunSetupError(["\(error)", "postlint: the configuration could not be read; nothing was linted"])
        }
    }

    private static func makeLinter(_ options: RunOptions, _ configuration: Configuration) throws(RunSetupError) -> Linter {
        let workingDirectory = FileManager.default.currentDirectoryPath + "/"
        let base = URL(fileURLWithPath: configuration.baseDirectory).standardizedFileURL.resolvingSymlinksInPath().path
        var configured: [String] = []
        for folder in configuration.ruleFolders {
            let path = folder.hasPrefix("/") ? folder : (configuration.baseDirectory as NSString).appendingPathComponent(folder)
            // A configuration's rule folders stay inside its repository (a shared config must not
            // make postlint read every .yml on the machine); other folders are given with --rules.
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            guard resolved == base || resolved.hasPrefix(base == "/" ? "/" : base + "/") else {
                let place = configuration.ruleFoldersPosition
                let diagnostic = Diagnostic(file: configuration.file ?? ".postlint.yml", line: place.line, column: place.column,
                                            message: "rule folder '\(folder)' is outside the configuration's folder \(base); give it with --rules instead")
                throw RunSetupError(["\(diagnostic)", "postlint: the configuration could not be read; nothing was linted"])
            }
            guard FileManager.default.fileExists(atPath: path) else {
                let place = configuration.ruleFoldersPosition
                let diagnostic = Diagnostic(file: configuration.file ?? ".postlint.yml", line: place.line, column: place.column,
                                            message: "rule folder '\(folder)' does not exist")
                throw RunSetupError(["\(diagnostic)", "postlint: the configuration could not be read; nothing was linted"])
            }
            // Shown in messages: relative to the working folder when it lies below it.
            configured.append(path.hasPrefix(workingDirectory) ? String(path.dropFirst(workingDirectory.count)) : path)
        }
        let folders = configured + options.ruleFolders
        let all: Linter
        do throws(PostLintError) {
            var extra: [RuleFile] = []
            for folder in folders { extra += try RuleFile.files(in: URL(fileURLWithPath: folder)) }
            all = try Linter(configuration: LinterConfiguration(
                includeBuiltinRules: options.includeBuiltinRules, extraRuleFiles: extra,
                region: options.region ?? configuration.region, prefilter: options.prefilter, profile: options.profile))
        } catch {
            throw RunSetupError(["\(error)", "postlint: rules could not be loaded; nothing was linted"])
        }
        do throws(PostLintError) {
            try configuration.validate(against: all.rules)
        } catch {
            throw RunSetupError(["\(error)", "postlint: the configuration names rules that do not exist; nothing was linted"])
        }
        return all.disabling(configuration.disabledEverywhere(all.rules))
    }
}

extension RunReport {
    /// The exit status for `threshold`: problems first, then findings at or above it, then
    /// more warnings than `maxWarnings` (`--max-warnings`, as in ESLint).
    public func status(failingAt threshold: Threshold, maxWarnings: Int? = nil) -> RunStatus {
        if !problems.isEmpty { return .problems }
        let counts: [(Severity, Int)] = [(.error, summary.errors), (.warning, summary.warnings), (.info, summary.info)]
        if counts.contains(where: { $0.1 > 0 && threshold.isMet(by: $0.0) }) { return .findings }
        if let maxWarnings, summary.warnings > maxWarnings { return .findings }
        return .clean
    }

    /// The report without post text (`--redact`): ids, rule ids and positions only.
    public func redacted() -> RunReport {
        var copy = self
        copy.documents = documents.map { linted in
            LintedDocument(document: Document(text: "", format: .text, path: linted.document.path), findings: linted.findings.map(Redaction.redact))
        }
        return copy
    }
}
