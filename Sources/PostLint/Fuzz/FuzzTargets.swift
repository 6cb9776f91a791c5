import Foundation

/// What every parser must hold on any input, for coverage-guided fuzzing (`scripts/fuzz.sh`,
/// libFuzzer) and for replaying the regression corpus in the normal tests. A target returns
/// when the invariants hold and throws `FuzzTargets.Violation` when one does not; a crash or
/// a hang is found by the fuzzer itself.
public enum FuzzTargets {
    public struct Violation: Error, CustomStringConvertible {
        public let description: String
    }

    /// The targets, by name (the argument of `scripts/fuzz.sh`), with the fixtures that seed them.
    public static let all: [(name: String, seeds: [String])] = [
        ("rule-yaml", ["Rules"]), ("config", ["Fixtures/content-repo/.postlint.yml"]),
        ("baseline", ["Fixtures/content-repo/postlint-baseline.json"]), ("suppressions", ["Fixtures/content-repo/posts"]),
        ("markdown", ["Fixtures/markdown", "Fixtures/content-repo/posts"]), ("html", ["Fixtures/exports/mastodon"]),
        ("normalizer", ["Fixtures/drafts"]), ("json-fields", ["Fixtures/exports/same/posts.jsonl", "Fixtures/exports/broken/records.jsonl"]),
        ("jsonl", ["Fixtures/exports/same/posts.jsonl", "Fixtures/exports/broken/records.jsonl"]),
        ("csv", ["Fixtures/exports/same/posts-export.csv", "Fixtures/exports/broken/rows.csv"]),
        ("x-archive", ["Fixtures/exports/x-archive"]), ("mastodon", ["Fixtures/exports/mastodon"]),
        ("meta", ["Fixtures/exports/facebook", "Fixtures/exports/instagram", "Fixtures/exports/threads"]),
        ("reddit", ["Fixtures/exports/reddit"]), ("lint", ["Fixtures/drafts", "Fixtures/markdown"]),
        ("bluesky", ["Fixtures/exports/bluesky/repo.car"]), ("tiktok", ["Fixtures/exports/tiktok"]),
        ("youtube", ["Fixtures/exports/youtube"]), ("pinterest", ["Fixtures/exports/pinterest/pinterest.html"]),
        ("archive", ["Fixtures/exports/archives"]),
    ]

    public static var names: [String] { all.map(\.name) }

    /// Runs target `name` on `input`.
    public static func run(_ name: String, _ input: [UInt8]) throws(Violation) {
        switch name {
        case "rule-yaml": try ruleYAML(input)
        case "config": try config(input)
        case "baseline": baseline(input)
        case "suppressions": try suppressions(input)
        case "markdown": try projection(MarkdownProjector.project(input), of: input, "markdown")
        case "html": try projection(HTMLProjector.project(input), of: input, "html")
        case "normalizer": try projection(Normalizer.normalize(ProjectedText(wholeOf: input)), of: input, "normalizer")
        case "json-fields": try jsonFields(input)
        case "jsonl": try reader(input, .jsonl, name: "posts.jsonl")
        case "csv": try reader(input, .csv, name: "posts.csv")
        case "x-archive": try reader(input, .xArchive, name: "tweets.js")
        case "mastodon": try reader(input, .mastodon, name: "outbox.json")
        case "meta": try reader(input, .facebook, name: "your_posts_1.json"); try reader(input, .threads, name: "threads_and_replies.json")
        case "reddit": try reader(input, .reddit, name: "posts.csv")
        case "lint": try lint(input)
        case "bluesky": try reader(input, .bluesky, name: "repo.car")
        case "tiktok": try reader(input, .tiktok, name: "user_data_tiktok.json")
        case "youtube": try reader(input, .youtube, name: "my-comments.html"); try reader(input, .youtube, name: "comments.csv")
        case "pinterest": try reader(input, .pinterest, name: "pinterest.html")
        case "archive": try archive(input)
        default: throw Violation(description: "unknown fuzz target '\(name)'; known: \(names.joined(separator: ", "))")
        }
    }

