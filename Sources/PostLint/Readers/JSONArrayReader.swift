import Foundation

/// A JSON array of posts (or an object holding one under `items`, `posts`, `data` or `records`).
enum JSONArrayReader {
    /// A JSON array of objects (or an object holding one under `items`, `posts` or `data`).
    static func jsonArray(_ data: Data, path: String, fields: FieldSelection) throws(PostLintError) -> [ReaderEvent] {
        let root = try ExportJSON.parse(data, path: path)
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

extension InputReader {
    static let jsonArray = InputReader.posts(.json, "a JSON array of posts", detects: { _, ext in ext == "json" }) { source throws(PostLintError) in
        EventListReader(events: try JSONArrayReader.jsonArray(try source.contents(), path: source.shownAs, fields: source.fields))
    }
}
