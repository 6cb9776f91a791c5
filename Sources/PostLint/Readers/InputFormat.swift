import Foundation

/// Every input format postlint reads: texts linted whole (`text`, `markdown`, `html`) and
/// multi-post formats (generic JSON Lines, JSON, CSV/TSV, and platform exports). Names are the
/// `--input-format` values; what each one does is its `InputReader` in `ReaderRegistry`.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case text, markdown
    /// HTML fragments (Mastodon posts): tags left out, block ends as line breaks.
    case html
    case jsonl, json, csv, tsv
    case xArchive = "x-archive"
    case mastodon, facebook, instagram, threads, reddit
    case bluesky, tiktok, youtube, pinterest

    /// This format's reader.
    public var reader: InputReader { ReaderRegistry.byOrdinal[ordinal] }

    /// The case's position in `allCases`. NOTE: written out because a raw-value enum's
    /// `Hashable` hashes its string, and the reader is looked up for every post.
    var ordinal: Int {
        switch self {
        case .text: 0
        case .markdown: 1
        case .html: 2
        case .jsonl: 3
        case .json: 4
        case .csv: 5
        case .tsv: 6
        case .xArchive: 7
        case .mastodon: 8
        case .facebook: 9
        case .instagram: 10
        case .threads: 11
        case .reddit: 12
        case .bluesky: 13
        case .tiktok: 14
        case .youtube: 15
        case .pinterest: 16
        }
    }

    /// Whether inputs of this format hold many posts (else one document).
    public var yieldsPosts: Bool { reader.yields == .posts }

    /// The format a file's name says (the first reader in `ReaderRegistry.all` that
    /// recognises it), or nil when no reader does.
    public static func detect(path: String) -> InputFormat? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let ext = (name as NSString).pathExtension
        return ReaderRegistry.all.first { $0.detects(name, ext) }?.format
    }

    /// The format of a file from its name and its first bytes: a reader that recognises the
    /// content comes first (YouTube's `comments.csv` is not Reddit's), then the name decides.
    public static func detect(path: String, head: [UInt8]) -> InputFormat? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let ext = (name as NSString).pathExtension
        if let sniffed = ReaderRegistry.all.first(where: { $0.sniffs?(ext, head) == true }) { return sniffed.format }
        return detect(path: path)
    }

    /// Extensions whose files are worth a look at their first bytes.
    static let sniffedExtensions: Set<String> = ["json", "csv", "html", "htm", "car"]

    /// `detect(path:head:)` with the first 64 KB of the file on disk (for the extensions
    /// content can decide); the name alone otherwise or when the file cannot be read.
    public static func detectFile(path: String) -> InputFormat? {
        let ext = ((path as NSString).lastPathComponent.lowercased() as NSString).pathExtension
        guard sniffedExtensions.contains(ext), let handle = FileHandle(forReadingAtPath: path) else { return detect(path: path) }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        return detect(path: path, head: [UInt8](head))
    }

    /// The document format for a text file: Markdown by extension, everything else plain text.
    public static func forPath(_ path: String) -> InputFormat {
        let format = detect(path: path)
        return format?.yieldsPosts == false ? format! : .text
    }
}