    /// Lines as YAML counts them: CRLF, CR and LF each end one.
    static func yamlLines(_ text: String) -> Int {
        var count = 1, previousCR = false
        for byte in text.utf8 {
            if byte == 0x0A { if !previousCR { count += 1 } } else if byte == 0x0D { count += 1 }
            previousCR = byte == 0x0D
        }
        return count
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(Violation) {
        if !condition { throw Violation(description: message()) }
    }

    // MARK: - Targets

    static func ruleYAML(_ input: [UInt8]) throws(Violation) {
        let text = String(decoding: input, as: UTF8.self)
        do {
            let linter = try Linter(configuration: LinterConfiguration(includeBuiltinRules: false,
                                                                       extraRuleFiles: [RuleFile(path: "fuzz.yml", contents: text)]))
            for rule in linter.rules {
                for example in rule.examples.bad + rule.examples.good {
                    try findingsInside(linter.lint(Document(text: ExampleMarkers.parse(example.text).text)))
                }
            }
        } catch let error as PostLintError {
            if case .invalidRules(let diagnostics) = error {
                let lines = yamlLines(text)
                for diagnostic in diagnostics {
                    try check(diagnostic.line >= 0 && diagnostic.line <= lines + 1, "diagnostic line \(diagnostic.line) past the file's \(lines) lines")
                }
            }
        } catch let violation as Violation {
            throw violation
        } catch {}
    }

    static func config(_ input: [UInt8]) throws(Violation) {
        guard let text = String(validating: input, as: UTF8.self) else { return }
        do throws(Diagnostic) {
            let configuration = try Configuration.parse(text, path: ".postlint.yml")
            _ = configuration.severity(of: "a/b", defaultSeverity: .warning, path: "x.md")
            _ = configuration.includes("posts/a.md")
        } catch {
            let lines = yamlLines(text)
            try check(error.line >= 0 && error.line <= lines + 1, "diagnostic line \(error.line) past the file's \(lines) lines")
        }
    }

    static func baseline(_ input: [UInt8]) {
        guard let baseline = try? JSONDecoder().decode(Baseline.self, from: Data(input)) else { return }
        var filter = BaselineFilter(baseline)
        _ = filter.apply(LintedDocument(document: Document(text: "x", path: "a.md"), findings: []))
    }

    static func suppressions(_ input: [UInt8]) throws(Violation) {
        let document = Document(text: String(decoding: input, as: UTF8.self), format: .markdown, path: "a.md")
        var previous = -1
        for directive in Suppressions.directives(in: document) {
            try check(directive.offset >= 0 && directive.offset + directive.length <= document.bytes.count, "directive outside the text")
            try check(directive.offset > previous, "directives out of order")
            try check(directive.line >= 1 && directive.endLine >= directive.line, "directive lines \(directive.line)…\(directive.endLine)")
            previous = directive.offset
        }
    }

    /// Every projected byte maps into the input, and later bytes never map before earlier ones.
    static func projection(_ projected: ProjectedText, of input: [UInt8], _ what: String) throws(Violation) {
        var previous = 0
        for offset in 0..<projected.bytes.count {
            let range = projected.sourceRange(for: offset..<(offset + 1))
            try check(range.lowerBound >= 0 && range.upperBound <= input.count, "\(what): byte \(offset) maps to \(range) outside \(input.count) bytes")
            try check(range.lowerBound >= previous, "\(what): byte \(offset) maps to \(range) before \(previous)")
            previous = range.lowerBound
        }
    }

    /// The field scanner, when sure, agrees with a full JSON decoding of the line.
    static func jsonFields(_ input: [UInt8]) throws(Violation) {
        let scanner = JSONFieldScanner(wanted: ["text", "id"])
        guard let fields = scanner.scan(input[...]) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: Data(input)) as? [String: Any] else {
            throw Violation(description: "the scanner read fields from a line that is not a JSON object")
        }
        for key in ["text", "id"] {
            guard case .text(let scanned)? = fields.text(at: key) else { continue }
            let decoded = object[key].map { ($0 as? String) ?? (($0 as? NSNumber).map { "\($0)" } ?? "?") }
            try check(decoded == scanned, "'\(key)': scanner '\(scanned)' vs JSON '\(decoded ?? "nil")'")
        }
    }

    /// A scratch file per process, in memory-backed /dev/shm where there is one.
    static func scratchFile(_ name: String, _ input: [UInt8]) -> String? {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        let folder = base + "/postlint-fuzz-\(getpid())"
        if !FileManager.default.fileExists(atPath: folder) { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let path = folder + "/" + name
        return FileManager.default.createFile(atPath: path, contents: Data(input)) ? path : nil
    }

    /// A reader over `input` as an archive entry read in memory (as ZIP and tar entries are),
    /// which is also how a file's reader sees it after its first chunk.
    static func reader(_ input: [UInt8], _ format: InputFormat, name: String) throws(Violation) {
        guard var reader = try? ReaderRegistry.open(path: name, format: format, fields: FieldSelection(), data: Data(input)) else { return }
        try drain(&reader, bytes: input.count)
    }

    /// Archives: every entry read stays inside the caps and the problems name the archive.
    static func archive(_ input: [UInt8]) throws(Violation) {
        let isZip = input.starts(with: [0x50, 0x4B])
        guard let path = scratchFile(isZip ? "export.zip" : "export.tar.gz", input) else { return }
        var problems: [Diagnostic] = []
        guard let inputs = try? ArchiveInputs.expand(path, problems: &problems) else { return }
        var total = 0
        for entry in inputs {
            total += entry.data?.count ?? 0
            try check(entry.displayPath.hasPrefix(path + "/"), "entry '\(entry.displayPath)' not named inside the archive")
            try check((entry.data?.count ?? 0) <= TarInputs.maxEntry, "an entry past the cap")
            guard var reader = try? ReaderRegistry.open(entry, fields: FieldSelection()) else { continue }
            try drain(&reader, bytes: entry.data?.count ?? 0)
        }
        try check(total <= TarInputs.maxTotal, "entries past the total cap")
        for problem in problems { try check(problem.file.hasPrefix(path), "a problem naming '\(problem.file)'") }
    }

    /// Reads every event: the reader advances, decoded records are not pending, texts are UTF-8.
    static func drain(_ reader: inout any PostReader, bytes: Int) throws(Violation) {
        var events = 0
        while var event = reader.next() {
            events += 1
            try check(events <= bytes + 2, "more events than bytes: the reader does not advance")
            if case .pending(let record) = event { event = record.decoded() }
            switch event {
            case .post(let post): try check(String(validating: Array(post.text.utf8), as: UTF8.self) != nil, "invalid text")
            case .skipped, .bad: break
            case .pending: throw Violation(description: "a decoded record is pending")
            }
        }
    }

    static let linter: Linter? = try? Linter()

    static func lint(_ input: [UInt8]) throws(Violation) {
        guard let linter else { return }
        for format in [InputFormat.text, .markdown, .html] {
            try findingsInside(linter.lint(Document(text: String(decoding: input, as: UTF8.self), format: format)))
        }
    }

    static func findingsInside(_ result: LintResult) throws(Violation) {
        for finding in result.findings {
            let location = finding.location
            try check(location.offset >= 0 && location.length >= 0, "negative range")
            try check(location.line >= 1 && location.column >= 1 && location.endLine >= location.line, "position \(location.line):\(location.column)")
        }
    }
}
