import ArgumentParser
import PostLint

/// One `--format NAME[:PATH]`: a reporter, and the file it writes (standard output without one).
struct OutputTarget: ExpressibleByArgument {
    static let names = ["text", "json", "sarif", "github", "junit", "checkstyle", "codeclimate", "rdjsonl"]

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
        case "json": return JSONReporter()
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
