import Foundation

/// One input format postlint reads: its name (`--input-format`), what it yields (one document
/// linted whole, or a stream of posts), how a file of it is recognised from its name, and how
/// to read it. Each reader file declares its entries; `ReaderRegistry.all` lists them once.
public struct InputReader: Sendable {
    public enum Yield: Sendable { case document, posts }

    public let format: InputFormat
    /// One line for help texts.
    public let summary: String
    public let yields: Yield
    /// A platform's own export (read from inside a ZIP archive); generic JSON/CSV files are not.
    public let isPlatformExport: Bool
    /// Whether a file with this lower-cased name and extension is in this format.
    let detects: @Sendable (_ name: String, _ ext: String) -> Bool
    /// Whether a file with this extension whose first bytes are these is in this format, for
    /// exports whose names are shared or localised (YouTube's `comments.csv` beside Reddit's).
    let sniffs: (@Sendable (_ ext: String, _ head: [UInt8]) -> Bool)?
    /// Documents: the bytes rules see, with the byte map back to the input.
    let project: (@Sendable ([UInt8]) -> ProjectedText)?
    /// Documents: whether the text is linted whole (then the prefilter's fast path applies).
    let lintsWholeText: Bool
    /// Documents: whether a line break ends a sentence (not in Markdown, where lines wrap).
    let lineBreakEndsSentence: Bool
    /// Posts: the reader over a file.
    let open: (@Sendable (PostSource) throws(PostLintError) -> any PostReader)?

    /// A format that yields one document.
    static func document(_ format: InputFormat, _ summary: String, lintsWholeText: Bool = false, lineBreakEndsSentence: Bool = true,
                         detects: @escaping @Sendable (String, String) -> Bool,
                         project: @escaping @Sendable ([UInt8]) -> ProjectedText) -> InputReader {
        InputReader(format: format, summary: summary, yields: .document, isPlatformExport: false, detects: detects, sniffs: nil, project: project,
                    lintsWholeText: lintsWholeText, lineBreakEndsSentence: lineBreakEndsSentence, open: nil)
    }

    /// A format that yields posts.
    static func posts(_ format: InputFormat, _ summary: String, platformExport: Bool = false,
                      detects: @escaping @Sendable (String, String) -> Bool,
                      sniffs: (@Sendable (String, [UInt8]) -> Bool)? = nil,
                      open: @escaping @Sendable (PostSource) throws(PostLintError) -> any PostReader) -> InputReader {
        InputReader(format: format, summary: summary, yields: .posts, isPlatformExport: platformExport, detects: detects, sniffs: sniffs, project: nil,
                    lintsWholeText: true, lineBreakEndsSentence: true, open: open)
    }
}

/// A multi-post file to open: where it is on disk, the name messages use, and the fields to read.
public struct PostSource: Sendable {
    public var path: String
    public var shownAs: String
    public var fields: FieldSelection
    /// The file's bytes when it was read from inside an archive (nothing on disk).
    public var data: Data?
    /// For an archive entry: the entries beside it that readers consult, by name.
    public var siblings: [String: Data] = [:]

    /// A file beside this one (`note-tweet.js` beside `tweets.js`): from the archive for an
    /// archive entry, else from disk; nil when there is none.
    func sibling(named name: String) -> (path: String, data: Data)? {
        let folder = (path as NSString).deletingLastPathComponent
        let siblingPath = (folder as NSString).appendingPathComponent(name)
        let shownPath = ((shownAs as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        if data != nil { return siblings[name].map { (shownPath, $0) } }
        return FileManager.default.contents(atPath: siblingPath).map { (shownPath, $0) }
    }

    /// The lines of the file, for streamed formats (from memory for an archive entry).
    func lines() throws(PostLintError) -> LineChunker {
        if let data { return LineChunker(bytes: [UInt8](data)) }
        return LineChunker(handle: try handle())
    }

    /// The file handle, for streamed formats.
    func handle() throws(PostLintError) -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableInput(Diagnostic(file: shownAs, message: "cannot read file"))
        }
        return handle
    }

    /// The whole file, for formats that are one JSON document.
    func contents() throws(PostLintError) -> Data {
        if let data { return data }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableInput(Diagnostic(file: shownAs, message: "cannot read file"))
        }
        return data
    }
}

/// A reader over events prepared up front (whole-file formats: JSON arrays and platform
/// exports, which are one person's archive and fit in memory).
struct EventListReader: PostReader {
    var events: [ReaderEvent]
    var index = 0

    mutating func next() -> ReaderEvent? {
        guard index < events.count else { return nil }
        defer { index += 1 }
        return events[index]
    }
}

/// JSON parsing shared by the whole-file readers.
enum ExportJSON {
    /// Parses `data`; a syntax error is reported at its line and column (Foundation only says
    /// "around character N" in its debug description, a byte offset, which is converted here).
    /// `data` may be a slice of `whole` (the file after a JavaScript prefix): positions are
    /// then given in the whole file.
    static func parse(_ data: Data, path: String, within whole: Data? = nil) throws(PostLintError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
            let bytes = [UInt8](whole ?? data)
            let shift = whole.map { data.startIndex - $0.startIndex } ?? 0
            if let found = characterOffset(in: detail), found + shift <= bytes.count {
                let offset = found + shift
                let position = LineIndex(bytes).position(of: offset, in: bytes)
                let reason = detail.components(separatedBy: " around ").first ?? detail
                throw .unreadableInput(Diagnostic(file: path, line: position.line, column: position.column,
                                                  message: "not valid JSON (\(reason.lowercased())); not read"))
            }
            throw .unreadableInput(Diagnostic(file: path, message: "not valid JSON (\(detail)); not read"))
        }
    }

    /// N in Foundation's "… around character N." (nil for other wordings).
    static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "around character ") else { return nil }
        return Int(detail[range.upperBound...].prefix { $0.isNumber })
    }

    /// What a JSON value is, for messages ("an object", "a string").
    static func kind(of value: Any) -> String {
        switch value {
        case is [String: Any]: return "an object"
        case is [Any]: return "an array"
        case is String: return "a string"
        case is NSNull: return "null"
        case is Bool where !(value is Int) : return "a boolean"
        case is NSNumber: return "a number"
        default: return "a \(type(of: value))"
        }
    }
}
