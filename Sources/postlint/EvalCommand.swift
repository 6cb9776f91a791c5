import ArgumentParser
import Foundation
import PostLint

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure precision and recall per category on labelled posts (JSON Lines).",
        discussion: """
            Each line: {"id": "...", "text": "...", "labels": [...], "allow": [...], "split": "..."}. \
            'labels' are the categories a good linter must report, 'allow' those it may report.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Labelled corpora (JSON Lines).", valueName: "file")) var files: [String]
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Evaluate only posts of this split (e.g. tune, held-out).", valueName: "name")) var split: String?
    @Flag(name: .customLong("no-misses"), help: "Leave out the list of misses.") var noMisses = false
    @Flag(name: .customLong("all-languages"), help: "Lint posts in every language (by default, as on an export, a post in another language than the rules' is not linted).")
    var allLanguages = false
    @OptionGroup var rules: RuleOptions

    func run() throws {
        // The rules as flags choose them; a labelled corpus is scored without .postlint.yml.
        var options = RunOptions()
        rules.apply(to: &options)
        let linter: Linter
        do throws(RunSetupError) { linter = try LintRun(options: options).linter } catch {
            for line in error.lines { Terminal.error(line) }
            throw ExitStatus.usageOrInputError
        }
        var posts: [LabelledPost] = [], problems: [Diagnostic] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(Diagnostic(file: file, message: "cannot read file"))
                continue
            }
            let read = Evaluation.readCorpus(data, path: file)
            posts += read.posts
            problems += read.problems
        }
        if let split { posts = posts.filter { $0.split == split } }
        let evaluation = Evaluation(posts: posts, linter: linter, allLanguages: allLanguages)
        for problem in problems { Terminal.error("postlint: \(problem)") }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var output = evaluation
            if noMisses { output.misses = [] }
            Terminal.write(String(decoding: try encoder.encode(output), as: UTF8.self) + "\n")
        case .text:
            Terminal.write(render(evaluation))
        }
        if !problems.isEmpty { throw ExitStatus.usageOrInputError }
    }

    private func render(_ evaluation: Evaluation) -> String {
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        func number(_ value: Double) -> String { String(format: "%.3f", value) }
        var out = pad("category", 18, left: true) + pad("posts", 7) + pad("TP", 6) + pad("FP", 6) + pad("FN", 6)
            + pad("precision", 11) + pad("recall", 8) + pad("F1", 7) + "\n"
        for score in evaluation.categories {
            out += pad(score.category, 18, left: true) + pad("\(score.posts)", 7) + pad("\(score.truePositives)", 6)
                + pad("\(score.falsePositives)", 6) + pad("\(score.falseNegatives)", 6) + pad(number(score.precision), 11)
                + pad(number(score.recall), 8) + pad(number(score.f1), 7) + "\n"
        }
        out += "\(evaluation.posts) posts, \(evaluation.misses.count) with a miss\n"
        if !noMisses && !evaluation.misses.isEmpty {
            out += "\nmisses:\n"
            for miss in evaluation.misses {
                var line = "  \(miss.id): expected [\(miss.expected.joined(separator: ", "))]"
                if !miss.missed.isEmpty { line += ", missed [\(miss.missed.joined(separator: ", "))]" }
                if !miss.unexpected.isEmpty { line += ", unexpected [\(miss.unexpected.joined(separator: ", "))]" }
                line += "; rules fired: \(miss.rules.isEmpty ? "none" : miss.rules.joined(separator: ", "))"
                out += line + "\n    " + miss.text.replacingOccurrences(of: "\n", with: " ⏎ ") + "\n"
            }
        }
        return out
    }
}
