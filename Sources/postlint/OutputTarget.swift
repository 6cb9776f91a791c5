import ArgumentParser
import Foundation
import PostLint

/// One `--format NAME[:PATH]`: a reporter, and the file it writes (standard output without one).
struct OutputTarget: ExpressibleByArgument {
    static let names = ["text", "json", "jsonl", "sarif", "github", "junit", "checkstyle", "codeclimate", "rdjsonl"]

    let name: String
    let path: String?

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, Self.names.contains(name) else { return nil }
        self.name = name
        self.path = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    }

    static var allValueStrings: [String] { names }

    func reporter(color: Bool) -> any Reporter {
        switch name {
        case "json", "jsonl": return JSONReporter()
        case "sarif": return SARIFReporter()
        case "github": return GitHubReporter()
        case "junit": return JUnitReporter()
        case "checkstyle": return CheckstyleReporter()
        case "codeclimate": return CodeClimateReporter()
        case "rdjsonl": return RDJSONLReporter()
        default: return TextReporter(color: color && path == nil)
        }
    }
}

/// Outputs written while posts are linted (`--format jsonl`), one finding per line.
struct StreamingOutputs {
    var handles: [FileHandle] = []
    let writer: JSONLinesWriter
    /// Whether any other output needs the findings kept until the end.
    let needsCollectedFindings: Bool

    init(formats: [OutputTarget], redact: Bool) throws {
        writer = JSONLinesWriter(redact: redact)
        needsCollectedFindings = formats.isEmpty || formats.contains { $0.name != "jsonl" }
        for target in formats where target.name == "jsonl" {
            if let path = target.path {
                guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                    Terminal.error("postlint: cannot write '\(path)'")
                    throw ExitStatus.usageOrInputError
                }
                handles.append(handle)
            } else {
                handles.append(FileHandle.standardOutput)
            }
        }
    }

    func write(_ findings: [Finding]) {
        guard !handles.isEmpty, !findings.isEmpty else { return }
        let text = findings.map(writer.line(for:)).joined()
        for handle in handles { handle.write(Data(text.utf8)) }
    }

    /// The closing summary line.
    func finish(_ summary: BatchSummary?) {
        guard !handles.isEmpty else { return }
        let text = writer.summaryLine(summary ?? BatchSummary())
        for handle in handles {
            handle.write(Data(text.utf8))
            if handle !== FileHandle.standardOutput { try? handle.close() }
        }
    }
}
