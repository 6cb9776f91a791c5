import PCRE2

/// An inline directive: `postlint-disable RULE…`, `postlint-enable RULE…` or
/// `postlint-disable-next-line RULE… -- reason`, in an HTML/Markdown comment or a plain line.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Kind: String, Sendable { case disable, enable, disableNextLine = "disable-next-line" }

    public var kind: Kind
    /// Rule ids or pack names; empty means every rule.
    public var rules: [String]
    public var reason: String?
    public var text: String
    /// Where the directive sits (1-based line and column), and the last line it spans.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var offset: Int
    public var length: Int

    func covers(_ rule: String) -> Bool {
        rules.isEmpty || rules.contains { $0 == rule || $0 == "all" || rule.hasPrefix($0 + "/") }
    }
}

/// Applies inline suppressions to a document's findings, and reports the directives that
/// suppressed nothing, name unknown rules, or (when asked) give no reason.
public enum Suppressions {
    public static let superfluousRule = "postlint/superfluous-suppression"
    public static let unknownRule = "postlint/unknown-rule-in-suppression"
    public static let missingReasonRule = "postlint/suppression-without-reason"
    static let documentation = "https://github.com/postlint/postlint#suppressions"

    private static let directivePattern = try! CompiledPattern(
        #"postlint-(disable-next-line|disable|enable)(?![\w-])([^\n]*?)(?:-->|$)"#,
        options: [.utf, .ucp, .matchInvalidUTF, .multiline])

    private static let prefix = Array("postlint-".utf8)

    static func mentionsDirective(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            guard text.count >= prefix.count else { return false }
            var index = 0
            let last = text.count - prefix.count
            while index <= last {
                if text[index] == 0x70 {  // "p"
                    var offset = 1
                    while offset < prefix.count && text[index + offset] == prefix[offset] { offset += 1 }
                    if offset == prefix.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Every directive in the document, in order.
    public static func directives(in document: Document) -> [SuppressionDirective] {
        // Most texts hold no directive: a byte search for the prefix spares the line index and
        // a PCRE2 scratch (whose JIT stack is a fresh mapping) for every flagged post.
        guard mentionsDirective(document.bytes) else { return [] }
        let lines = LineIndex(document.bytes)
        var found: [SuppressionDirective] = []
        let scratch = MatchScratch()
        document.bytes.withUnsafeBufferPointer { buffer in
            try? directivePattern.forEachMatch(in: buffer, scratch: scratch) { match in
                guard let kindRange = match.groups[0], let argumentRange = match.groups[1] else { return true }
                let kindText = String(decoding: document.bytes[kindRange], as: UTF8.self)
                var arguments = String(decoding: document.bytes[argumentRange], as: UTF8.self)
                var reason: String?
                if let separator = arguments.range(of: " -- ") ?? arguments.range(of: "--") {
                    let text = arguments[separator.upperBound...].trimmingCharacters(in: .whitespaces)
                    reason = text.isEmpty ? nil : text
                    arguments = String(arguments[..<separator.lowerBound])
                }
                let rules = arguments.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == ":" }.map(String.init)
                // The directive's own text: without a closing "-->" and trailing blanks.
                var upper = argumentRange.upperBound
                while upper > match.range.lowerBound, [0x20, 0x09, 0x0D].contains(document.bytes[upper - 1]) { upper -= 1 }
                let range = match.range.lowerBound..<upper
                let start = lines.position(of: range.lowerBound, in: document.bytes)
                let end = lines.position(of: max(range.lowerBound, range.upperBound - 1), in: document.bytes)
                found.append(SuppressionDirective(
                    kind: SuppressionDirective.Kind(rawValue: kindText) ?? .disable, rules: rules, reason: reason,
                    text: String(decoding: document.bytes[range], as: UTF8.self),
                    line: start.line, column: start.column, endLine: end.line,
                    offset: range.lowerBound, length: range.count))
                return true
            }
        }
        return found
    }

    /// The findings that survive the document's directives, and findings about the directives.
    public static func apply(_ findings: [Finding], in document: Document, knownRules: Set<String>,
                             requireReason: Bool = false) -> (kept: [Finding], directiveFindings: [Finding]) {
        let directives = directives(in: document)
        guard !directives.isEmpty else { return (findings, []) }
        // Each disable runs until the first later enable that covers one of its rules.
        var ends: [Int: Int] = [:]
        for (index, directive) in directives.enumerated() where directive.kind == .disable {
            let closing = directives[(index + 1)...].first { other in
                other.kind == .enable && (other.rules.isEmpty || directive.rules.isEmpty || other.rules.contains { directive.rules.contains($0) })
            }
            ends[index] = closing?.line ?? Int.max
        }
        var used = Set<Int>()
        var kept: [Finding] = []
        for finding in findings {
            let line = finding.location.line
            let suppressor = directives.indices.first { index in
                let directive = directives[index]
                guard directive.covers(finding.rule) else { return false }
                switch directive.kind {
                case .disableNextLine: return line == directive.endLine + 1
                case .disable: return line >= directive.line && line < (ends[index] ?? Int.max)
                case .enable: return false
                }
            }
            if let suppressor { used.insert(suppressor) } else { kept.append(finding) }
        }
        // An enable that closes a disable counts as used: if that disable suppressed nothing,
        // the disable alone is reported. Only an enable with no disable before it is superfluous.
        for (index, directive) in directives.enumerated() where directive.kind == .enable {
            if ends.values.contains(directive.line) { used.insert(index) }
        }
        var meta: [Finding] = []
        let lines = LineIndex(document.bytes)
        let packs = Set(knownRules.map { String($0.split(separator: "/")[0]) })
        for (index, directive) in directives.enumerated() {
            let unknown = directive.rules.filter { $0 != "all" && !knownRules.contains($0) && !packs.contains($0) }
            if !unknown.isEmpty {
                let near = unknown.compactMap { Spelling.closest(to: $0, in: knownRules.union(packs)) }
                var message = "'\(directive.text)' names unknown rule\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", "))"
                if let first = near.first { message += "; did you mean '\(first)'?" }
                meta.append(finding(for: directive, in: document, lines: lines, rule: unknownRule, severity: .warning, message: message))
            } else if !used.contains(index) {
                let message = directive.kind == .enable
                    ? "'\(directive.text)' enables nothing that was disabled"
                    : "'\(directive.text)' suppresses nothing; remove it"
                meta.append(finding(for: directive, in: document, lines: lines, rule: superfluousRule, severity: .warning, message: message))
            }
            if requireReason && directive.kind != .enable && directive.reason == nil {
                meta.append(finding(for: directive, in: document, lines: lines, rule: missingReasonRule, severity: .error,
                                    message: "'\(directive.text)' gives no reason; add one after ' -- '"))
            }
        }
        return (kept, meta)
    }

    private static func finding(for directive: SuppressionDirective, in document: Document, lines: LineIndex, rule: String,
                                severity: Severity, message: String) -> Finding {
        let end = lines.position(of: directive.offset + directive.length, in: document.bytes)
        return Finding(rule: rule, category: "suppression", severity: severity, message: message, match: directive.text,
                       suggestions: [], source: documentation,
                       location: Location(path: document.path, line: directive.line, column: directive.column,
                                          endLine: end.line, endColumn: end.column, offset: directive.offset, length: directive.length))
    }
}
