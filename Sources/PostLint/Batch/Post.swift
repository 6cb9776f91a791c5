/// One post read from a multi-post input: its text, what it is, and where it came from.
public struct Post: Sendable {
    public var id: String
    public var timestamp: String?
    public var text: String
    /// How the text is read: `.text`, or `.html` (Mastodon), turned into text with positions
    /// mapped back into `text`.
    public var format: InputFormat
    /// A content warning or subject kept with the post (Mastodon `summary`).
    public var contentWarning: String?
    /// The language the platform recorded for the post (X `lang`, Mastodon `language`), if any.
    public var language: String?
    public var reference: PostReference

    public init(id: String, timestamp: String?, text: String, format: InputFormat = .text, contentWarning: String? = nil,
                reference: PostReference) {
        self.id = id
        self.timestamp = timestamp
        self.text = text
        self.format = format
        self.contentWarning = contentWarning
        self.reference = reference
    }
}

extension Post {
    /// The post as a document to lint, reported under `path` (the file it came from).
    public func document(path: String) -> Document { Document(text: text, format: format, path: path, contentWarning: contentWarning) }
}

/// What a reader yields: a post, an entry that holds no text by nature (a boost, a photo
/// share, a check-in: counted, not an error), or a malformed record (reported, skipped).
public enum ReaderEvent: Sendable {
    case post(Post)
    case skipped(reason: String)
    case bad(Diagnostic)
    /// A record read but not yet decoded: `BatchLinter` decodes it on a worker thread, so
    /// decoding runs in parallel while the reader only splits the input.
    case pending(PendingRecord)
}

/// The bytes of one record and how to decode them into a post, a skip or a bad record.
public struct PendingRecord: Sendable {
    let bytes: [UInt8]
    let number: Int
    let decoder: @Sendable ([UInt8], Int) -> ReaderEvent

    /// The event this record stands for (never `.pending`).
    public func decoded() -> ReaderEvent { decoder(bytes, number) }
}

/// A source of posts, read one event at a time so memory stays bounded by the largest post.
public protocol PostReader {
    /// The next event, or nil at the end of the input.
    mutating func next() -> ReaderEvent?
    /// Whether `next()` would wait for input that has not arrived (a paused pipe): the
    /// batch so far is then linted and written first. False by default.
    mutating func wouldWait() -> Bool
}

extension PostReader {
    public mutating func wouldWait() -> Bool { false }
}

/// Fields and columns to take posts from, for JSON and CSV inputs.
public struct FieldSelection: Sendable {
    /// Dotted paths (`data.body`) or column names; nil: the first of the usual names found.
    public var text: String?
    public var id: String?
    public var timestamp: String?
    /// Fields copied from each record into its findings (`--keep-field`), under
    /// `location.post.fields`; top-level names or dotted paths (JSON inputs).
    public var keep: [String]

    public init(text: String? = nil, id: String? = nil, timestamp: String? = nil, keep: [String] = []) {
        self.text = text
        self.id = id
        self.timestamp = timestamp
        self.keep = keep
    }

    static let textNames = ["text", "body", "content", "full_text", "post", "message", "caption"]
    static let idNames = ["id", "id_str", "post_id", "uuid"]
    static let timestampNames = ["created_at", "timestamp", "date", "published", "createdAt", "time"]
}
