import ArgumentParser
import Foundation
import PostLint

/// Where settings come from, and the baseline: shared by `check` and `audit`.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use this configuration file instead of looking for .postlint.yml.", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .postlint.yml files.")
    var noConfig = false

    @Option(help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    var baseline: String?

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("give either --config or --no-config") }
    }

    func apply(to options: inout RunOptions) {
        if noConfig {
            options.configuration = .none
        } else if let config {
            options.configuration = .file(config)
        } else {
            options.configuration = .discover(from: FileManager.default.currentDirectoryPath)
        }
        options.baselinePath = baseline
    }
}
extension Threshold: ExpressibleByArgument {}
