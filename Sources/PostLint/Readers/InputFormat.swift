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

    /// The document format for a text file: Markdown by extension, everything else plain text.
    public static func forPath(_ path: String) -> InputFormat {
        let format = detect(path: path)
        return format?.yieldsPosts == false ? format! : .text
    }
}
