/// The JSON of a finding, written byte for byte as `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes it (a test compares the two on every rule's findings and on
/// every ASCII character), for `--format jsonl`, where encoding ran once per finding on the
/// thread that writes output.
///
/// NOTE: hand-written because `JSONEncoder` took most of the output time of a batch run (its
/// generic container machinery per value); the shape of `Finding` is small and fixed.
enum FindingJSON {
    /// `{"finding":{…},"type":"finding"}`
    static func appendLine(_ finding: Finding, to out: inout [UInt8]) {
        out += #"{"finding":"#.utf8
        appendFinding(finding, to: &out)
        out += #","type":"finding"}"#.utf8
    }

    static func appendFinding(_ finding: Finding, to out: inout [UInt8]) {
        var object = ObjectWriter(out: out)
        out = []
        object.string("category", finding.category)
        if let fix = finding.fix { object.string("fix", fix) }
        object.key("location")
        appendLocation(finding.location, to: &object.out)
        object.string("match", finding.match)
        object.string("message", finding.message)
        object.string("rule", finding.rule)
        object.string("severity", finding.severity.rawValue)
        object.string("source", finding.source)
        object.key("suggestions")
        object.out.append(UInt8(ascii: "["))
        for (index, suggestion) in finding.suggestions.enumerated() {
            if index > 0 { object.out.append(UInt8(ascii: ",")) }
            appendString(suggestion, to: &object.out)
        }
        object.out.append(UInt8(ascii: "]"))
        out = object.finish()
    }

    static func appendLocation(_ location: Location, to out: inout [UInt8]) {
        var object = ObjectWriter(out: out)
        out = []
        object.int("column", location.column)
        object.int("endColumn", location.endColumn)
        object.int("endLine", location.endLine)
        object.int("length", location.length)
        object.int("line", location.line)
        object.int("offset", location.offset)
        if let path = location.path { object.string("path", path) }
        if let post = location.post {
            object.key("post")
            var inner = ObjectWriter(out: object.out)
            object.out = []
            if let warning = post.contentWarning { inner.string("contentWarning", warning) }
            inner.string("id", post.id)
            if let line = post.line { inner.int("line", line) }
            if let record = post.record { inner.string("record", record) }
            if let row = post.row { inner.int("row", row) }
            if let timestamp = post.timestamp { inner.string("timestamp", timestamp) }
            object.out = inner.finish()
        }
        out = object.finish()
    }

    /// A JSON string: `"` and `\` escaped, \b \t \n \f \r by name, other controls as \u00xx.
    static func appendString(_ string: String, to out: inout [UInt8]) {
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

    /// Writes `{` … `}` with commas between members (members in sorted key order by the caller).
    struct ObjectWriter {
        var out: [UInt8]
        var first = true

        init(out: [UInt8]) {
            self.out = out
            self.out.append(UInt8(ascii: "{"))
        }

        mutating func key(_ key: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            FindingJSON.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
        }

        mutating func string(_ key: String, _ value: String) {
            self.key(key)
            FindingJSON.appendString(value, to: &out)
        }

        mutating func int(_ key: String, _ value: Int) {
            self.key(key)
            out += String(value).utf8
        }

        consuming func finish() -> [UInt8] {
            out.append(UInt8(ascii: "}"))
            return out
        }
    }
}
