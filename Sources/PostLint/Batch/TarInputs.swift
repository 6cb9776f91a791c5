import Foundation
import LibArchive

/// Tar archives (`.tar`, `.tar.gz`, `.tgz`): Mastodon's `archive-*.tar.gz` and Google Takeout's
/// `.tgz`. Read with libarchive, entry after entry, and the entries a platform reader detects
/// are kept in memory: nothing is unpacked to disk. Entries are capped in size (one entry and
/// the total) so a compressed bomb is refused rather than inflated.
/// ZIP files are read with the same `ArchiveStream` in `ArchiveInputs`, which also reports a
/// bad entry on its own and reads the others (a tar stream cannot be resumed past a bad entry).
enum TarInputs {
    static let maxEntry = 512 << 20
    static let maxTotal = 2 << 30

    static func isTar(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") || name.hasSuffix(".tar")
    }

    static func expand(_ path: String) throws(PostLintError) -> [PostInput] {
        let stream: ArchiveStream
        do { stream = try ArchiveStream(path: path) } catch {
            throw .unreadableInput(Diagnostic(file: path, message: "not a readable tar archive (\(error.message)); not read"))
        }
        var inputs: [PostInput] = [], total = 0
        while true {
            let entry: ArchiveStream.Entry?
            do { entry = try stream.next() } catch {
                if inputs.isEmpty { throw .unreadableInput(Diagnostic(file: path, message: "not a readable tar archive (\(error.message)); not read")) }
                throw .unreadableInput(Diagnostic(file: path, message: "broken after \(inputs.count) readable entries (\(error.message)); not read"))
            }
            guard let entry else { break }
            let name = (entry.path as NSString).lastPathComponent
            let byName = InputFormat.detect(path: entry.path).map { $0.reader.isPlatformExport } ?? false
            let ext = (name.lowercased() as NSString).pathExtension
            guard entry.isRegularFile, !name.hasPrefix("."), byName || InputFormat.sniffedExtensions.contains(ext) else { continue }
            let shown = "\(path)/\(entry.path)"
            let bytes: [UInt8]
            do { bytes = try stream.readData(limit: min(maxEntry, maxTotal - total)) } catch {
                throw .unreadableInput(Diagnostic(file: shown, message: "cannot read this entry (\(error.message)); archive not read"))
            }
            guard let format = InputFormat.detect(path: entry.path, head: Array(bytes.prefix(1 << 16))), format.reader.isPlatformExport else { continue }
            total += bytes.count
            inputs.append(PostInput(path: entry.path, displayPath: shown, format: format, data: Data(bytes)))
        }
        if inputs.isEmpty { throw .unreadableInput(Diagnostic(file: path, message: "no export files postlint can read in this archive")) }
        return inputs
    }
}
