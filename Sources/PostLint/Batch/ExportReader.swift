import Foundation

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

/// Platform exports and JSON arrays. Each knows where its text, id and timestamp live, which
/// entries hold no text by nature (counted, not errors), and each export's quirks
/// (`../shared/reference/formats.md`): X archives' JavaScript prefix and string numbers,
/// Mastodon's duplicate `orderedItems` key and HTML content, Meta's Latin-1/UTF-8 mojibake.
enum ExportReader {
    /// `path` names the file in messages; `diskPath` is where it is (for files beside it).
    static func reader(data: Data, path: String, diskPath: String, format: PostFormat, fields: FieldSelection) throws(PostLintError) -> any PostReader {
        switch format {
        case .xArchive: return EventListReader(events: try XArchive.events(data, path: path, diskPath: diskPath))
        case .mastodon: return EventListReader(events: try Mastodon.events(data, path: path))
        case .facebook, .instagram, .threads: return EventListReader(events: try MetaExport.events(data, path: path, format: format))
        default: return EventListReader(events: try jsonArray(data, path: path, fields: fields))
        }
    }

    static func parse(_ data: Data, path: String) throws(PostLintError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .unreadableInput(Diagnostic(file: path, message: "not valid JSON (\(error.localizedDescription)); not read"))
        }
    }

    /// A JSON array of objects (or an object holding one under `items`, `posts` or `data`).
    static func jsonArray(_ data: Data, path: String, fields: FieldSelection) throws(PostLintError) -> [ReaderEvent] {
        let root = try parse(data, path: path)
        let items: [Any]
        if let array = root as? [Any] {
            items = array
        } else if let object = root as? [String: Any], let array = ["items", "posts", "data", "records"].lazy.compactMap({ object[$0] as? [Any] }).first {
            items = array
        } else {
            throw .unreadableInput(Diagnostic(file: path, message: "expected a JSON array of posts; not read"))
        }
        return items.enumerated().map { index, item in
            guard let record = item as? [String: Any] else {
                return .bad(Diagnostic(file: path, message: "item \(index) is not a JSON object; record skipped"))
            }
            return JSONRecord.post(from: record, fields: fields, path: path, fallbackID: "item-\(index)",
                                   reference: PostReference(id: "", record: "\((path as NSString).lastPathComponent)[\(index)]"),
                                   position: (0, 0))
        }
    }
}

/// X/Twitter archives: `window.YTD.tweets.part0 = [ { "tweet": { … } } ]` (also `tweet.js`,
/// `tweets-partN.js`); long posts' full text in `note-tweet.js`. Retweets are someone else's
/// text, truncated: counted, not linted.
enum XArchive {
    static func array(_ data: Data, path: String) throws(PostLintError) -> [Any] {
        // Parse from the first "[": never evaluate the JavaScript.
        guard let start = data.firstIndex(of: UInt8(ascii: "[")) else {
            throw .unreadableInput(Diagnostic(file: path, message: "no JSON array after the 'window.YTD…' prefix; not read"))
        }
        guard let items = try ExportReader.parse(data[start...], path: path) as? [Any] else {
            throw .unreadableInput(Diagnostic(file: path, message: "expected an array of tweets; not read"))
        }
        return items
    }

    static func events(_ data: Data, path: String, diskPath: String) throws(PostLintError) -> [ReaderEvent] {
        let items = try array(data, path: path)
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix("note-tweet") { return noteEvents(items, path: path) }
        // Long posts: the note-tweet file beside this one holds their full text.
        let notes = noteTexts(beside: diskPath)
        return items.enumerated().map { index, item in
            guard let tweet = (item as? [String: Any])?["tweet"] as? [String: Any] ?? item as? [String: Any] else {
                return .bad(Diagnostic(file: path, message: "item \(index) has no 'tweet' object; record skipped"))
            }
            guard var text = tweet["full_text"] as? String ?? tweet["text"] as? String else {
                return .bad(Diagnostic(file: path, message: "tweet \(index) has no 'full_text'; record skipped"))
            }
            if text.hasPrefix("RT @") { return .skipped(reason: "retweets (someone else's text)") }
            let id = JSONRecord.string(tweet["id_str"]) ?? JSONRecord.string(tweet["id"]) ?? "tweet-\(index)"
            let prefix = truncatedPrefix(text)
            if prefix.count >= 40, let full = notes.first(where: { $0.hasPrefix(prefix) }), full.count > text.count { text = full }
            let timestamp = tweet["created_at"] as? String
            return .post(Post(id: id, timestamp: timestamp, text: text,
                              reference: PostReference(id: id, timestamp: timestamp, record: "\(name)[\(index)]")))
        }
    }

