import Foundation

/// Facebook `your_posts_1.json` / `your_posts__check_ins__photos_and_videos_1.json`, Instagram
/// `posts_1.json`, Threads `threads_and_replies.json`. Their text is UTF-8 bytes written as
/// Latin-1 escapes ("adiÃ³s"); `Mojibake.repair` restores it.
enum MetaExport {
    static func events(_ data: Data, path: String, format: InputFormat) throws(PostLintError) -> [ReaderEvent] {
        let root = try ExportJSON.parse(data, path: path)
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
enum Mojibake {
    public static func repair(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0.value >= 0x80 }), scalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        return String(validating: scalars.map { UInt8($0.value) }, as: UTF8.self) ?? text
    }
}

extension InputReader {
    static func meta(_ format: InputFormat, _ summary: String, prefix: String) -> InputReader {
        InputReader.posts(format, summary, platformExport: true, detects: { name, ext in ext == "json" && name.hasPrefix(prefix) }) {
            source throws(PostLintError) in
            EventListReader(events: try MetaExport.events(try source.contents(), path: source.shownAs, format: format))
        }
    }
    static let facebook = meta(.facebook, "Facebook your_posts_N.json", prefix: "your_posts")
    static let instagram = meta(.instagram, "Instagram posts_N.json", prefix: "posts_")
    static let threads = meta(.threads, "Threads threads_and_replies.json", prefix: "threads_and_replies")
}
