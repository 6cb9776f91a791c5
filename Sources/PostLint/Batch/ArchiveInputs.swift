import Foundation
import LibArchive

/// A multi-post file to read: where it is on disk, how to name it in findings, its format.
public struct PostInput: Sendable {
    public var path: String
    public var displayPath: String
    public var format: InputFormat
    /// The entry's bytes, for an entry of an archive read in memory (`path` is then the
    /// entry's path inside the archive, never opened).
    public var data: Data?
    /// Entries of the same archive folder a reader may consult, by file name (an X archive's
    /// `note-tweet.js` beside `tweets.js`).
    public var siblings: [String: Data]

    public init(path: String, displayPath: String, format: InputFormat, data: Data? = nil, siblings: [String: Data] = [:]) {
        self.path = path
        self.displayPath = displayPath
        self.format = format
        self.data = data
        self.siblings = siblings
    }

    /// Posts streamed from standard input (`-`).
    public var isStandardInput: Bool { path == "/dev/stdin" }
}

/// Opens export archives (`.zip`: X, Mastodon, Meta and Reddit exports; tar: `TarInputs`).
/// The entries postlint can read are read into memory, never unpacked to disk (people's posts
/// are never left in a temporary folder, whatever ends the run), each capped in size like the
/// tar entries so a compressed bomb is refused rather than inflated, and named
/// `archive.zip/entry`. An entry that cannot be read (a corrupt stream, a bad CRC, over the
/// cap) is reported on its own and the others are read.
public enum ArchiveInputs {
    public static func isArchive(_ path: String) -> Bool { path.lowercased().hasSuffix(".zip") || TarInputs.isTar(path) }

    /// Entry names a reader consults beside the entry it reads.
    static let siblingNames: Set<String> = ["note-tweet.js"]

    /// The readable entries of an archive, in memory; entries that cannot be read go to
    /// `problems`. Throws naming the archive when it cannot be opened or has nothing to read.
    ///
    /// ZIP files are read with libarchive (`ArchiveStream`, as tar files are), not
    /// ZIPFoundation: ZIPFoundation's inflate loop keeps asking for input after the end of the
    /// file when a deflate stream never ends (a corrupt or truncated entry), and spun forever
    /// on such an entry (found by the `archive` fuzz target; kept in
    /// `Tests/Fuzz/regressions/archive/`). libarchive ends such an entry with an error.
    public static func expand(_ path: String, problems: inout [Diagnostic]) throws(PostLintError) -> [PostInput] {
        if TarInputs.isTar(path) { return try TarInputs.expand(path) }
        let stream: ArchiveStream
        do { stream = try ArchiveStream(path: path, formats: .zip) } catch {
            throw .unreadableInput(Diagnostic(file: path, message: "not a readable ZIP archive (\(error.message)); not read"))
        }
        var read: [(path: String, bytes: Data)] = [], total = 0, unreadable = 0
        var seen = Set<String>()
        while true {
            let next: ArchiveStream.Entry?
            do { next = try stream.next() } catch {
                // The archive's structure is broken here: what was read stays, the rest is named.
                problems.append(Diagnostic(file: path, message: "broken after \(seen.count) entries (\(error.message)); the rest is not read"))
                unreadable += 1
                break
            }
            guard let entry = next else { break }
            let name = (entry.path as NSString).lastPathComponent
            // Only the platforms' own post files: an export's other JSON and CSV files (profile,
            // likes, private messages) are not posts to audit.
            // A name a platform reader knows, or a file whose content may say (YouTube's CSV).
            let byName = InputFormat.detect(path: entry.path).map { $0.reader.isPlatformExport } ?? false
            let ext = (name.lowercased() as NSString).pathExtension
            guard entry.isRegularFile, byName || InputFormat.sniffedExtensions.contains(ext), !name.hasPrefix(".") else { continue }
            let shown = "\(path)/\(entry.path)"
            guard seen.insert(entry.path).inserted else {
                problems.append(Diagnostic(file: shown, message: "a second entry with this name; the first was read, this one skipped"))
                continue
            }
            let limit = min(TarInputs.maxEntry, TarInputs.maxTotal - total)
            if let declared = entry.declaredSize, declared > limit {
                unreadable += 1
                problems.append(Diagnostic(file: shown, message: "cannot read this entry (\(declared) bytes uncompressed, over the \(limit >> 20) MiB cap); skipped, the archive's other entries are read"))
                continue
            }
            do {
                // The cap is checked as it inflates, so a bomb stops at the cap.
                let bytes = try stream.readData(limit: limit)
                total += bytes.count
                read.append((entry.path, Data(bytes)))
            } catch {
                unreadable += 1
                problems.append(Diagnostic(file: shown, message: "cannot read this entry (\(error.message)); skipped, the archive's other entries are read"))
            }
        }
        var inputs: [PostInput] = [], siblings: [String: [String: Data]] = [:]
        for (entryPath, bytes) in read.sorted(by: { $0.path < $1.path }) {
            let name = (entryPath as NSString).lastPathComponent
            let folder = (entryPath as NSString).deletingLastPathComponent
            if siblingNames.contains(name) { siblings[folder, default: [:]][name] = bytes }
            guard let format = InputFormat.detect(path: entryPath, head: Array(bytes.prefix(1 << 16))), format.reader.isPlatformExport else { continue }
            inputs.append(PostInput(path: entryPath, displayPath: "\(path)/\(entryPath)", format: format, data: bytes))
        }
        // note-tweet.js completes tweets.js; it is read on its own only without one.
        let all = inputs
        inputs.removeAll { input in
            let name = (input.path as NSString).lastPathComponent, folder = (input.path as NSString).deletingLastPathComponent
            return name == "note-tweet.js" && all.contains {
                let other = ($0.path as NSString).lastPathComponent
                return ($0.path as NSString).deletingLastPathComponent == folder && other.hasPrefix("tweet") && other.hasSuffix(".js")
            }
        }
        for index in inputs.indices {
            inputs[index].siblings = siblings[(inputs[index].path as NSString).deletingLastPathComponent] ?? [:]
        }
        if inputs.isEmpty && unreadable == 0 {
            throw .unreadableInput(Diagnostic(file: path, message: "no export files postlint can read in this archive"))
        }
        return inputs
    }
}
