import Foundation

/// TikTok "Download your data" in JSON: `user_data_tiktok.json` (older `user_data.json`) or the
/// per-section files. Video descriptions are `Post.Posts.VideoList[].Title` (older exports:
/// `Video.Videos.VideoList`), comments `Comment.Comments.CommentsList[].comment` (older:
/// capitalised `Comment`/`Date`, or `Comment.CommentsList`), each with its date. A section file
/// holds the same objects from `Posts`/`Videos`/`VideoList` or `Comments`/`CommentsList` down.
/// Layout: the iLEAPP TikTok "Download Your Data" artifact and the parsers cited in
/// Fixtures/exports/tiktok/README.md.
enum TikTokExport {
    static func events(_ data: Data, path: String) throws(PostLintError) -> [ReaderEvent] {
        let root = try ExportJSON.parse(data, path: path)
        guard root is [String: Any] else {
            throw .unreadableInput(Diagnostic(file: path, message: "expected the TikTok export's object of sections; not read"))
        }
        let videoPaths: [[[String]]] = [[["Post", "Video"], ["Posts", "Videos"], ["VideoList"]], [["Posts", "Videos"], ["VideoList"]], [["VideoList"]]]
        let commentPaths: [[[String]]] = [[["Comment"], ["Comments"], ["CommentsList"]], [["Comment"], ["CommentsList"]],
                                          [["Comments"], ["CommentsList"]], [["CommentsList"]]]
        var events: [ReaderEvent] = []
        var found = false
        for (kind, paths) in [("VideoList", videoPaths), ("CommentsList", commentPaths)] {
            guard let value = paths.lazy.compactMap({ ExportJSON.dig(root, $0) }).first else { continue }
            found = true
            // An empty section is written as null in some exports.
            if value is NSNull { continue }
            guard let items = value as? [Any] else {
                events.append(.bad(Diagnostic(file: path, message: "'\(kind)' is not a list; section not read")))
                continue
            }
            for (index, item) in items.enumerated() {
                events.append(entry(item, kind: kind, index: index, path: path))
            }
        }
        guard found else {
            throw .unreadableInput(Diagnostic(file: path, message: "no 'VideoList' (posts) or 'CommentsList' (comments) section; not read"))
        }
        return try ExportJSON.requirePosts(events, path: path, kind: "TikTok video descriptions or comments")
    }

    static func entry(_ item: Any, kind: String, index: Int, path: String) -> ReaderEvent {
        let record = "\(kind)[\(index)]"
        guard let object = item as? [String: Any] else {
            return .bad(Diagnostic(file: path, message: "\(record) is not an object; record skipped"))
        }
        func field(_ names: String...) -> String? { names.lazy.compactMap { JSONRecord.string(object[$0]) }.first }
        let isVideo = kind == "VideoList"
        let text = isVideo ? field("Title", "Description", "Desc") : field("comment", "Comment")
        guard let text else {
            if isVideo, field("Link", "VideoLink") != nil { return .skipped(reason: "videos without a description") }
            return .bad(Diagnostic(file: path, message: "\(record) has no \(isVideo ? "'Title'" : "'comment'"); record skipped"))
        }
        if text.isEmpty { return .skipped(reason: isVideo ? "videos without a description" : "comments without text (photos, stickers)") }
        let timestamp = field("Date", "date")
        let link = field("Link", "VideoLink", "url").flatMap { $0.isEmpty || $0 == "N/A" ? nil : $0 }
        let id = link ?? record
        return .post(Post(id: id, timestamp: timestamp, text: text, reference: PostReference(id: id, timestamp: timestamp, record: record)))
    }

    /// A JSON file whose first bytes name a TikTok section.
    static func sniff(_ ext: String, _ head: [UInt8]) -> Bool {
        guard ext == "json" else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text.contains("\"VideoList\"") || text.contains("\"CommentsList\"")
    }
}

extension InputReader {
    static let tiktok = InputReader.posts(.tiktok, "TikTok user_data_tiktok.json (video descriptions, comments)", platformExport: true,
                                          detects: { name, _ in name == "user_data_tiktok.json" || name == "user_data.json" },
                                          sniffs: TikTokExport.sniff) { source throws(PostLintError) in
        EventListReader(events: try TikTokExport.events(try source.contents(), path: source.shownAs))
    }
}
