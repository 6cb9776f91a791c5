import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths given on the command line into the list of files to lint: files as given,
/// directories walked recursively for `.md`, `.markdown` and `.txt` (hidden entries skipped),
/// minus `--exclude` globs. Missing paths become problems, never a crash.
public struct InputCollector: Sendable {
    public static let lintedExtensions: Set<String> = ["md", "markdown", "txt"]
    public var excludes: [String]
    /// Which files a folder walk picks up (by default `.md`, `.markdown` and `.txt`).
    public var accepts: @Sendable (String) -> Bool

    public init(excludes: [String] = [], accepts: @escaping @Sendable (String) -> Bool = InputCollector.isLintedText) {
        self.excludes = excludes
        self.accepts = accepts
    }

    /// A text or Markdown file by its extension.
    public static func isLintedText(_ path: String) -> Bool {
        lintedExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// The files to lint, in a stable order, and the paths that could not be used.
    public func collect(_ paths: [String]) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = [], problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(file: path, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                files += walk(path)
            } else if !isExcluded(path) {
                files.append(path)
            }
        }
        return (files, problems)
    }

    private func walk(_ directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            // Walking "." reports paths as "posts/a.md", not "./posts/a.md".
            let path = base == "." ? relative : base + "/" + relative
            if name.hasPrefix(".") || isExcluded(path) {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                continue
            }
            if accepts(path),
               (walker.fileAttributes?[.type] as? FileAttributeType) != .typeDirectory {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Whether a glob matches the path, its path without a leading `./`, or its file name.
    /// `*` also crosses `/`, so `drafts/*` and `**/*.txt` both work.
    public func isExcluded(_ path: String) -> Bool {
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        let name = (path as NSString).lastPathComponent
        func matches(_ glob: String, _ candidate: String) -> Bool { fnmatch(glob, candidate, 0) == 0 }
        return excludes.contains { glob in
            let candidates = [path, trimmed, name]
            if candidates.contains(where: { matches(glob, $0) }) { return true }
            return glob.hasPrefix("**/") && candidates.contains(where: { matches(String(glob.dropFirst(3)), $0) })
        }
    }
}
