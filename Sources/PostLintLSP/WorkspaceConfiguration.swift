import Foundation
import PostLint

/// One `LintRun` per `.postlint.yml` in the workspace, found from each document's folder
/// (`RunOptions.configuration = .discover(from:)`, as `check` finds it from the working
/// folder), so per-glob overrides, region and rule folders apply as in the CLI.
///
/// A run is rebuilt when its file's modification time or size changes, when the file
/// appears or disappears on the way up, or when the client says a configuration changed
/// (`invalidate()`). A configuration that cannot be read is kept as its error until it changes.
final class WorkspaceConfiguration {
    /// What a document is linted with: a run, or why there is none.
    struct Resolved {
        var run: Result<LintRun, RunSetupError>
        /// The configuration file, nil when none was found.
        var file: String?
        /// True the first time this state was met (an error is then shown once, not per keystroke).
        var isNew: Bool
    }

    private struct Entry {
        var stamp: FileStamp?
        var run: Result<LintRun, RunSetupError>
    }

    private struct FileStamp: Equatable {
        var modified: Date?
        var size: Int?

        init?(_ path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            modified = attributes[.modificationDate] as? Date
            size = (attributes[.size] as? NSNumber)?.intValue
        }
    }

    private var entries: [String: Entry] = [:]
    /// Extra settings every run gets (none yet besides the defaults).
    private let baseOptions: RunOptions

    init(baseOptions: RunOptions = RunOptions()) {
        self.baseOptions = baseOptions
    }

    /// The run for a document in `folder`.
    func resolve(folder: String) -> Resolved {
        let file = Configuration.discover(from: folder)
        let key = file ?? ""
        let stamp = file.flatMap(FileStamp.init)
        if let entry = entries[key], entry.stamp == stamp {
            return Resolved(run: entry.run, file: file, isNew: false)
        }
        var options = baseOptions
        options.configuration = .discover(from: folder)
        let run: Result<LintRun, RunSetupError>
        do throws(RunSetupError) {
            run = .success(try LintRun(options: options))
        } catch {
            run = .failure(error)
        }
        entries[key] = Entry(stamp: stamp, run: run)
        return Resolved(run: run, file: file, isNew: true)
    }

    /// Forgets every run (a watched configuration or rule file changed).
    func invalidate() {
        entries.removeAll()
    }

    /// Whether `path` names a configuration file.
    static func isConfigurationFile(_ path: String) -> Bool {
        Configuration.fileNames.contains((path as NSString).lastPathComponent)
    }

    /// Whether a change to `path` may change what documents are linted with: a configuration
    /// file, or a YAML file below the folder of a configuration in use (where its
    /// `rule-folders` lie: they must be inside it). A rule file that broke a run is caught too,
    /// since the run's entry keeps its configuration's path even when it failed.
    func isAffected(by path: String) -> Bool {
        if Self.isConfigurationFile(path) { return true }
        guard ["yml", "yaml"].contains((path as NSString).pathExtension.lowercased()) else { return false }
        let changed = URL(fileURLWithPath: path).standardizedFileURL.path
        return entries.keys.contains { file in
            guard !file.isEmpty else { return false }
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
            return changed.hasPrefix(folder == "/" ? "/" : folder + "/")
        }
    }
}
