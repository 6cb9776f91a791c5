import Foundation

extension ExportJSON {
    /// The events of a platform export, or a problem naming the file when it holds no post at
    /// all: a changed layout must not read as a clean, empty export.
    static func requirePosts(_ events: [ReaderEvent], path: String, kind: String) throws(PostLintError) -> [ReaderEvent] {
        if events.contains(where: { if case .post = $0 { true } else { false } }) { return events }
        let skipped = events.filter { if case .skipped = $0 { true } else { false } }.count
        let bad = events.count - skipped
        var detail = ""
        if skipped > 0 || bad > 0 {
            detail = " (" + [skipped > 0 ? "\(skipped) skipped by nature" : nil, bad > 0 ? "\(bad) malformed" : nil].compactMap { $0 }.joined(separator: ", ") + ")"
        }
        for case .bad(let diagnostic) in events.prefix(1) {
            throw .unreadableInput(Diagnostic(file: path, message: "no \(kind) found\(detail); first problem: \(diagnostic.message)"))
        }
        throw .unreadableInput(Diagnostic(file: path, message: "no \(kind) found\(detail); not read"))
    }

    /// The value at a path of object keys, trying each spelling of a key in turn.
    static func dig(_ root: Any?, _ path: [[String]]) -> Any? {
        var current = root
        for names in path {
            guard let object = current as? [String: Any], let next = names.lazy.compactMap({ object[$0] }).first else { return nil }
            current = next
        }
        return current
    }
}
