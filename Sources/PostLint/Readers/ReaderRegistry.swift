import Foundation

/// Every input format, listed once, in the order file names are tried (Reddit's `posts.csv`
/// before generic CSV, named JSON exports before generic JSON). `--input-format` values and help
/// come from here. A new reader is one file in `Readers/` and one line below.
public enum ReaderRegistry {
    public static let all: [InputReader] = [
        .markdown, .plainText, .html,
        .jsonLines, .reddit, .csv, .tsv,
        .xArchive, .mastodon, .facebook, .instagram, .threads,
        .bluesky, .tiktok, .youtube, .pinterest, .jsonArray,
    ]

    /// The readers by `InputFormat.ordinal` (every case has one: a test checks `all` covers
    /// `InputFormat.allCases` and each ordinal).
    static let byOrdinal: [InputReader] = InputFormat.allCases.map { format in all.first { $0.format == format }! }

    /// `name (summary)` for help texts.
    public static var help: String { all.map { "\($0.format.rawValue) (\($0.summary))" }.joined(separator: ", ") }

    /// A reader over a multi-post input; throws (as an input problem naming the file) when it
    /// cannot be read.
    public static func open(_ input: PostInput, fields: FieldSelection) throws(PostLintError) -> any PostReader {
        try open(path: input.path, format: input.format, fields: fields, shownAs: input.displayPath, data: input.data,
                 siblings: input.siblings)
    }

    /// `data`: the file's bytes when it is an archive entry read in memory.
    public static func open(path: String, format: InputFormat, fields: FieldSelection, shownAs shown: String? = nil,
                            data: Data? = nil, siblings: [String: Data] = [:]) throws(PostLintError) -> any PostReader {
        guard let open = format.reader.open else {
            throw .unreadableInput(Diagnostic(file: shown ?? path, message: "'\(format.rawValue)' is not a multi-post format"))
        }
        return try open(PostSource(path: path, shownAs: shown ?? path, fields: fields, data: data, siblings: siblings))
    }
}
