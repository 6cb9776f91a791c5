import Foundation

/// The text of one rule-pack file and the path it is reported under.
public struct RuleFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// The built-in packs, embedded from `Rules/` at build time (reported as `Rules/…`);
    /// decoded once per process.
    public static let builtin: [RuleFile] = EmbeddedRules.files.compactMap { file in
        guard let data = Data(base64Encoded: file.base64) else { return nil }
        return RuleFile(path: "Rules/" + file.path, contents: String(decoding: data, as: UTF8.self))
    }

    /// Every `.yml`/`.yaml` file under `directory`, sorted by path. Unreadable or non-UTF-8
    /// files are errors, never skipped.
    /// The regions the built-in shared lists declare (`region:`), sorted, for help texts and
    /// messages. NOTE: read from the files' top-level `region:` lines rather than by loading the
    /// rules, which would compile every pattern just to print `--help`.
    public static var builtinRegions: [String] {
        let codes = builtin.filter { $0.path.hasPrefix("Rules/lists/") }.flatMap { file in
            file.contents.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("region:") else { return nil }
                let value = line.dropFirst("region:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return value.isEmpty ? nil : value.uppercased()
            }
        }
        return Array(Set(codes)).sorted()
    }

    public static func files(in directory: URL) throws(PostLintError) -> [RuleFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw .invalidRules([Diagnostic(file: directory.path, message: "no such rule folder")])
        }
        let urls: [URL]
        if isDirectory.boolValue {
            let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            urls = (walker?.allObjects as? [URL] ?? []).filter { ["yml", "yaml"].contains($0.pathExtension) }
        } else {
            urls = [directory]
        }
        var files: [RuleFile] = []
        var problems: [Diagnostic] = []
        for url in urls.sorted(by: { $0.path < $1.path }) {
            let path = url.relativePath
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(Diagnostic(file: path, message: "cannot read rule file"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                problems.append(Diagnostic(file: path, message: "rule file is not valid UTF-8"))
                continue
            }
            files.append(RuleFile(path: path, contents: text))
        }
        if !problems.isEmpty { throw .invalidRules(problems) }
        return files
    }
}
