import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths given on the command line into the list of files to lint: files as given,
/// directories walked recursively for `.md`, `.markdown` and `.txt` (hidden entries skipped),
/// minus `--exclude` globs. Missing paths and folders that cannot be read become problems,
/// never a crash. A walk takes regular files only (or links to them): a FIFO, socket or device
/// in a folder is skipped with a note, as ripgrep does, since opening one can block forever;
/// a path given by name is read whatever it is (`postlint check <(…)` reads a pipe).
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

    /// The files to lint, in a stable order, the paths that could not be used, and notes on
    /// what a walk left out (non-regular files).
    public func collect(_ paths: [String]) -> (files: [String], problems: [Diagnostic], notes: [String]) {
        var files: [String] = [], problems: [Diagnostic] = [], notes: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(file: path, message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                files += walk(path, problems: &problems, notes: &notes)
            } else if !isExcluded(path) {
                files.append(path)
            }
        }
        return (files, problems, notes)
    }

    private func walk(_ directory: String, problems: inout [Diagnostic], notes: inout [String]) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if let message = Self.unreadableFolder(base) {
            problems.append(Diagnostic(file: base, message: "cannot read this folder (\(message)); not linted"))
            return []
        }
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            // Walking "." reports paths as "posts/a.md", not "./posts/a.md".
            let path = base == "." ? relative : base + "/" + relative
            let isFolder = (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
            if name.hasPrefix(".") || isExcluded(path) {
                if isFolder { walker.skipDescendants() }
                continue
            }
            if isFolder {
                // The enumerator passes over a folder it cannot open without a word.
                if let message = Self.unreadableFolder(path) {
                    problems.append(Diagnostic(file: path, message: "cannot read this folder (\(message)); its files are not linted"))
                }
                continue
            }
            guard accepts(path) else { continue }
            if let kind = Self.nonRegularKind(path) {
                notes.append("skipped '\(path)': \(kind), not a regular file")
                continue
            }
            found.append(path)
        }
        return found.sorted()
    }

    /// Why a folder cannot be listed, or nil when it can.
    static func unreadableFolder(_ path: String) -> String? {
        guard let handle = opendir(path) else { return String(cString: strerror(errno)) }
        closedir(handle)
        return nil
    }

    /// What a path is when it is not a regular file (after following links), else nil.
    static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }  // a broken link: reading it names the error
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a folder"
        default: return "a special file"
        }
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
