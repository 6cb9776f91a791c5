import Foundation

/// Mastodon `outbox.json`: Create/Note items; HTML content; the content warning (`summary`)
/// kept with the post; boosts (Announce) counted. Real exports repeat the `orderedItems` key
/// (first empty, then the items): Foundation's JSONSerialization keeps the last value, and the
/// reader checks that the count is plausible rather than silently returning nothing.
enum Mastodon {
    static func events(_ data: Data, path: String) throws(PostLintError) -> [ReaderEvent] {
        guard let root = try ExportJSON.parse(data, path: path) as? [String: Any] else {
            throw .unreadableInput(Diagnostic(file: path, message: "expected an ActivityPub OrderedCollection; not read"))
        }
        if let value = root["orderedItems"], !(value is [Any]) {
            throw .unreadableInput(Diagnostic(file: path, message: "'orderedItems' is \(ExportJSON.kind(of: value)), expected an array of activities; not read"))
        }
        if root["orderedItems"] == nil, root["first"] != nil {
            throw .unreadableInput(Diagnostic(file: path, message: "a paged outbox (the posts are on the pages 'first' links to, as the server's API serves them); postlint reads the outbox.json of the archive from Preferences → Import and export → Request your archive; not read"))
        }
        if let total = root["totalItems"], !(total is Int) {
            throw .unreadableInput(Diagnostic(file: path, message: "'totalItems' is \(ExportJSON.kind(of: total)), expected a number; not read"))
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
            var post = Post(id: id, timestamp: timestamp, text: content, format: .html, contentWarning: warning, reference: reference)
            post.language = note["language"] as? String
            return .post(post)
        }
    }
}

extension InputReader {
    static let mastodon = InputReader.posts(.mastodon, "Mastodon outbox.json (ActivityPub)", platformExport: true,
                                            detects: { name, _ in name == "outbox.json" }) { source throws(PostLintError) in
        EventListReader(events: try Mastodon.events(try source.contents(), path: source.shownAs))
    }
}
