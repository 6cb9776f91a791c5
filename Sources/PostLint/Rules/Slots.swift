import Yams

/// A named set of word forms that a phrase writes as `{name}`, so one phrase matches every
/// person, tense and number: `{subject} {want-to} {kill} {reflexive}`. Slots are grammar as
/// data (`Rules/lists/grammar/*.yml`, `slot: NAME` and `forms: […]`), never Swift.
///
/// A form may be several words (`going to`). A form that begins with an apostrophe (`'m`,
/// `'s`, `'ll`) is a contraction: it attaches to the word before it with no space ("I'm",
/// "she's").
struct Slot: Sendable {
    let name: String
    let forms: [String]

    static let keys: Set<String> = ["slot", "description", "forms"]

    /// Reads a slot file (the caller has checked that it has `slot:`).
    init(_ map: YAMLMap) throws(Diagnostic) {
        try map.rejectUnknownKeys(allowed: Slot.keys, in: "a slot")
        let name = try map.requiredString("slot", in: "a slot")
        guard name.wholeMatch(of: /[a-z][a-z0-9-]*/) != nil else {
            throw map.error(map.value("slot"), "slot name '\(name)' must be lower-case letters, digits and hyphens")
        }
        guard let forms = try map.strings("forms"), !forms.isEmpty else {
            throw map.error(map.value("forms"), "slot '\(name)' needs a list of 'forms'")
        }
        for form in forms {
            let node = map.scalarNode(form, under: ["forms"])
            guard form.unicodeScalars.contains(where: PhraseCompiler.isWordScalar) else {
                throw map.error(node ?? map.value("forms"), "each form of slot '\(name)' needs a letter or digit")
            }
            guard form.firstMatch(of: Slot.reference) == nil else {
                throw map.error(node ?? map.value("forms"), "a form of slot '\(name)' cannot use another slot ('\(form)')")
            }
        }
        self.name = name
        self.forms = forms
    }

    init(name: String, forms: [String]) {
        self.name = name
        self.forms = forms
    }

    /// A slot reference inside a word: `{name}`.
    nonisolated(unsafe) static let reference = /\{[^{}\s]+\}/

    /// Whether `form` is a contraction that attaches to the word before it ("'m" in "I'm").
    static func attaches(_ form: String) -> Bool {
        guard let first = form.unicodeScalars.first else { return false }
        return PhraseCompiler.apostrophes.contains(first)
    }
}

/// The slots of a rule set, by name.
struct SlotRegistry: Sendable {
    private(set) var slots: [String: Slot] = [:]

    mutating func add(_ slot: Slot) { slots[slot.name] = slot }

    subscript(name: String) -> Slot? { slots[name] }
    var names: [String] { slots.keys.sorted() }
}

/// A phrase as written, split into plain words and slot references.
struct SlotPhrase {
    enum Part {
        case word(String)
        case slot(Slot, optional: Bool)

        var isOptional: Bool { if case .slot(_, true) = self { true } else { false } }
    }

    /// What is wrong with a phrase, at a Unicode-scalar offset into it (YAML columns count
    /// scalars too).
    struct Problem: Error {
        let offset: Int
        let message: String
    }

    let text: String
    let parts: [Part]

    var hasSlots: Bool { parts.contains { if case .slot = $0 { true } else { false } } }

    /// Splits `text` at whitespace; a word written `{name}` (or `{name}?`, optional) is a slot.
    init(_ text: String, slots: SlotRegistry) throws(Problem) {
        var parts: [Part] = []
        for (offset, word) in SlotPhrase.words(of: text) {
            // Most words are plain: the regexes below cost microseconds each, per word of
            // every phrase, at every start.
            guard word.utf8.contains(UInt8(ascii: "{")) else {
                parts.append(.word(word))
                continue
            }
            if let reference = word.wholeMatch(of: /\{([^{}\s]+)\}(\?)?/) {
                let name = String(reference.output.1)
                guard let slot = slots[name] else {
                    var message = "unknown slot '{\(name)}'"
                    if let near = Spelling.closest(to: name, in: slots.names) { message += "; did you mean '{\(near)}'?" }
                    throw Problem(offset: offset, message: message)
                }
                parts.append(.slot(slot, optional: reference.output.2 != nil))
            } else if let inner = word.firstMatch(of: Slot.reference) {
                let at = offset + word.unicodeScalars[..<inner.range.lowerBound.samePosition(in: word.unicodeScalars)!].count
                throw Problem(offset: at, message: "slot '\(inner.output)' must stand alone as a word in '\(word)'")
            } else {
                parts.append(.word(word))
            }
        }
        if !parts.isEmpty, parts.allSatisfy(\.isOptional) {
            throw Problem(offset: 0, message: "phrase '\(text)' needs a word or a slot that is not optional")
        }
        self.text = text
        self.parts = parts
    }

    /// The whitespace-separated words of `text` with their Unicode-scalar offsets.
    private static func words(of text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var current = String.UnicodeScalarView(), start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { result.append((start, String(current))) }
                current = String.UnicodeScalarView()
            } else {
                if current.isEmpty { start = offset }
                current.append(scalar)
            }
        }
        if !current.isEmpty { result.append((start, String(current))) }
        return result
    }
}

extension YAMLMap {
    /// The scalar node holding exactly `text` under one of `keys` (in a list, or as a key of
    /// a mapping such as `swap:`), for error positions.
    func scalarNode(_ text: String, under keys: [String]) -> Node? {
        func search(_ node: Node) -> Node? {
            switch node {
            case .scalar(let scalar): return scalar.string == text ? node : nil
            case .sequence(let sequence): return sequence.lazy.compactMap(search).first
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if let found = search(key) ?? search(value) { return found }
                }
                return nil
            }
        }
        return keys.lazy.compactMap { self.value($0) }.compactMap(search).first
    }

    /// An error at `offset` Unicode scalars into the scalar `node` (its column shifted past
    /// an opening quote), or at the node itself when the text spans lines.
    func error(in node: Node?, offset: Int, _ message: String) -> Diagnostic {
        guard let node, case .scalar(let scalar) = node, let mark = node.mark, !scalar.string.contains("\n") else {
            return error(node, message)
        }
        let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        return Diagnostic(file: file, line: mark.line, column: mark.column + quote + offset, message: message)
    }
}
