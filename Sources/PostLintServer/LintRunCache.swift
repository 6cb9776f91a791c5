import Foundation
import PostLint

/// The compiled runs the server lints with: one `LintRun` per distinct (configuration text,
/// region), built on first use and reused, at most `capacity` of them (the oldest is dropped).
/// A configuration comes from a request as YAML text and is parsed by the library's
/// `Configuration`; it may not name `rule-folders`, since a request must not make the server
/// read files.
final class LintRunCache: @unchecked Sendable {
    // SAFETY: `runs` and `order` are only touched under `lock`; a `LintRun` is immutable after
    // `init` (every stored property is a `let` of a Sendable value), and `lint(text:)` builds
    // its stages and scratch per call, so one run serves concurrent requests.
    private let lock = NSLock()
    private var runs: [Key: SharedRun] = [:]
    private var order: [Key] = []
    private let capacity: Int
    private let base: RunOptions

    struct Key: Hashable {
        var configuration: String
        var region: String
    }

    init(base: RunOptions, capacity: Int) {
        self.base = base
        self.capacity = max(1, capacity)
    }

    /// The run for `configuration` (YAML text of a `.postlint.yml`, nil for none) and
    /// `region` (nil: the configuration's, else every region).
    func run(configuration: String?, region: String?) throws(ServerError) -> SharedRun {
        let key = Key(configuration: configuration ?? "", region: region ?? "")
        lock.lock()
        if let run = runs[key] { lock.unlock(); return run }
        lock.unlock()
        // Built outside the lock (compiling the rules takes a while); two requests racing for
        // the same new key build it twice and keep one.
        let run = SharedRun(run: try build(configuration: configuration, region: region))
        lock.lock()
        defer { lock.unlock() }
        if let existing = runs[key] { return existing }
        runs[key] = run
        order.append(key)
        if order.count > capacity { runs[order.removeFirst()] = nil }
        return run
    }

    private func build(configuration text: String?, region: String?) throws(ServerError) -> LintRun {
        var options = base
        if let region {
            let code = region.uppercased()
            let known = RuleFile.builtinRegions.filter { $0 != "INTL" }
            guard known.contains(code) else {
                throw ServerError(.badRequest, "unknown region '\(region)'; known regions: \(known.joined(separator: ", "))")
            }
            options.region = code
        }
        if let text {
            let configuration: Configuration
            do throws(Diagnostic) {
                configuration = try Configuration.parse(text, path: Self.configurationName)
            } catch {
                throw ServerError(.badRequest, "config: \(error)")
            }
            guard configuration.ruleFolders.isEmpty else {
                let place = configuration.ruleFoldersPosition
                throw ServerError(.badRequest, "config: \(Self.configurationName):\(place.line):\(place.column): 'rule-folders' is not accepted by the server (a request cannot make it read files); start the server with --rules instead")
            }
            options.configuration = .loaded(configuration)
        } else {
            options.configuration = .none
        }
        do throws(RunSetupError) {
            return try LintRun(options: options)
        } catch {
            throw ServerError(.badRequest, error.lines.joined(separator: "\n"))
        }
    }

    /// The name a request's configuration goes by in messages.
    static let configurationName = ".postlint.yml"
}
