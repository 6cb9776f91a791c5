import Foundation

/// X/Twitter archives: `window.YTD.tweets.part0 = [ { "tweet": { … } } ]` (also `tweet.js`,
/// `tweets-partN.js`); long posts' full text in `note-tweet.js`. Retweets are someone else's
/// text, truncated: counted, not linted.
enum XArchive {
    static func array(_ data: Data, path: String) throws(PostLintError) -> [Any] {
        // Parse from the first "[": never evaluate the JavaScript.
        guard let start = data.firstIndex(of: UInt8(ascii: "[")) else {
            throw .unreadableInput(Diagnostic(file: path, message: "no JSON array after the 'window.YTD…' prefix; not read"))
        }
        guard let items = try ExportJSON.parse(data[start...], path: path, within: data) as? [Any] else {
            throw .unreadableInput(Diagnostic(file: path, message: "expected an array of tweets; not read"))
        }
        return items
    }

    static func events(_ data: Data, path: String, noteFile: (path: String, data: Data)?) throws(PostLintError) -> [ReaderEvent] {
        let items = try array(data, path: path)
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix("note-tweet") { return noteEvents(items, path: path) }
        // Long posts: the note-tweet file beside this one holds their full text. A broken one
        // is reported (long posts would otherwise be linted cut at their first 280 characters).
        var notes: [String] = [], problems: [ReaderEvent] = []
        if let noteFile {
            do throws(PostLintError) { notes = noteTexts(try array(noteFile.data, path: noteFile.path)) } catch {
                problems.append(.bad(Diagnostic(file: noteFile.path, message: "\(error.diagnostic(file: noteFile.path).message); long posts in \(name) are read cut at their first 280 characters")))
            }
        }
        return problems + items.enumerated().map { index, item in
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
            var post = Post(id: id, timestamp: timestamp, text: text,
                            reference: PostReference(id: id, timestamp: timestamp, record: "\(name)[\(index)]"))
            post.language = tweet["lang"] as? String
            return .post(post)
        }
    }

    /// The start of a truncated tweet, without the ellipsis and trailing link.
    static func truncatedPrefix(_ text: String) -> String {
        var prefix = text
        if let link = prefix.range(of: " https://t.co/", options: .backwards) { prefix = String(prefix[..<link.lowerBound]) }
        while prefix.hasSuffix("…") || prefix.hasSuffix(" ") { prefix.removeLast() }
        return String(prefix.prefix(200))
    }

    static func noteTexts(_ items: [Any]) -> [String] {
        items.compactMap { (($0 as? [String: Any])?["noteTweet"] as? [String: Any]).flatMap { ($0["core"] as? [String: Any])?["text"] as? String } }
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

extension InputReader {
    static let xArchive = InputReader.posts(.xArchive, "X/Twitter archive (tweets.js, tweet.js, tweets-partN.js, note-tweet.js)", platformExport: true,
                                            detects: { name, ext in ext == "js" && (name.hasPrefix("tweet") || name.hasPrefix("note-tweet")) }) {
        source throws(PostLintError) in
        EventListReader(events: try XArchive.events(try source.contents(), path: source.shownAs, noteFile: source.sibling(named: "note-tweet.js")))
    }
}
