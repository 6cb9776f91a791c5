import Foundation

/// Pinterest's data export: an HTML page whose "Pins" section lists each pin as a link to
/// `https://www.pinterest.com/pin/…/` followed by `<br>Key: value,` lines (`Title`, `Details`:
/// the description, `Alt Text`, `Created at`, …), with `No data` for an empty field. A pin's
/// text is its title and description; pins with neither are counted as skipped. Layout:
/// `ChowSinWon/pinterest-export-parser:data/pinterest-sample.html` (Fixtures/exports/pinterest/README.md).
enum PinterestExport {
    static let pinLink = "<a href=\"https://www.pinterest.com/pin/"

    static func events(_ data: Data, path: String) throws(PostLintError) -> [ReaderEvent] {
        guard let html = String(data: data, encoding: .utf8) else {
            throw .unreadableInput(Diagnostic(file: path, message: "not UTF-8; not read"))
        }
        // The Pins section: from its heading to the next heading.
        guard let heading = html.range(of: ">Pins</h1>") else {
            throw .unreadableInput(Diagnostic(file: path, message: "no 'Pins' section (<h1>Pins</h1>); not read"))
        }
        var section = html[heading.upperBound...]
        if let next = section.range(of: "<h1") { section = section[..<next.lowerBound] }
        var events: [ReaderEvent] = []
        for (index, block) in section.components(separatedBy: pinLink).dropFirst().enumerated() {
            let record = "pin \(index + 1)"
            let id = "https://www.pinterest.com/pin/" + (block.components(separatedBy: "\"").first ?? "")
            var fields: [String: String] = [:]
            for line in HTMLText.splitLines(block).dropFirst() {
                guard let colon = line.range(of: ": ") else { continue }
                let key = HTMLText.plain(String(line[..<colon.lowerBound]))
                var value = String(line[colon.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
                if value.hasSuffix(",") { value.removeLast() }
                value = HTMLText.plain(value)
                if value != "No data" && fields[key] == nil { fields[key] = value }
            }
            guard fields["Created at"] != nil || fields["Details"] != nil || fields["Title"] != nil else {
                events.append(.bad(Diagnostic(file: path, message: "\(record) (\(id)): no 'Title', 'Details' or 'Created at' field; record skipped")))
                continue
            }
            let text = [fields["Title"], fields["Details"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
            if text.isEmpty { events.append(.skipped(reason: "pins without a title or description")); continue }
            // "2024/01/13 15:35:01" (UTC) written with dashes, so months are counted like other exports'.
            let timestamp = fields["Created at"].map { $0.count >= 10 ? $0.prefix(10).replacingOccurrences(of: "/", with: "-") + $0.dropFirst(10) : $0 }
            events.append(.post(Post(id: id, timestamp: timestamp, text: text, reference: PostReference(id: id, timestamp: timestamp, record: record))))
        }
        return try ExportJSON.requirePosts(events, path: path, kind: "Pinterest pins")
    }

    static func sniff(_ ext: String, _ head: [UInt8]) -> Bool {
        guard ext == "html" || ext == "htm" else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text.contains(">Pins</h1>") || (text.contains(pinLink) && text.contains("<br>Details: "))
    }
}

extension InputReader {
    static let pinterest = InputReader.posts(.pinterest, "Pinterest export page (pin titles and descriptions)", platformExport: true,
                                             detects: { name, ext in (ext == "html" || ext == "htm") && name.contains("pinterest") },
                                             sniffs: PinterestExport.sniff) { source throws(PostLintError) in
        EventListReader(events: try PinterestExport.events(try source.contents(), path: source.shownAs))
    }
}
