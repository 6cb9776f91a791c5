import Foundation
import ZIPFoundation

/// A multi-post file to read: where it is on disk, how to name it in findings, its format.
public struct PostInput: Sendable {
    public var path: String
    public var displayPath: String
    public var format: InputFormat
    /// The temporary folder an archive entry was extracted to; remove it when done.
    public var temporaryFolder: String?
    /// The entry's bytes, for an entry of a tar archive read in memory (`path` is then the
    /// entry's path inside the archive, never opened).
    public var data: Data?

    public init(path: String, displayPath: String, format: InputFormat, temporaryFolder: String? = nil, data: Data? = nil) {
        self.path = path
        self.displayPath = displayPath
        self.format = format
        self.temporaryFolder = temporaryFolder
        self.data = data
    }

    /// Removes the temporary folders of extracted archive entries.
    public static func cleanUp(_ inputs: [PostInput]) {
        for folder in Set(inputs.compactMap(\.temporaryFolder)) { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// Opens export archives (`.zip`: X, Mastodon, Meta and Reddit exports): the entries postlint
/// can read are extracted to a temporary folder, keeping their relative paths (so an X
/// archive's `note-tweet.js` still sits beside `tweets.js`), and named `archive.zip/entry`.
public enum ArchiveInputs {
    public static func isArchive(_ path: String) -> Bool { path.lowercased().hasSuffix(".zip") || TarInputs.isTar(path) }

    /// The readable entries of a ZIP archive, extracted (of a tar archive, read in memory);
    /// throws naming the archive when it cannot be opened.
    public static func expand(_ path: String) throws(PostLintError) -> [PostInput] {
        if TarInputs.isTar(path) { return try TarInputs.expand(path) }
        let url = URL(fileURLWithPath: path)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .unreadableInput(Diagnostic(file: path, message: "not a readable ZIP archive; not read"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-\(UUID().uuidString)")
        var inputs: [PostInput] = []
        let entries = archive.filter { $0.type == .file }.sorted { $0.path < $1.path }
        let names = Set(entries.map { ($0.path as NSString).lastPathComponent })
        for entry in entries {
            let name = (entry.path as NSString).lastPathComponent
            // Only the platforms' own post files: an export's other JSON and CSV files (profile,
            // likes, private messages) are not posts to audit.
            // A name a platform reader knows, or a file whose content may say (YouTube's CSV).
            let byName = InputFormat.detect(path: entry.path).map { $0.reader.isPlatformExport } ?? false
            let ext = (name.lowercased() as NSString).pathExtension
            guard byName || InputFormat.sniffedExtensions.contains(ext), !name.hasPrefix("."),
                  !entry.path.split(separator: "/").contains("..") else { continue }
            let target = folder.appendingPathComponent(entry.path)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                _ = try archive.extract(entry, to: target)
            } catch {
                throw .unreadableInput(Diagnostic(file: "\(path)/\(entry.path)", message: "cannot extract: \(error.localizedDescription)"))
            }
            guard let format = InputFormat.detectFile(path: target.path), format.reader.isPlatformExport else {
                try? FileManager.default.removeItem(at: target)
                continue
            }
            // note-tweet.js completes tweets.js; it is read on its own only without one.
            if name == "note-tweet.js" && names.contains(where: { $0.hasPrefix("tweet") && $0.hasSuffix(".js") }) { continue }
            inputs.append(PostInput(path: target.path, displayPath: "\(path)/\(entry.path)", format: format, temporaryFolder: folder.path))
        }
        if inputs.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            throw .unreadableInput(Diagnostic(file: path, message: "no export files postlint can read in this archive"))
        }
        return inputs
    }
}
