/// Phrases with slots (`{subject} {want-to} {die}`): each slot matches any of its forms, not
/// inflected, on word boundaries, escaped like the phrase's own words. Phrases without slots
/// compile exactly as before.
extension PhraseCompiler {
    typealias Part = SlotPhrase.Part

    /// The most literals one phrase may add to the prefilter: products of slot forms grow fast
    /// and every literal is a path in the prefilter's table.
    static let maximumLiteralsPerPhrase = 64

    /// One alternation for all phrases, longest first (as `pattern(for:inflect:)`).
    static func pattern(for phrases: [SlotPhrase], inflect: Bool) -> String {
        let sorted = phrases.sorted { ($0.text.count, $0.text) > ($1.text.count, $1.text) }
        let bodies = sorted.map { phrase in
            phrase.hasSlots ? sequence(phrase.parts[...], inflect: inflect) : pattern(for: phrase.text, inflect: inflect)
        }
        return "(?:" + bodies.joined(separator: "|") + ")"
    }

    // MARK: - Patterns

    /// The parts in order. A leading optional slot becomes an alternation (with it, or the
    /// rest alone), so no separator is left dangling when it is absent.
    private static func sequence(_ parts: ArraySlice<Part>, inflect: Bool) -> String {
        guard let first = parts.first else { return "" }
        let rest = parts.dropFirst()
        let body = head(first, inflect: inflect) + rest.map { tail($0, inflect: inflect) }.joined()
        guard first.isOptional, !rest.isEmpty else { return body }
        return "(?:" + body + "|" + sequence(rest, inflect: inflect) + ")"
    }

    /// A part that starts the phrase: no separator before it.
    private static func head(_ part: Part, inflect: Bool) -> String {
        switch part {
        case .word(let text): return bounded(word(text, inflect: inflect), text)
        case .slot(let slot, _): return "(?:" + sortedForms(slot).map(form).joined(separator: "|") + ")"
        }
    }

    /// A later part with the whitespace before it; a contraction form attaches with none.
    private static func tail(_ part: Part, inflect: Bool) -> String {
        switch part {
        case .word(let text):
            return "\\s+" + bounded(word(text, inflect: inflect), text)
        case .slot(let slot, let optional):
            let forms = sortedForms(slot)
            let spaced = forms.filter { !Slot.attaches($0) }
            var alternatives = forms.filter(Slot.attaches).map(form)
            if !spaced.isEmpty { alternatives.insert("\\s+(?:" + spaced.map(form).joined(separator: "|") + ")", at: 0) }
            return "(?:" + alternatives.joined(separator: "|") + ")" + (optional ? "?" : "")
        }
    }

    /// Longest first, so the longest form wins at a position ("being" before "be").
    private static func sortedForms(_ slot: Slot) -> [String] {
        slot.forms.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// One slot form: its words escaped, any whitespace between them, on word boundaries.
    private static func form(_ text: String) -> String {
        bounded(text.split(whitespaces: true).map { escape(String($0)) }.joined(separator: "\\s+"), text)
    }

    /// `body` with word boundaries where `text` starts or ends with a letter or digit.
    private static func bounded(_ body: String, _ text: String) -> String {
        var out = body
        if let first = text.unicodeScalars.first, isWordScalar(first) { out = "(?<![\\p{L}\\p{N}_])" + out }
        if let last = text.unicodeScalars.last, isWordScalar(last) { out += "(?![\\p{L}\\p{N}_])" }
        return out
    }

    // MARK: - Literals

    /// Lower-cased literals one of which every match of `phrase` contains, or nil when there
    /// is none (a phrase without slots then adds nothing, as before).
    ///
    /// NOTE: a slot cannot be one literal, but it can be a set: every match holds one of its
    /// forms. So a phrase's literals are the most specific set (see `score`) among: a word
    /// alone (as without slots); a required slot (each form's own literal); and a run of
    /// adjacent plain words and slots whose forms are all plain words, as the product of
    /// their texts ("{kill} {reflexive}" → "kill myself", "killed themselves"…), where an
    /// optional slot adds the run without it. Each member is in every match whose slots took
    /// those forms, so the prefilter never skips a real match (a literal missing from a match
    /// would lose findings). A contraction form ("'m") is not plain: it breaks a run, like a
    /// hyphen. A slotted phrase with no such set is a loader error, not a silent gap.
    static func literals(for phrase: SlotPhrase, inflect: Bool) -> [String]? {
        guard phrase.hasSlots else { return literals(for: [phrase.text], inflect: inflect).first.map { [$0] } }
        let parts = phrase.parts
        var candidates: [[String]] = parts.compactMap { alone($0, inflect: inflect) }
        for start in parts.indices {
            var product = [""]
            for end in start..<parts.count {
                guard let texts = joinable(parts[end], inflect: inflect),
                      product.count * texts.count <= maximumLiteralsPerPhrase else { break }
                product = product.flatMap { left in texts.map { right in [left, right].filter { !$0.isEmpty }.joined(separator: " ") } }
                if end > start { candidates.append(product) }
            }
        }
        let usable = candidates.filter { !$0.isEmpty && !$0.contains("") }.map(minimal)
        return usable.max { score($0) < score($1) }
    }

    /// A part's texts when it can join a run: a plain word (not inflected), or a slot whose
    /// forms are all plain words ("" stands for an optional slot left out).
    private static func joinable(_ part: Part, inflect: Bool) -> [String]? {
        switch part {
        case .word(let text):
            return !inflect && isPlain(text) ? [text.lowercased()] : nil
        case .slot(let slot, let optional):
            var texts: [String] = []
            for form in slot.forms {
                let words = form.lowercased().split(whitespaces: true).map(String.init)
                guard words.allSatisfy(isPlain) else { return nil }
                texts.append(words.joined(separator: " "))
            }
            return optional ? texts + [""] : texts
        }
    }

    /// A part's literals on its own: a word's (as without slots), or one for each form of a
    /// required slot; nil when some match could hold none of them.
    private static func alone(_ part: Part, inflect: Bool) -> [String]? {
        switch part {
        case .word(let text):
            return literals(for: [text], inflect: inflect).first.map { [$0] }
        case .slot(_, optional: true):
            return nil
        case .slot(let slot, optional: false):
            var result: [String] = []
            for form in slot.forms {
                guard let literal = literals(for: [form]).first, !literal.isEmpty else { return nil }
                result.append(literal)
            }
            return result
        }
    }

    private static func isPlain(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Without duplicates, and without a literal that holds another (the shorter one is found
    /// whenever the longer one is).
    private static func minimal(_ literals: [String]) -> [String] {
        var kept: [String] = []
        for literal in Set(literals).sorted(by: { ($0.count, $0) < ($1.count, $1) }) where !kept.contains(where: { literal.contains($0) }) {
            kept.append(literal)
        }
        return kept
    }

    /// Beyond this length a literal is rare enough in posts ("ready to kill" is): longer
    /// runs would only add paths to the prefilter's table, so fewer literals win from here.
    static let specificEnough = 12

    /// Longer shortest member (up to `specificEnough`), then fewer members, then longer.
    private static func score(_ literals: [String]) -> (Int, Int, Int) {
        let shortest = literals.map(\.count).min() ?? 0
        return (min(shortest, specificEnough), -literals.count, shortest)
    }
}