    /// The start of a truncated tweet, without the ellipsis and trailing link.
    static func truncatedPrefix(_ text: String) -> String {
        var prefix = text
        if let link = prefix.range(of: " https://t.co/", options: .backwards) { prefix = String(prefix[..<link.lowerBound]) }
        while prefix.hasSuffix("…") || prefix.hasSuffix(" ") { prefix.removeLast() }
        return String(prefix.prefix(200))
    }

    static func noteTexts(beside path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let notePath = (folder as NSString).appendingPathComponent("note-tweet.js")
        guard let data = FileManager.default.contents(atPath: notePath), let items = try? array(data, path: notePath) else { return [] }
        return items.compactMap { (($0 as? [String: Any])?["noteTweet"] as? [String: Any]).flatMap { ($0["core"] as? [String: Any])?["text"] as? String } }
    }

    static func noteEvents(_ items: [Any], path: String) -> [ReaderEvent] {
        let name = (path as NSString).lastPathComponent
        return items.enumerated().map { index, item in
            guard let note = (item as? [String: Any])?["noteTweet"] as? [String: Any],
                  let text = (note["core"] as? [String: Any])?["text"] as? String else {
                return .bad(Diagnostic(file: path, message: "item \(index) has no 'noteTweet.core.text'; record skipped"))
            }
            let id = JSONRecord.string(note["noteTweetId"]) ?? "note-\(index)"
            let timestamp = note["createdAt"] as? String
            return .post(Post(id: id, timestamp: timestamp, text: text,
                              reference: PostReference(id: id, timestamp: timestamp, record: "\(name)[\(index)]")))
        }
    }
}

/// Mastodon `outbox.json`: Create/Note items; HTML content; the content warning (`summary`)
/// kept with the post; boosts (Announce) counted. Real exports repeat the `orderedItems` key
/// (first empty, then the items): Foundation's JSONSerialization keeps the last value, and the
/// reader checks that the count is plausible rather than silently returning nothing.
enum Mastodon {
    static func events(_ data: Data, path: String) throws(PostLintError) -> [ReaderEvent] {
        guard let root = try ExportReader.parse(data, path: path) as? [String: Any] else {
            throw .unreadableInput(Diagnostic(file: path, message: "expected an ActivityPub OrderedCollection; not read"))
        }
        let items = root["orderedItems"] as? [Any] ?? []
        if items.isEmpty, let total = root["totalItems"] as? Int, total > 0 {
            throw .unreadableInput(Diagnostic(file: path, message: "'orderedItems' is empty but 'totalItems' is \(total): the duplicate 'orderedItems' key was not resolved; not read"))
        }
        return items.enumerated().map { index, item in
            guard let activity = item as? [String: Any] else {
                return .bad(Diagnostic(file: path, message: "item \(index) is not an object; record skipped"))
            }
            switch activity["type"] as? String {
            case "Announce": return .skipped(reason: "boosts (Announce)")
            case "Create": break
            default: return .skipped(reason: "activities other than posts")
            }
            guard let note = activity["object"] as? [String: Any] else {
                return .bad(Diagnostic(file: path, message: "item \(index): Create without an object; record skipped"))
            }
            guard let content = note["content"] as? String, !content.isEmpty else {
                return .skipped(reason: "posts without text (media only)")
            }
            let id = note["id"] as? String ?? activity["id"] as? String ?? "item-\(index)"
            let timestamp = note["published"] as? String ?? activity["published"] as? String
            let warning = note["summary"] as? String
            var reference = PostReference(id: id, timestamp: timestamp, record: "orderedItems[\(index)]")
            reference.contentWarning = warning
            return .post(Post(id: id, timestamp: timestamp, text: content, markup: .html, contentWarning: warning, reference: reference))
        }
    }
}

