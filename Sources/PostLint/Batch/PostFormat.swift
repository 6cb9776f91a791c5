import Foundation

/// The multi-post formats postlint reads, detected from the file name and, for `.json`, the
/// content; `--input-format` overrides.
public enum PostFormat: String, Sendable, CaseIterable {
    case jsonl, json, csv, tsv
    case xArchive = "x-archive"
    case mastodon, facebook, instagram, threads, reddit

    /// A platform's own export file (as opposed to a generic JSON, JSON Lines or CSV file).
    public var isPlatformExport: Bool {
        switch self {
        case .jsonl, .json, .csv, .tsv: return false
        default: return true
        }
    }

    /// The format of `path`, or nil when it is not a multi-post input (text, Markdown).
    public static func detect(path: String) -> PostFormat? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let ext = (name as NSString).pathExtension
        switch ext {
        case "jsonl", "ndjson": return .jsonl
        case "tsv", "tab": return .tsv
        case "csv":
            return name == "posts.csv" || name == "comments.csv" ? .reddit : .csv
        case "js":
            return name.hasPrefix("tweet") || name.hasPrefix("note-tweet") ? .xArchive : nil
        case "json":
            if name == "outbox.json" { return .mastodon }
            if name.hasPrefix("your_posts") { return .facebook }
            if name.hasPrefix("posts_") && name.first == "p" { return .instagram }
            if name.hasPrefix("threads_and_replies") { return .threads }
            return .json
        default: return nil
        }
    }
}

/// Opens a multi-post file as a reader.
public enum PostFiles {
    /// A reader for an input; problems name its display path.
    public static func reader(_ input: PostInput, fields: FieldSelection) throws(PostLintError) -> any PostReader {
        try reader(path: input.path, format: input.format, fields: fields, shownAs: input.displayPath)
    }

    /// A reader for `path`; throws (as an input problem naming the file) when it cannot be read.
    public static func reader(path: String, format: PostFormat, fields: FieldSelection, shownAs shown: String? = nil) throws(PostLintError) -> any PostReader {
        let name = shown ?? path
        switch format {
        case .jsonl, .csv, .tsv, .reddit:
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw .unreadableInput(Diagnostic(file: name, message: "cannot read file"))
            }
            switch format {
            case .jsonl: return JSONLinesReader(path: name, handle: handle, fields: fields)
            case .tsv: return CSVReader(path: name, handle: handle, fields: fields, delimiter: 0x09)
            case .reddit: return RedditReader(path: name, handle: handle)
            default: return CSVReader(path: name, handle: handle, fields: fields)
            }
        default:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadableInput(Diagnostic(file: name, message: "cannot read file"))
            }
            return try ExportReader.reader(data: data, path: name, diskPath: path, format: format, fields: fields)
        }
    }
}
