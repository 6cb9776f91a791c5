/// The JSON of a finding, written byte for byte as `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes it (a test compares the two on every rule's findings and on
/// every ASCII character), for `--format jsonl`, where encoding ran once per finding on the
/// thread that writes output.
///
/// NOTE: hand-written because `JSONEncoder` took most of the output time of a batch run (its
/// generic container machinery per value); the shape of `Finding` is small and fixed.
/// Public for the HTTP server (`/v1/check` writes the same finding objects as `--format json`).
public enum FindingJSON {
    /// `{"finding":{…},"type":"finding"}`
    static func appendLine(_ finding: Finding, to out: inout [UInt8]) {
        out += #"{"finding":"#.utf8
        appendFinding(finding, to: &out)
        out += #","type":"finding"}"#.utf8
    }

    /// One finding object, keys sorted, as `check --format json` writes it.
    public static func appendFinding(_ finding: Finding, to out: inout [UInt8]) {
        var object = Members()
        out.append(UInt8(ascii: "{"))
        object.string("category", finding.category, to: &out)
        if let fix = finding.fix { object.string("fix", fix, to: &out) }
        object.key("location", to: &out)
        appendLocation(finding.location, to: &out)
        object.string("match", finding.match, to: &out)
        object.string("message", finding.message, to: &out)
        object.string("rule", finding.rule, to: &out)
        object.string("severity", finding.severity.rawValue, to: &out)
        object.string("source", finding.source, to: &out)
        object.key("suggestions", to: &out)
        out.append(UInt8(ascii: "["))
        for (index, suggestion) in finding.suggestions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(suggestion, to: &out)
        }
        out += [UInt8(ascii: "]"), UInt8(ascii: "}")]
    }

    static func appendLocation(_ location: Location, to out: inout [UInt8]) {
        var object = Members()
        out.append(UInt8(ascii: "{"))
        object.int("column", location.column, to: &out)
        object.int("endColumn", location.endColumn, to: &out)
        object.int("endLine", location.endLine, to: &out)
        object.int("length", location.length, to: &out)
        object.int("line", location.line, to: &out)
        object.int("offset", location.offset, to: &out)
        if let path = location.path { object.string("path", path, to: &out) }
        if let post = location.post {
            object.key("post", to: &out)
            var inner = Members()
            out.append(UInt8(ascii: "{"))
            if let warning = post.contentWarning { inner.string("contentWarning", warning, to: &out) }
            if let fields = post.fields {
                inner.key("fields", to: &out)
                var members = Members()
                out.append(UInt8(ascii: "{"))
                for key in fields.keys.sorted() { members.string(key, fields[key]!, to: &out) }
                out.append(UInt8(ascii: "}"))
            }
            inner.string("id", post.id, to: &out)
            if let line = post.line { inner.int("line", line, to: &out) }
            if let record = post.record { inner.string("record", record, to: &out) }
            if let row = post.row { inner.int("row", row, to: &out) }
            if let timestamp = post.timestamp { inner.string("timestamp", timestamp, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A JSON string: `"` and `\` escaped, \b \t \n \f \r by name, other controls as \u00xx.
    public static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: string.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The members of one object, written in sorted key order by the caller: commas between.
    struct Members {
        var first = true

        mutating func key(_ key: String, to out: inout [UInt8]) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            FindingJSON.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
        }

        mutating func string(_ key: String, _ value: String, to out: inout [UInt8]) {
            self.key(key, to: &out)
            FindingJSON.appendString(value, to: &out)
        }

        mutating func int(_ key: String, _ value: Int, to out: inout [UInt8]) {
            self.key(key, to: &out)
            out += String(value).utf8
        }
    }
}
