import Foundation

/// Reddit's data export: `posts.csv` (title and body linted together) and `comments.csv`.
struct RedditReader: PostReader {
    var csv: CSVReader
    let isPosts: Bool

    init(path: String, lines: LineChunker) {
        isPosts = (path as NSString).lastPathComponent.lowercased() == "posts.csv"
        csv = CSVReader(path: path, lines: lines, fields: FieldSelection(text: "body", id: "id", timestamp: "date"))
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

extension InputReader {
    static let reddit = InputReader.posts(.reddit, "Reddit export posts.csv and comments.csv", platformExport: true,
                                          detects: { name, _ in name == "posts.csv" || name == "comments.csv" }) { source throws(PostLintError) in
        RedditReader(path: source.shownAs, lines: try source.lines())
    }
}
