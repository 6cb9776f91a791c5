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
    @OptionGroup var rules: RuleOptions
    @OptionGroup var postOptions: PostInputOptions

    func run() throws {
        let linter = try rules.makeLinter()
        var problems: [Diagnostic] = []
        let files = collect(&problems)
        defer { PostInput.cleanUp(files) }
        var audit = Audit(examplesPerCategory: examples, redact: postOptions.redact)
        audit.inputs = files.map(\.displayPath)
        let batch = BatchLinter(linter: linter, jobs: postOptions.jobs)
        var progress = ProgressLine()
        for file in files {
            var reader: any PostReader
            do throws(PostLintError) {
                reader = try PostFiles.reader(file, fields: postOptions.fields(for: file.format))
            } catch {
                problems.append(error.diagnostic(file: file.displayPath))
                continue
            }
            var summary = audit.summary
            batch.run(&reader, path: file.displayPath, summary: &summary, onResult: { result in
                audit.record(result, path: file.displayPath)
            }, onBad: { problems.append($0) }, onProgress: { progress.update($0) })
            audit.summary = summary
        }
        progress.finish()
        for problem in problems { Terminal.error("postlint: \(problem)") }
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
            Terminal.write(summaryText(audit))
        }
        let unreadable = problems.count - audit.summary.badRecords
        if unreadable > 0 || (audit.summary.badRecords > 0 && !postOptions.skipBadRecords) { throw ExitStatus.usageOrInputError }
    }

    private func collect(_ problems: inout [Diagnostic]) -> [PostInput] {
        var files: [PostInput] = []
        func add(_ path: String) {
            if ArchiveInputs.isArchive(path) && inputFormat == nil {
                do throws(PostLintError) { files += try ArchiveInputs.expand(path) } catch { problems.append(error.diagnostic(file: path)) }
            } else if let format = inputFormat?.format ?? PostFormat.detect(path: path) {
                files.append(PostInput(path: path, displayPath: path, format: format))
            } else {
                problems.append(Diagnostic(file: path, message: "not a known export format; choose one with --input-format"))
            }
        }
        // Folders are searched for exports; note-tweet.js completes tweets.js beside it, so it
        // is not a separate input there.
        let collector = InputCollector(accepts: { path in
            (PostFormat.detect(path: path) != nil || ArchiveInputs.isArchive(path))
                && (path as NSString).lastPathComponent != "note-tweet.js"
        })
        let collected = collector.collect(paths)
        problems += collected.problems
        collected.files.forEach(add)
        return files
    }

    private func summaryText(_ audit: Audit) -> String {
        let summary = audit.summary
        func share(_ part: Int, _ whole: Int) -> String { whole == 0 ? "0.0%" : String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        var out = "postlint audit of \(audit.inputs.count) input\(audit.inputs.count == 1 ? "" : "s")\n"
        out += TextReporter.postsLine(summary) + "\n"
        out += "\(summary.postsFlagged) of \(summary.postsLinted) posts need attention (\(share(summary.postsFlagged, summary.postsLinted))), \(summary.findings) findings\n"
        if !summary.byCategory.isEmpty {
            out += "\nby category (posts):\n"
            for (category, count) in summary.byCategory.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "  \(pad(category, 20))\(count) (\(share(count, summary.postsLinted)))\n"
            }
            out += "\ntop rules (findings):\n"
            for (rule, count) in summary.byRule.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(10) {
                var line = "  \(pad(rule, 52))\(count)"
                if let example = audit.examplesByRule[rule]?.first {
                    line += audit.redact ? "  e.g. post \(example.post.id)" : "  e.g. \"\(example.match)\" (post \(example.post.id))"
                }
                out += line + "\n"
            }
        }
        if !summary.postsByMonth.isEmpty {
            out += "\nby month (flagged / posts):\n"
            for month in summary.postsByMonth.keys.sorted() {
                let posts = summary.postsByMonth[month] ?? 0, flagged = summary.flaggedByMonth[month] ?? 0
                out += "  \(month)  \(flagged) / \(posts) (\(share(flagged, posts)))\n"
            }
        }
        if let html { out += "\nHTML report: \(html)\n" }
        return out
    }

}

/// `--input-format` for audit: a multi-post format.
struct PostFormatArgument: ExpressibleByArgument {
    let format: PostFormat
    init?(argument: String) {
        guard let format = PostFormat(rawValue: argument) else { return nil }
        self.format = format
    }
    static var allValueStrings: [String] { PostFormat.allCases.map(\.rawValue) }
}
