import Foundation

/// Plain text and ISO 8601 times for audit reports: excerpts of HTML posts (Mastodon, RSS)
/// and entity-encoded ones (X archives) shown as a reader sees them, and every timestamp in
/// one style.
public enum AuditText {
    /// `text` without markup, with entities decoded and whitespace runs as one space. A tag
    /// cut at either end of an excerpt (`ef="…">word` or `word <a hr`) is dropped too.
    public static func plain(_ text: String) -> String {
        var text = text
        if let close = text.firstIndex(of: ">"), text[..<close].firstIndex(of: "<") == nil,
           text[..<close].contains(where: { $0 == "=" || $0 == "\"" || $0 == "/" }) || text[..<close].isEmpty {
            text = String(text[text.index(after: close)...])
        }
        if let open = text.lastIndex(of: "<"), text[open...].firstIndex(of: ">") == nil, isTagStart(text, open) {
            text = String(text[..<open])
        }
        var out = "", index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", isTagStart(text, index), let close = text[index...].firstIndex(of: ">") {
                let tag = text[text.index(after: index)..<close].lowercased()
                // Block ends and line breaks read as a space.
                if ["br", "/p", "p", "/div", "/li", "br/", "br /"].contains(where: { tag == $0 || tag.hasPrefix($0 + " ") }) { out += " " }
                index = text.index(after: close)
                continue
            }
            if character == "&", let (decoded, end) = entity(in: text, at: index) {
                out += decoded
                index = end
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .appending(out.last?.isWhitespace == true && !out.allSatisfy(\.isWhitespace) ? " " : "")
            .prepending(out.first?.isWhitespace == true && !out.allSatisfy(\.isWhitespace) ? " " : "")
    }

    private static func isTagStart(_ text: String, _ index: String.Index) -> Bool {
        let next = text.index(after: index)
        guard next < text.endIndex else { return true }
        let character = text[next]
        return character.isLetter || character == "/" || character == "!"
    }

    /// The entity at `index` decoded by the normaliser's `HTMLEntity` (references are ASCII,
    /// so their byte length is their length in characters).
    private static func entity(in text: String, at index: String.Index) -> (String, String.Index)? {
        let bytes = Array(text[index...].utf8.prefix(12))
        guard let (decoded, length) = HTMLEntity.decode(bytes[...], at: 0) else { return nil }
        return (String(decoding: decoded, as: UTF8.self), text.index(index, offsetBy: length))
    }

    // MARK: - Timestamps

    /// A timestamp as ISO 8601 in UTC (`2025-01-21T00:21:51Z`), from the forms exports use
    /// (ISO 8601 with an offset or fraction, "2023-01-15 12:34:56 UTC", Unix seconds, X's
    /// "Tue Jan 21 00:21:51 +0000 2025"); nil when it is none of them.
    public static func iso8601(_ timestamp: String) -> String? {
        let text = timestamp.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds > 0 { return format(Date(timeIntervalSince1970: seconds)) }
        for parser in parsers { if let date = parser.date(from: text) { return format(date) } }
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: text) { return format(date) }
        return nil
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    // SAFETY: built once and only read; DateFormatter parsing is thread-safe (macOS 10.9+ and
    // swift-corelibs-foundation), and audits parse on one thread anyway.
    nonisolated(unsafe) private static let parsers: [DateFormatter] = [
        "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm:ssXXXXX",
        "yyyy-MM-dd HH:mm:ss", "EEE MMM dd HH:mm:ss Z yyyy", "yyyy-MM-dd",
    ].map { pattern in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter
    }
}

extension String {
    fileprivate func prepending(_ prefix: String) -> String { prefix + self }
}
