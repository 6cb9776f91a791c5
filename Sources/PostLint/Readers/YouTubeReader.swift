import Foundation

/// YouTube comments from Google Takeout ("YouTube and YouTube Music").
///
/// - Current Takeouts: `comments/comments.csv` (split as `comments(1).csv`…, names localised),
///   columns matched by name, whatever their case and order: `Comment ID`, `Channel ID`,
///   `Comment Create Timestamp`, `Price`, `Parent Comment ID`, `Post ID` (set for comments on a
///   community post), `Video ID`, `Comment Text`. The text is JSON segments:
///   `{"takeoutSegments":[{"text":…}]}` before mid-2024, `{"text":…},{"text":…}` after; plain
///   text in the oldest. Detected from the header, so Reddit's `comments.csv` stays Reddit's.
/// - Older Takeouts: `my-comments/my-comments.html`, one `<li>` per comment: "You added a
///   comment on …", `<br>`, the date, `<br>`, the text.
///
/// Layouts: `seanbreckenridge/google_takeout_parser` tests and the parsers cited in
/// Fixtures/exports/youtube/README.md.
struct YouTubeCommentsReader: PostReader {
    var csv: CSVReader
    var posts = 0
    var ended = false

    /// The header's column names (first line), for choosing the text, id and date columns.
    static func columns(_ lines: inout LineChunker) -> [String] {
        guard let (_, line) = lines.next() else { return [] }
        return String(decoding: line, as: UTF8.self).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    init(source: PostSource) throws(PostLintError) {
        var probe = try source.lines()
        let names = Self.columns(&probe)
        func named(_ wanted: String) -> String? { names.first { $0.lowercased() == wanted } }
        csv = CSVReader(path: source.shownAs, lines: try source.lines(),
                        fields: FieldSelection(text: named("comment text") ?? "Comment Text", id: named("comment id"),
                                               timestamp: named("comment create timestamp")))
        csv.keepColumns = [named("post id"), named("video id")].compactMap { $0 }
    }

    mutating func next() -> ReaderEvent? {
        guard let event = csv.next() else {
            // A file of comments that yields none is a problem, not a clean result.
            if posts == 0 && !ended { ended = true; return .bad(Diagnostic(file: csv.path, message: "no YouTube comments found in this file")) }
            return nil
        }
        guard case .post(var post) = event else { return event }
        guard let text = Self.segmentsText(post.text) else {
            return .bad(Diagnostic(file: csv.path, line: post.reference.line ?? 0, column: 1,
                                   message: "row \(post.reference.row ?? 0): 'Comment Text' is not valid JSON segments; record skipped"))
        }
        posts += 1
        if text.isEmpty { return .skipped(reason: "comments without text") }
        post.text = text
        return .post(post)
    }

    /// The text of Takeout's JSON segments (both layouts); the text itself when it is not JSON;
    /// nil when it starts like JSON segments but does not decode.
    static func segmentsText(_ raw: String) -> String? {
        guard raw.hasPrefix("{\"") else { return raw }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(("[" + raw + "]").utf8)) as? [Any] else { return nil }
        var segments = parsed
        if parsed.count == 1, let wrapped = (parsed.first as? [String: Any])?["takeoutSegments"] as? [Any] { segments = wrapped }
        var text = ""
        for segment in segments {
            guard let object = segment as? [String: Any] else { return nil }
            text += object["text"] as? String ?? ""
        }
        return text
    }

    /// A CSV whose header has YouTube's comment columns.
    static func sniff(_ ext: String, _ head: [UInt8]) -> Bool {
        guard ext == "csv" else { return false }
        let first = String(decoding: head.prefix { $0 != 0x0A }, as: UTF8.self).lowercased()
        return first.contains("comment id") && first.contains("comment text")
    }
}

/// The older `my-comments.html`.
enum YouTubeCommentsHTML {
    static func events(_ data: Data, path: String) throws(PostLintError) -> [ReaderEvent] {
        guard let html = String(data: data, encoding: .utf8) else {
            throw .unreadableInput(Diagnostic(file: path, message: "not UTF-8; not read"))
        }
        var events: [ReaderEvent] = []
        let items = html.components(separatedBy: "<li>").dropFirst()
        for (index, item) in items.enumerated() {
            let body = item.components(separatedBy: "</li>").first ?? item
            let parts = HTMLText.splitLines(body)
            let record = "li[\(index)]"
            guard parts.count >= 3 else {
                events.append(.bad(Diagnostic(file: path, message: "\(record): expected the comment's description, date and text; record skipped")))
                continue
            }
            let text = parts[2...].map(HTMLText.plain).joined(separator: "\n")
            if text.isEmpty { events.append(.skipped(reason: "comments without text")); continue }
            // The comment's own link carries its id as `lc=`.
            let links = HTMLText.hrefs(parts[0])
            let id = links.lazy.compactMap { link in link.components(separatedBy: "lc=").dropFirst().first?.components(separatedBy: "&").first }.first
                ?? links.first ?? record
            let timestamp = HTMLText.plain(parts[1])
            events.append(.post(Post(id: id, timestamp: timestamp, text: text, reference: PostReference(id: id, timestamp: timestamp, record: record))))
        }
        return try ExportJSON.requirePosts(events, path: path, kind: "YouTube comments (<li> entries)")
    }

    static func sniff(_ ext: String, _ head: [UInt8]) -> Bool {
        guard ext == "html" || ext == "htm" else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text.contains("<li>") && text.contains("youtube.com/watch?v=") && text.contains("lc=")
    }
}

extension InputReader {
    static let youtube = InputReader.posts(.youtube, "YouTube Takeout comments (comments.csv, my-comments.html)", platformExport: true,
                                           detects: { name, _ in name == "my-comments.html" },
                                           sniffs: { ext, head in YouTubeCommentsReader.sniff(ext, head) || YouTubeCommentsHTML.sniff(ext, head) }) {
        source throws(PostLintError) in
        if source.shownAs.lowercased().hasSuffix(".csv") { return try YouTubeCommentsReader(source: source) }
        return EventListReader(events: try YouTubeCommentsHTML.events(try source.contents(), path: source.shownAs))
    }
}
