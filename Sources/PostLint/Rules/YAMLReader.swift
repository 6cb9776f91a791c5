import Yams
import Foundation

/// A YAML mapping read strictly: every key must be known, duplicates are errors, and every
/// error names the file, line and column of the offending node.
struct YAMLMap {
    let file: String
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, file: String, what: String) throws(Diagnostic) {
        guard case .mapping(let mapping) = node else {
            throw YAMLMap.error(file, node, "\(what) must be a mapping of keys to values")
        }
        var seen: [String: Node] = [:]
        var pairs: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw YAMLMap.error(file, keyNode, "keys must be strings") }
            if let first = seen[key] {
                throw YAMLMap.error(file, keyNode, "duplicate key '\(key)' (first at line \(first.mark?.line ?? 0))")
            }
            seen[key] = keyNode
            pairs.append((key, keyNode, value))
        }
        self.file = file
        self.node = node
        self.pairs = pairs
    }

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    static func error(_ file: String, _ node: Node?, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
    }

    func error(_ node: Node?, _ message: String) -> Diagnostic { YAMLMap.error(file, node ?? self.node, message) }

    /// Rejects keys outside `allowed`, suggesting the closest known key.
    func rejectUnknownKeys(allowed: Set<String>, in what: String) throws(Diagnostic) {
        for pair in pairs where !allowed.contains(pair.key) {
            var message = "unknown key '\(pair.key)' in \(what)"
            if let near = Spelling.closest(to: pair.key, in: allowed) { message += "; did you mean '\(near)'?" }
            throw error(pair.keyNode, message)
        }
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }
    func has(_ key: String) -> Bool { value(key) != nil }

    func string(_ key: String) throws(Diagnostic) -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else { throw error(node, "'\(key)' must be a string") }
        return scalar.string
    }

    func requiredString(_ key: String, in what: String) throws(Diagnostic) -> String {
        guard let value = try string(key) else { throw error(nil, "\(what) is missing required key '\(key)'") }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error(self.value(key), "'\(key)' must not be empty")
        }
        return value
    }

    /// A string or a list of strings.
    func strings(_ key: String) throws(Diagnostic) -> [String]? {
        guard let node = value(key) else { return nil }
        return try YAMLMap.strings(node, file: file, key: key)
    }

    static func strings(_ node: Node, file: String, key: String) throws(Diagnostic) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    throw error(file, item, "each item of '\(key)' must be a string")
                }
                result.append(scalar.string)
            }
            return result
        default: throw error(file, node, "'\(key)' must be a string or a list of strings")
        }
    }

    func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let value = node.bool else { throw error(node, "'\(key)' must be true or false") }
        return value
    }

    func int(_ key: String, minimum: Int = 0) throws(Diagnostic) -> Int? {
        guard let node = value(key) else { return nil }
        guard let value = node.int, value >= minimum else {
            throw error(node, "'\(key)' must be a whole number of at least \(minimum)")
        }
        return value
    }

    func map(_ key: String, what: String) throws(Diagnostic) -> YAMLMap? {
        guard let node = value(key) else { return nil }
        return try YAMLMap(node, file: file, what: what)
    }

    func sequence(_ key: String) throws(Diagnostic) -> [Node]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else { throw error(node, "'\(key)' must be a list") }
        return Array(sequence)
    }
}

extension Node {
    /// The scalar's text, whatever YAML type it resolves to.
    var scalarString: String? { if case .scalar(let scalar) = self { return scalar.string } else { return nil } }
}

/// "Did you mean" for misspelt keys, ids and values.
public enum Spelling {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// The rule id meant by `word`: the closest id, else the one id whose name (after the
    /// pack) is `word` or close to it (`good-vibes-only` → `toxic-positivity/good-vibes-only`).
    public static func closestRule(to word: String, in ids: [String]) -> String? {
        if let near = closest(to: word, in: ids) { return near }
        let name = word.split(separator: "/").last.map(String.init) ?? word
        let byName = Dictionary(ids.map { (String($0.split(separator: "/").last ?? ""), $0) }, uniquingKeysWith: { first, _ in first })
        return closest(to: name, in: byName.keys).flatMap { byName[$0] }
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A bound on YAML nesting, checked before the parser sees the text: the YAML parser recurses
/// once per nested flow collection, so 100,000 `[` overflow the stack. Rules and
/// configurations nest a few levels; anything past `limit` is refused with its position.
enum YAMLNesting {
    static let limit = 64

    static func check(_ text: String, file: String) throws(Diagnostic) {
        var depth = 0, line = 1, column = 0
        var quote: UInt8?  // the quote of a quoted scalar inside a flow collection
        var escaped = false
        var previous: UInt8 = 0x0A, significant: UInt8 = 0x0A  // the byte before, the last non-blank one
        var inComment = false
        for byte in text.utf8 {
            column += 1
            defer {
                previous = byte
                if byte != 0x20 && byte != 0x09 { significant = byte }
            }
            if byte == 0x0A { line += 1; column = 0; inComment = false }
            if inComment { continue }
            if let open = quote {
                if escaped { escaped = false } else if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") { escaped = true } else if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "#") where previous == 0x20 || previous == 0x09 || previous == 0x0A:
                inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // NOTE: only a quote that starts a scalar inside a flow collection opens a quoted
                // scalar ("[don't" is plain text): counting a bracket too many refuses a file,
                // one too few would let the parser recurse.
                if depth > 0 && [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(significant) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit {
                    throw Diagnostic(file: file, line: line, column: column, message: "invalid YAML: nested more than \(limit) levels deep")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
    }
}

/// Line breaks that YAML's parser counts and editors do not: NEL (U+0085), LINE SEPARATOR
/// (U+2028) and PARAGRAPH SEPARATOR (U+2029). libyaml (YAML 1.1, under Yams) ends a line at
/// each of them, so its positions after one would name a line the writer cannot find (found
/// by the `rule-yaml` fuzz target: an error at line 4 of a two-line file). Refused with the
/// position an editor shows, before the parser sees the text.
enum YAMLLineBreaks {
    static func check(_ text: String, file: String) throws(Diagnostic) {
        var line = 1, column = 0, previousCR = false
        for scalar in text.unicodeScalars {
            column += 1
            switch scalar.value {
            case 0x0A:
                if !previousCR { line += 1 }
                column = 0
            case 0x0D:
                line += 1
                column = 0
            case 0x85, 0x2028, 0x2029:
                let name = scalar.value == 0x85 ? "NEXT LINE" : scalar.value == 0x2028 ? "LINE SEPARATOR" : "PARAGRAPH SEPARATOR"
                throw Diagnostic(file: file, line: line, column: column,
                                 message: String(format: "U+%04X (\(name)) ends a line for YAML but not in editors; use a newline, or write it escaped in a double-quoted string (\"\\u%04X\")", scalar.value, scalar.value))
            default:
                break
            }
            previousCR = scalar.value == 0x0D
        }
    }
}
