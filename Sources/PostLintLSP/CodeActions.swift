import PostLint

/// `textDocument/codeAction`: for each finding under the requested range, one quick fix per
/// declared fix and suggestion, and one that disables the rule for the finding's line.
enum CodeActions {
    static func actions(uri: String, requested: Range<Int>, in linted: DocumentFindings,
                        encoding: PositionEncoding) -> [JSONValue] {
        var actions: [JSONValue] = []
        for finding in linted.findings where overlaps(finding, requested) {
            let diagnostic = DiagnosticConversion.diagnostic(finding, positions: linted.positions, encoding: encoding, rules: linted.rules)
            let range = LSPRange.json(offset: finding.location.offset, length: finding.location.length,
                                      in: linted.positions, encoding: encoding)
            func action(_ title: String, _ edit: JSONValue, preferred: Bool = false) -> JSONValue {
                var members: [String: JSONValue] = [
                    "title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic],
                    "edit": ["changes": .object([uri: [edit]])],
                ]
                if preferred { members["isPreferred"] = true }
                return .object(members)
            }
            var offered = Set<String>()
            if let fix = finding.fix {
                offered.insert(fix)
                actions.append(action("Replace with '\(fix)'", ["range": range, "newText": .string(fix)], preferred: true))
            }
            // NOTE: a `requires` rule flags what is missing (a crisis line after a mention of
            // suicide): its suggestion is a sentence to add, so it goes at the end of the text
            // instead of replacing the words that made the rule fire.
            let adds = linted.rules[finding.rule]?.kind == RequiresKindName.value
            for suggestion in finding.suggestions where offered.insert(suggestion).inserted {
                if adds {
                    actions.append(action("Add '\(suggestion)'", appending(suggestion, to: linted.positions, encoding: encoding)))
                } else {
                    actions.append(action("Replace with '\(suggestion)'", ["range": range, "newText": .string(suggestion)]))
                }
            }
            // Findings about suppression comments are fixed by editing the comment itself.
            if !finding.rule.hasPrefix("postlint/") {
                actions.append(action("Disable \(finding.rule) for this line",
                                      disablingLine(of: finding, in: linted, encoding: encoding)))
            }
        }
        return actions
    }

    /// Whether a finding touches the requested range (a bare cursor at either end counts).
    static func overlaps(_ finding: Finding, _ requested: Range<Int>) -> Bool {
        let start = finding.location.offset, end = finding.location.offset + finding.location.length
        return start <= requested.upperBound && requested.lowerBound <= end
    }

    /// The suppression comment for the file's format (`Suppressions` reads it from an HTML
    /// comment in Markdown and HTML, from a plain line in text), on its own line above the
    /// finding's, with that line's indentation and line ending.
    static func suppressionComment(rule: String, format: InputFormat) -> String {
        switch format {
        case .markdown, .html: return "<!-- postlint-disable-next-line \(rule) -->"
        default: return "postlint-disable-next-line \(rule)"
        }
    }

    static func disablingLine(of finding: Finding, in linted: DocumentFindings, encoding: PositionEncoding) -> JSONValue {
        let positions = linted.positions
        let line = positions.line(ofByte: finding.location.offset)
        let start = positions.byteOffset(of: TextPosition(line: line, character: 0), encoding: .utf8)
        let contentEnd = positions.byteOffset(of: TextPosition(line: line, character: Int.max), encoding: .utf8)
        let next = line + 1 < positions.lineCount
            ? positions.byteOffset(of: TextPosition(line: line + 1, character: 0), encoding: .utf8) : positions.bytes.count
        var ending = String(decoding: positions.bytes[contentEnd..<next], as: UTF8.self)
        if ending.isEmpty { ending = firstLineEnding(positions) }
        let indentation = String(decoding: positions.bytes[start..<contentEnd].prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
        let insertAt = LSPRange.json(positions.position(ofByte: start, encoding: encoding))
        return ["range": ["start": insertAt, "end": insertAt],
                "newText": .string(indentation + suppressionComment(rule: finding.rule, format: linted.format) + ending)]
    }

    /// An edit adding `sentence` as a paragraph of its own at the end of the text.
    static func appending(_ sentence: String, to positions: TextPositions, encoding: PositionEncoding) -> JSONValue {
        let end = LSPRange.json(positions.position(ofByte: positions.bytes.count, encoding: encoding))
        let ending = firstLineEnding(positions)
        let endsWithBreak = positions.bytes.last == 0x0A || positions.bytes.last == 0x0D
        let text = (positions.bytes.isEmpty ? "" : (endsWithBreak ? ending : ending + ending)) + sentence + ending
        return ["range": ["start": end, "end": end], "newText": .string(text)]
    }

    /// The text's own line ending (CRLF, CR or LF), LF when it has none.
    static func firstLineEnding(_ positions: TextPositions) -> String {
        guard positions.lineCount > 1 else { return "\n" }
        let contentEnd = positions.byteOffset(of: TextPosition(line: 0, character: Int.max), encoding: .utf8)
        let next = positions.byteOffset(of: TextPosition(line: 1, character: 0), encoding: .utf8)
        return String(decoding: positions.bytes[contentEnd..<next], as: UTF8.self)
    }
}

/// The kind name of `requires` rules (`RequiresKind` is internal to the engine).
enum RequiresKindName {
    static let value = "requires"
}
