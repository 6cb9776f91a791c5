import ArgumentParser
import Foundation
import PostLint

/// Options for inputs that hold many posts (JSON Lines, CSV, platform exports).
struct PostInputOptions: ParsableArguments {
    @Option(name: .customLong("text-field"), help: ArgumentHelp("JSON field holding the post text (dotted path, e.g. data.body).", valueName: "path"))
    var textField: String?

    @Option(name: .customLong("id-field"), help: ArgumentHelp("JSON field holding the post id (dotted path).", valueName: "path"))
    var idField: String?

    @Option(name: .customLong("text-column"), help: ArgumentHelp("CSV/TSV column holding the post text.", valueName: "name"))
    var textColumn: String?

    @Option(name: .customLong("id-column"), help: ArgumentHelp("CSV/TSV column holding the post id.", valueName: "name"))
    var idColumn: String?

    @Option(name: .customLong("keep-field"), parsing: .singleValue, help: ArgumentHelp(
        "JSON fields copied from each post into its findings, under location.post.fields (comma-separated, repeatable; dotted paths work).",
        valueName: "a,b"))
    var keepFields: [String] = []

    @Option(help: ArgumentHelp("Worker threads for multi-post inputs (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("skip-bad-records"), help: "Do not fail (exit 2) because malformed records were reported and skipped.")
    var skipBadRecords = false

    @Flag(name: .customLong("all-languages"), help: "Lint posts in every language (by default a post in another language than the rules', English, is counted as not linted).")
    var allLanguages = false

    @Flag(help: "Keep post text out of every output: post ids, rule ids and positions only.")
    var redact = false

    func apply(to options: inout RunOptions) {
        let keep = keepFields.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        options.jsonFields = FieldSelection(text: textField, id: idField, keep: keep)
        options.csvColumns = FieldSelection(text: textColumn, id: idColumn)
        options.jobs = jobs
        options.skipBadRecords = skipBadRecords
        options.allLanguages = allLanguages
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}