/// Facebook `your_posts_1.json` / `your_posts__check_ins__photos_and_videos_1.json`, Instagram
/// `posts_1.json`, Threads `threads_and_replies.json`. Their text is UTF-8 bytes written as
/// Latin-1 escapes ("adiÃ³s"); `Mojibake.repair` restores it.
enum MetaExport {
    static func events(_ data: Data, path: String, format: PostFormat) throws(PostLintError) -> [ReaderEvent] {
        let root = try ExportReader.parse(data, path: path)
        let name = (path as NSString).lastPathComponent
        let items: [Any]
        if format == .threads {
            items = (root as? [String: Any])?["text_post_app_text_posts"] as? [Any] ?? []
        } else {
            items = root as? [Any] ?? []
        }
        if items.isEmpty && (root as? [Any]) == nil && format != .threads {
            throw .unreadableInput(Diagnostic(file: path, message: "expected an array of posts; not read"))
        }
        return items.enumerated().map { index, item in
            guard let entry = item as? [String: Any] else {
                return .bad(Diagnostic(file: path, message: "item \(index) is not an object; record skipped"))
            }
            let text: String?, timestamp: Any?
            switch format {
            case .facebook:
                text = (entry["data"] as? [[String: Any]])?.compactMap { $0["post"] as? String }.first
                timestamp = entry["timestamp"]
            default:  // Instagram and Threads: the caption is the top-level title, else the first media title
                let media = entry["media"] as? [[String: Any]] ?? []
                let top = entry["title"] as? String
                text = (top?.isEmpty == false ? top : nil) ?? media.compactMap { $0["title"] as? String }.first { !$0.isEmpty }
                timestamp = entry["creation_timestamp"] ?? media.first?["creation_timestamp"]
            }
            guard let raw = text, !raw.isEmpty else {
                return .skipped(reason: format == .facebook ? "entries without post text (shares, check-ins, photos)" : "posts without a caption")
            }
            let stamp = JSONRecord.string(timestamp)
            let id = "\(name)[\(index)]"
            return .post(Post(id: id, timestamp: stamp, text: Mojibake.repair(raw),
                              reference: PostReference(id: id, timestamp: stamp, record: id)))
        }
    }
}

/// Meta exports write each UTF-8 byte as one Latin-1 character. When every scalar is at most
/// U+00FF and the bytes they stand for are valid UTF-8, decoding them gives the real text.
public enum Mojibake {
    public static func repair(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0.value >= 0x80 }), scalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        return String(validating: scalars.map { UInt8($0.value) }, as: UTF8.self) ?? text
    }
}

/// Reddit's data export: `posts.csv` (title and body linted together) and `comments.csv`.
struct RedditReader: PostReader {
    var csv: CSVReader
    let isPosts: Bool

    init(path: String, handle: FileHandle) {
        isPosts = (path as NSString).lastPathComponent.lowercased() == "posts.csv"
        csv = CSVReader(path: path, handle: handle, fields: FieldSelection(text: "body", id: "id", timestamp: "date"))
        csv.keepColumns = isPosts ? ["title"] : []
    }

    mutating func next() -> ReaderEvent? {
        guard let event = csv.next() else { return nil }
        guard case .post(var post) = event else { return event }
        if isPosts, let title = csv.lastExtra["title"], !title.isEmpty {
            post.text = post.text.isEmpty ? title : title + "\n\n" + post.text
        }
        if post.text.isEmpty { return .skipped(reason: "link posts without text") }
        return .post(post)
    }
}
