import Foundation

/// The lines changed since a git revision (`git diff --unified=0 REF`), for `--diff-base`:
/// pull-request review sees only findings on lines it changed.
public struct ChangedLines: Sendable {
    /// Changed (added or modified) line numbers per path relative to the repository root.
    public var lines: [String: Set<Int>]
    public var repositoryRoot: String

    /// Runs git in `directory`; throws with git's message when it fails.
    public static func since(_ revision: String, in directory: String = ".") throws(PostLintError) -> ChangedLines {
        // A revision is never an option: `--diff-base=--output=FILE` must not reach git as one.
        guard !revision.hasPrefix("-"), !revision.isEmpty else {
            throw .invalidConfiguration("--diff-base: '\(revision)' is not a git revision")
        }
        let root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let commit: String
        do {
            commit = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], in: root)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw .invalidConfiguration("--diff-base: '\(revision)' is not a known git revision (commit, branch or tag) in \(root)")
        }
        let diff = try git(["diff", "--unified=0", "--no-color", "--no-ext-diff", commit, "--"], in: root)
        return ChangedLines(lines: parse(diff), repositoryRoot: root)
    }

    /// Parses `git diff --unified=0` output.
    static func parse(_ diff: String) -> [String: Set<Int>] {
        var result: [String: Set<Int>] = [:]
        var current: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                let name = line.dropFirst(4)
                current = name == "/dev/null" ? nil : String(name.hasPrefix("b/") ? name.dropFirst(2) : name)
            } else if line.hasPrefix("@@"), let path = current {
                // @@ -a,b +c,d @@
                guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
                let parts = plus.dropFirst().split(separator: ",")
                let start = Int(parts[0]) ?? 0
                let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                if count > 0 { result[path, default: []].formUnion(start..<(start + count)) }
            }
        }
        return result
    }

    /// Whether any line of the finding was changed. Findings in posts of a multi-post file
    /// have lines inside the post, not the file, so they are kept.
    public func contains(_ finding: Finding) -> Bool {
        guard let path = finding.location.path, finding.location.post == nil else { return true }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard absolute.hasPrefix(repositoryRoot + "/") else { return false }
        let relative = String(absolute.dropFirst(repositoryRoot.count + 1))
        guard let changed = lines[relative] else { return false }
        return (finding.location.line...finding.location.endLine).contains { changed.contains($0) }
    }

    static func git(_ arguments: [String], in directory: String) throws(PostLintError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw .invalidConfiguration("cannot run git: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .invalidConfiguration("git \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
