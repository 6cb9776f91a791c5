import ArgumentParser
import Foundation
import PostLint

/// One `--format NAME[:PATH]`: a reporter of `ReporterRegistry`, and the file it writes
/// (standard output without one).
struct OutputTarget: ExpressibleByArgument {
    let entry: ReporterEntry
    let path: String?

    var name: String { entry.name }

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, let entry = ReporterRegistry.entry(named: name) else { return nil }
        self.entry = entry
        self.path = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    }

    static var allValueStrings: [String] { ReporterRegistry.names }

    /// The sink writing this target; a file that cannot be created stops the run (exit 2).
    func makeSink(color: Bool, redact: Bool, toStandardError: Bool = false) throws -> any LintSink {
        let output: ReportOutput
        if toStandardError {
            output = .standardError()
        } else if let path {
            do throws(PostLintError) { output = try ReportOutput.file(path) } catch {
                Terminal.error("postlint: cannot write '\(path)'")
                throw ExitStatus.usageOrInputError
            }
        } else {
            output = .standardOutput()
        }
        return entry.makeSink(ReporterSettings(color: color && path == nil, redact: redact), output: output)
    }
}
