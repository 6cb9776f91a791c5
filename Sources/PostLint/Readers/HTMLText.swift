import Foundation

/// Plain text out of the small HTML fragments of export pages (YouTube's `my-comments.html`,
/// Pinterest's export): tags dropped, entities decoded, `<br>` as line breaks.
enum HTMLText {
    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "#39": "'"]

    /// The fragment split at `<br>`, `<br/>` and `<br />`.
    static func splitLines(_ html: String) -> [String] {
        var text = html
        for form in ["<br />", "<br/>", "<BR>"] { text = text.replacingOccurrences(of: form, with: "<br>") }
        return text.components(separatedBy: "<br>")
    }

    /// The `href` values of the fragment's links.
    static func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first.map(decode) }
    }

    /// The fragment without tags, entities decoded, surrounding white space trimmed.
    static func plain(_ html: String) -> String {
        var out = "", inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { out.append(character) }
        }
        return decode(out).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `&amp;`, `&quot;`, `&#39;`, `&#x1F308;`… decoded; unknown entities kept as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = after; continue }
            let name = String(after[..<semicolon])
            if let value = named[name] {
                out += value
            } else if name.hasPrefix("#"), let code = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
                      let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&" + name + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }
}
